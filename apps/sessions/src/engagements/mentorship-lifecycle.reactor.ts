import { isMatchingEvent } from '@trellis/matching/contracts';
import type { ConsumerRunner, EventEnvelope } from '@trellis/shared/messaging';
import { type ConversationStore, conversationOpenCommitId } from '../core/conversation-store';
import { matchingConsumer, type MatchingConsumerOptions } from '../core/matching-consumer';
import type { SessionsStore } from '../core/sessions-store';

export const MENTORSHIP_LIFECYCLE_GROUP = 'sessions.mentorship-lifecycle';

export interface MentorshipLifecycleOptions extends MatchingConsumerOptions {
  store: SessionsStore;
  conversations: ConversationStore;
}

/**
 * Opens an engagement and the pair's conversation when matching announces MentorshipStarted and closes both on
 * MentorshipEnded. The command id is
 * derived from the event id and the command's time from the event's, so a redelivered event replays the very same
 * command: the event store answers it with the original commit instead of appending twice.
 */
export function mentorshipLifecycleReactor(options: MentorshipLifecycleOptions): ConsumerRunner {
  const actor = `system:${options.group}`;
  const handler = async (envelope: EventEnvelope): Promise<void> => {
    const event = { type: envelope.type, data: envelope.data };
    const context = {
      tenantId: envelope.tenantId,
      actor,
      correlationId: envelope.correlationId,
      causationId: envelope.id,
      ...(envelope.programId ? { programId: envelope.programId } : {}),
    };
    if (isMatchingEvent(event, 'MentorshipStarted')) {
      const data = event.data;
      await options.store.executeEngagement(
        { ...context, programId: data.programId, commandId: `open:${envelope.id}` },
        data.mentorshipId,
        {
          type: 'OpenEngagement',
          mentorshipId: data.mentorshipId,
          programId: data.programId,
          mentorPersonId: data.mentorPersonId,
          menteePersonId: data.menteePersonId,
          mentorParticipantId: data.mentorParticipantId,
          menteeParticipantId: data.menteeParticipantId,
          format: data.format,
          ...(data.circleId ? { circleId: data.circleId } : {}),
          now: envelope.occurredAt,
        },
      );
      await options.conversations.execute(
        { ...context, programId: data.programId, commandId: conversationOpenCommitId(data.mentorshipId) },
        data.mentorshipId,
        {
          type: 'OpenConversation',
          mentorshipId: data.mentorshipId,
          programId: data.programId,
          memberPersonIds: [data.mentorPersonId, data.menteePersonId],
          now: envelope.occurredAt,
        },
      );
      return;
    }
    if (isMatchingEvent(event, 'MentorshipEnded')) {
      await options.store.executeEngagement(
        { ...context, commandId: `close:${envelope.id}` },
        event.data.mentorshipId,
        {
          type: 'CloseEngagement',
          now: envelope.occurredAt,
        },
      );
      await options.conversations.execute(
        { ...context, commandId: `close-conversation:${envelope.id}` },
        event.data.mentorshipId,
        { type: 'CloseConversation', now: envelope.occurredAt },
      );
    }
  };
  return matchingConsumer(options, handler);
}
