/**
 * Whether a handler failed because something it depends on is away for now (MongoDB, the broker, the network) or
 * because of the event itself. The consumer runner retries the first kind for as long as it lasts and dead-letters
 * only the second: an outage of a few seconds must not send healthy events to the DLQ.
 *
 * An error can say so itself with `transient: true` (the event store's RevisionGapError and the reactor inbox's
 * ClaimHeldError do); everything not recognised here counts as the event's fault, so a bug cannot block a partition
 * forever — its events wait in the DLQ for a replay.
 */
const TRANSIENT_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  // No pooled connection within the wait-queue timeout: the connections are all held by requests MongoDB has not
  // answered (yet); a retry finds the pool healed.
  'MongoWaitQueueTimeoutError',
  'MongoWriteConcernError',
  'KafkaJSConnectionError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSLockTimeout',
  'KafkaJSNumberOfRetriesExceeded',
]);

const TRANSIENT_SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

export function isTransientFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const candidate = current as { transient?: unknown; name?: unknown; code?: unknown; cause?: unknown };
    if (candidate.transient === true) return true;
    if (typeof candidate.name === 'string' && TRANSIENT_NAMES.has(candidate.name)) return true;
    if (typeof candidate.code === 'string' && TRANSIENT_SYSTEM_CODES.has(candidate.code)) return true;
    current = candidate.cause;
  }
  return false;
}
