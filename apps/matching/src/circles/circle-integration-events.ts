import type { MatchingIntegrationEvent } from '@trellis/matching/contracts';
import type { CircleEvent } from '@trellis/matching/domain';

/**
 * Circle events → matching.events.v1, so the sessions service can schedule group sessions for a circle's members.
 * Ids, enums and counts only; who acted and when stay in the event store.
 */
export function toCircleIntegrationEvent(event: CircleEvent): MatchingIntegrationEvent {
  switch (event.type) {
    case 'CircleCreated':
      return {
        type: 'CircleCreated',
        data: {
          circleId: event.circleId,
          programId: event.programId,
          mentorPersonId: event.mentorPersonId,
          mentorParticipantId: event.mentorParticipantId,
          maxSize: event.maxSize,
          selfJoin: event.selfJoin,
        },
      };
    case 'CircleMemberJoined':
      return {
        type: 'CircleMemberJoined',
        data: {
          circleId: event.circleId,
          programId: event.programId,
          menteePersonId: event.menteePersonId,
          menteeParticipantId: event.menteeParticipantId,
          members: event.members,
          via: event.via,
        },
      };
    case 'CircleMemberLeft':
      return {
        type: 'CircleMemberLeft',
        data: {
          circleId: event.circleId,
          programId: event.programId,
          menteePersonId: event.menteePersonId,
          menteeParticipantId: event.menteeParticipantId,
          members: event.members,
          reason: event.reason,
        },
      };
    case 'CircleClosed':
      return {
        type: 'CircleClosed',
        data: { circleId: event.circleId, programId: event.programId, memberPersonIds: event.memberPersonIds },
      };
  }
}
