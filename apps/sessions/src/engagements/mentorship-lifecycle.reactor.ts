import { isMatchingEvent } from '@trellis/matching/contracts';
import { circleConversationId } from '@trellis/sessions/contracts';
import { DomainError } from '@trellis/shared/event-store';
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
 * MentorshipEnded; opens a circle's conversation on CircleCreated, adds and removes its mentees as they join and
 * leave, and closes it on CircleClosed (matching keys all four by the circle, so they arrive in order). The command id is
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
      return;
    }
    if (isMatchingEvent(event, 'CircleCreated')) {
      const { circleId, programId, mentorPersonId } = event.data;
      const conversationId = circleConversationId(circleId);
      await options.conversations.execute(
        { ...context, programId, commandId: conversationOpenCommitId(conversationId) },
        conversationId,
        {
          type: 'OpenConversation',
          mentorshipId: conversationId,
          programId,
          circleId,
          memberPersonIds: [mentorPersonId],
          now: envelope.occurredAt,
        },
      );
      return;
    }
    if (isMatchingEvent(event, 'CircleMemberJoined') || isMatchingEvent(event, 'CircleMemberLeft')) {
      const joined = event.type === 'CircleMemberJoined';
      await onCircleConversation(() =>
        options.conversations.execute(
          { ...context, commandId: `${joined ? 'circle-join' : 'circle-leave'}:${envelope.id}` },
          circleConversationId(event.data.circleId),
          {
            type: joined ? 'JoinConversation' : 'LeaveConversation',
            personId: event.data.menteePersonId,
            now: envelope.occurredAt,
          },
        ),
      );
      return;
    }
    if (isMatchingEvent(event, 'CircleClosed')) {
      await onCircleConversation(() =>
        options.conversations.execute(
          { ...context, commandId: `close-conversation:${envelope.id}` },
          circleConversationId(event.data.circleId),
          { type: 'CloseConversation', now: envelope.occurredAt },
        ),
      );
    }
  };
  return matchingConsumer(options, handler);
}

/**
 * A circle created before conversations existed has none (its CircleCreated was consumed before): its later events
 * change nothing rather than waiting in the dead-letter topic for a conversation that will never open.
 */
async function onCircleConversation(change: () => Promise<unknown>): Promise<void> {
  try {
    await change();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return;
    throw error;
  }
}
