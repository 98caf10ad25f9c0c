import { randomUUID } from 'node:crypto';
import type { EventStore } from '@trellis/shared/event-store';
import { deriveId } from './deterministic-id';

/**
 * The commit id one step of a client's command writes under: derived from its command id, so a retry names the same
 * commit and the command handler answers it with the stream as it is instead of deciding again (which would refuse
 * it as done already). Without a command id (timers, reactors) every attempt is its own commit.
 */
export function commandCommitId(commandId: string | undefined, step: string, subjectId: string): string {
  return commandId ? deriveId(step, subjectId, commandId) : randomUUID();
}

/**
 * Whether this command's commit is stored on the stream: lets a retry be answered before the checks that only make
 * sense the first time (a closed request is no longer open, a removed pair is no longer in the round).
 */
export async function commandApplied(
  store: EventStore,
  commandId: string | undefined,
  step: string,
  subjectId: string,
  streamId: string,
): Promise<boolean> {
  if (!commandId) return false;
  const commit = await store.commits.findOne(
    { _id: deriveId(step, subjectId, commandId), streamId },
    { projection: { _id: 1 } },
  );
  return commit !== null;
}
