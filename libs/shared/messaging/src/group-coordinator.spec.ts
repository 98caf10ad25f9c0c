import type { Kafka } from 'kafkajs';
import type { Logger } from '@trellis/shared/observability';
import { waitForGroupCoordinator } from './group-coordinator';

const loading = () =>
  Object.assign(new Error("The coordinator is loading and hence can't process requests for this group"), {
    retriable: true,
    type: 'GROUP_LOAD_IN_PROGRESS',
  });

function broker(answers: Array<() => unknown>) {
  const asked: string[][] = [];
  const admin = {
    connect: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
    describeGroups: (groupIds: string[]) => {
      asked.push(groupIds);
      const answer = (answers.shift() ?? (() => ({ groups: [] })))();
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, asked };
}

const logger = () => {
  const warnings: unknown[] = [];
  return { warnings, logger: { warn: (...args: unknown[]) => warnings.push(args) } as unknown as Logger };
};

describe('waitForGroupCoordinator', () => {
  it('asks again while the coordinator is loading and resolves once it answers', async () => {
    const { kafka, asked } = broker([loading, loading]);
    const { logger: log, warnings } = logger();
    await waitForGroupCoordinator(kafka, 'matching.erasure', log);
    expect(asked).toEqual([['matching.erasure'], ['matching.erasure'], ['matching.erasure']]);
    expect(warnings).toEqual([]);
  });

  it('looks through the error kafkajs wraps around its last retry', async () => {
    const exhausted = () =>
      Object.assign(new Error('retries exhausted', { cause: loading() }), {
        name: 'KafkaJSNumberOfRetriesExceeded',
        retriable: false,
      });
    const { kafka, asked } = broker([exhausted]);
    await waitForGroupCoordinator(kafka, 'g', logger().logger);
    expect(asked).toHaveLength(2);
  });

  it('leaves an answer that is no broker state to the join', async () => {
    const refused = () => Object.assign(new Error('Not authorized to access group'), { retriable: false });
    const { kafka, asked } = broker([refused, loading]);
    await waitForGroupCoordinator(kafka, 'g', logger().logger);
    expect(asked).toHaveLength(1);
  });

  it('gives up after its bound with a warning, and the consumer joins anyway', async () => {
    const { kafka } = broker(Array.from({ length: 100 }, () => loading));
    const { logger: log, warnings } = logger();
    await waitForGroupCoordinator(kafka, 'g', log, 300);
    expect(warnings).toHaveLength(1);
    const [fields, message] = warnings[0] as [{ group: string; reason: string }, string];
    expect(message).toBe('group coordinator not ready; joining anyway');
    expect(fields.group).toBe('g');
    expect(fields.reason).toContain('coordinator is loading');
  });
});
