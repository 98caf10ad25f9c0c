import { DomainError, type Decider } from '@trellis/shared/kernel';
import { optionalId, requireId, withOptional } from '../validation';
import {
  initialEngagementState,
  instant,
  requireEngagement,
  type EngagementState,
  type OnEngagement,
} from './engagement-state';

/** Opening the engagement when matching announces MentorshipStarted, closing it when the mentorship ends. */

export type LifecycleCommand =
  | {
      type: 'OpenEngagement';
      mentorshipId: string;
      programId: string;
      mentorPersonId: string;
      menteePersonId: string;
      mentorParticipantId: string;
      menteeParticipantId: string;
      format: string;
      circleId?: string;
      now: string;
    }
  | { type: 'CloseEngagement'; now: string };

export type LifecycleEvent =
  | ({
      type: 'EngagementOpened';
      programId: string;
      mentorPersonId: string;
      menteePersonId: string;
      mentorParticipantId: string;
      menteeParticipantId: string;
      format: string;
      circleId?: string;
      openedAt: string;
    } & OnEngagement)
  | ({ type: 'EngagementClosed'; reason: 'mentorship-ended'; closedAt: string } & OnEngagement);

function decide(command: LifecycleCommand, state: EngagementState): LifecycleEvent[] {
  if (command.type === 'OpenEngagement') return openEngagement(command, state);
  requireEngagement(state);
  if (state.status === 'closed') return [];
  return [
    {
      type: 'EngagementClosed',
      mentorshipId: state.mentorshipId,
      reason: 'mentorship-ended',
      closedAt: instant(command.now),
    },
  ];
}

function openEngagement(
  command: Extract<LifecycleCommand, { type: 'OpenEngagement' }>,
  state: EngagementState,
): LifecycleEvent[] {
  const mentorshipId = requireId(command.mentorshipId, 'mentorshipId');
  if (state.status !== 'none') {
    // MentorshipStarted is delivered at least once: a repeat for the same mentorship changes nothing.
    if (state.mentorshipId === mentorshipId) return [];
    throw new DomainError('CONFLICT', 'This engagement belongs to another mentorship.');
  }
  const mentorPersonId = requireId(command.mentorPersonId, 'mentorPersonId');
  const menteePersonId = requireId(command.menteePersonId, 'menteePersonId');
  if (mentorPersonId === menteePersonId) {
    throw new DomainError('BAD_USER_INPUT', 'A person cannot mentor themselves.');
  }
  return [
    {
      type: 'EngagementOpened',
      mentorshipId,
      programId: requireId(command.programId, 'programId'),
      mentorPersonId,
      menteePersonId,
      mentorParticipantId: requireId(command.mentorParticipantId, 'mentorParticipantId'),
      menteeParticipantId: requireId(command.menteeParticipantId, 'menteeParticipantId'),
      format: requireId(command.format, 'format'),
      ...withOptional('circleId', optionalId(command.circleId, 'circleId')),
      openedAt: instant(command.now),
    },
  ];
}

function evolve(state: EngagementState, event: LifecycleEvent): EngagementState {
  switch (event.type) {
    case 'EngagementOpened':
      return {
        ...state,
        status: 'open',
        mentorshipId: event.mentorshipId,
        programId: event.programId,
        mentorPersonId: event.mentorPersonId,
        menteePersonId: event.menteePersonId,
        mentorParticipantId: event.mentorParticipantId,
        menteeParticipantId: event.menteeParticipantId,
        format: event.format,
        ...withOptional('circleId', event.circleId),
        openedAt: event.openedAt,
      };
    case 'EngagementClosed':
      return { ...state, status: 'closed' };
  }
}

export const lifecycleDecider: Decider<LifecycleCommand, LifecycleEvent, EngagementState> = {
  initialState: initialEngagementState,
  decide,
  evolve,
};
