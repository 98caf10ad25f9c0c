import { logLevel } from 'kafkajs';
import { errorCodes } from 'kafkajs/src/protocol/error';

export type LogLevelName = 'error' | 'warn' | 'info' | 'debug';

export interface KafkaLogVerdict {
  level: LogLevelName;
  /** The protocol error the entry is about, when it names one: operators search logs by these. */
  fields: { errorType?: string; errorCode?: number };
}

const levelNames: Record<number, LogLevelName> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

const retriableByMessage = new Map(errorCodes.filter((e) => e.retriable).map((e) => [e.message, e] as const));

// A group's coordinator moves through these states on every new broker and after each coordinator failover; the
// consumers wait for it (waitForGroupCoordinator) and kafkajs's own coordinator lookup retries them.
const coordinatorStates = new Set([
  'GROUP_LOAD_IN_PROGRESS',
  'GROUP_COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR_FOR_GROUP',
]);

// kafkajs announces with these that it recovers by itself: a crashed consumer is restarted, an expired member joins
// its group again.
const ownRecoveries = ['Restarting the consumer', 'The coordinator is not aware of this member, re-joining the group'];

const crashLine = /^Crash: (\w+): (.*)$/s;

/**
 * The level at which a kafkajs log entry is written. kafkajs logs at error every broker answer that carries an error
 * code, also the transient ones it retries itself — a topic's metadata not spread yet, a coordinator still loading —
 * and a new broker gives many such answers in its first seconds. Those would fire every operator's error alert on
 * every deploy, so an answer that kafkajs classes as retriable is written at warn (info for the coordinator states
 * that every group join may pass through), with its type and code. Everything else keeps kafkajs's level: a retry
 * that finally fails reaches the caller, which reports it as an error of its own.
 */
export function kafkaLogLevel(level: number, message: string, error: unknown): KafkaLogVerdict {
  const given = levelNames[level] ?? 'info';
  if (given !== 'error') return { level: given, fields: {} };
  // kafkajs's createTopics takes "already exists" for success and throws every other creation error to its caller
  // (ensureTopics names them); several services creating the same topics at once is the normal first start.
  if (message.startsWith('Response CreateTopics') && error === 'Topic creation errors') {
    return { level: 'info', fields: {} };
  }
  if (ownRecoveries.some((start) => message.startsWith(start))) return { level: 'warn', fields: {} };
  const crash = crashLine.exec(message);
  if (crash?.[1] === 'KafkaJSNumberOfRetriesExceeded') return { level: 'warn', fields: {} };
  const retriable = retriableByMessage.get(crash ? crash[2]! : String(error));
  if (!retriable) return { level: 'error', fields: {} };
  return {
    level: coordinatorStates.has(retriable.type) ? 'info' : 'warn',
    fields: { errorType: retriable.type, errorCode: retriable.code },
  };
}
