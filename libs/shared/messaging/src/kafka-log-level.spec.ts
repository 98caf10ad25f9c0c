import { logLevel } from 'kafkajs';
import { kafkaLogLevel } from './kafka-log-level';

// The entries are those a brand-new broker made kafkajs log at error level during one first `npm start`.
describe('the level of a kafkajs log entry', () => {
  it('writes an answer kafkajs retries at warn, naming the protocol error', () => {
    expect(
      kafkaLogLevel(
        logLevel.ERROR,
        'Response Metadata(key: 3, version: 6)',
        'This server does not host this topic-partition',
      ),
    ).toEqual({ level: 'warn', fields: { errorType: 'UNKNOWN_TOPIC_OR_PARTITION', errorCode: 3 } });
  });

  it('writes a coordinator that is still loading at info, also when it crashed a consumer kafkajs restarts', () => {
    const loading = "The coordinator is loading and hence can't process requests for this group";
    const expected = { level: 'info', fields: { errorType: 'GROUP_LOAD_IN_PROGRESS', errorCode: 14 } };
    expect(kafkaLogLevel(logLevel.ERROR, 'Response DescribeGroups(key: 15, version: 1)', loading)).toEqual(expected);
    expect(kafkaLogLevel(logLevel.ERROR, `Crash: KafkaJSProtocolError: ${loading}`, undefined)).toEqual(expected);
    expect(kafkaLogLevel(logLevel.ERROR, 'Restarting the consumer in 300ms', undefined).level).toBe('warn');
  });

  it('does not count a topic another service created first as an error', () => {
    expect(
      kafkaLogLevel(logLevel.ERROR, 'Response CreateTopics(key: 19, version: 3)', 'Topic creation errors'),
    ).toEqual({
      level: 'info',
      fields: {},
    });
  });

  it.each([
    [
      'a refused request',
      'Response Produce(key: 0, version: 7)',
      'Not authorized to access topics: [Topic authorization failed]',
    ],
    ['a crash kafkajs does not restart', 'Crash: KafkaJSNonRetriableError: Invalid topic', undefined],
    ['an unreachable broker', 'Connection error: connect ECONNREFUSED 127.0.0.1:9092', undefined],
  ])('keeps %s at error', (_what, message, error) => {
    expect(kafkaLogLevel(logLevel.ERROR, message, error)).toEqual({ level: 'error', fields: {} });
  });

  it('keeps the level of entries below error', () => {
    expect(
      kafkaLogLevel(
        logLevel.WARN,
        'Limiting retries for the idempotent producer may invalidate EoS guarantees',
        undefined,
      ),
    ).toEqual({ level: 'warn', fields: {} });
  });
});
