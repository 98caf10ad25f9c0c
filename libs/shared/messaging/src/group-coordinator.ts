import type { Kafka } from 'kafkajs';
import type { Logger } from '@trellis/shared/observability';

const coordinatorWaitMs = 60_000;

/**
 * Resolves once the coordinator of `groupId` answers questions about the group. On a new broker each coordinator
 * first loads its partition of `__consumer_offsets`, and a consumer that joins meanwhile is refused ("the coordinator
 * is loading"): kafkajs then crashes and restarts it. Asking first lets the consumer join once. Bounded: a
 * coordinator still not ready after `timeoutMs` is logged, and the consumer joins anyway with kafkajs's own restarts
 * behind it.
 */
export async function waitForGroupCoordinator(
  kafka: Kafka,
  groupId: string,
  logger: Logger,
  timeoutMs = coordinatorWaitMs,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await admin.describeGroups([groupId]);
        return;
      } catch (error) {
        // Anything but a broker still catching up is for the join itself to report.
        if (!isRetriable(error)) return;
        if (Date.now() > deadline) {
          const reason = error instanceof Error ? error.message : String(error);
          logger.warn({ group: groupId, reason }, 'group coordinator not ready; joining anyway');
          return;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** kafkajs wraps the broker's answer when its own retries run out; the answer decides. */
function isRetriable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { retriable, cause } = current as { retriable?: unknown; cause?: unknown };
    if (cause === undefined || cause === current) return retriable === true;
    current = cause;
  }
  return false;
}
