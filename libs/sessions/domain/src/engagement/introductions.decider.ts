import { DomainError, type Decider, type SealedText } from '@trellis/shared/kernel';
import { optionalSealed, requireSealed } from '../sealed';
import { requireId, withOptional } from '../validation';
import {
  initialEngagementState,
  isParticipant,
  pairAction,
  requireMentor,
  type ByPerson,
  type EngagementState,
  type OnEngagement,
} from './engagement-state';

/** Introductions the mentor makes from their network: to another participant or to an external contact. */

export type IntroductionTarget =
  | { kind: 'participant'; personId: string }
  | { kind: 'external-contact'; contact: SealedText };

export interface Introduction {
  introductionId: string;
  target: IntroductionTarget;
  note?: SealedText;
  introducedByPersonId: string;
  madeAt: string;
}

export type IntroductionCommand = {
  type: 'MakeIntroduction';
  introductionId: string;
  target: IntroductionTarget;
  note?: SealedText;
} & ByPerson;

export type IntroductionEvent = {
  type: 'IntroductionMade';
  introductionId: string;
  target: IntroductionTarget;
  note?: SealedText;
  introducedByPersonId: string;
  menteePersonId: string;
  madeAt: string;
} & OnEngagement;

function decide(command: IntroductionCommand, state: EngagementState): IntroductionEvent[] {
  const { actor, now, ref } = pairAction(state, command);
  requireMentor(state, actor, 'Only the mentor makes introductions to their network.');
  const introductionId = requireId(command.introductionId, 'introductionId');
  if (state.introductions[introductionId]) throw new DomainError('CONFLICT', 'An introduction with this id exists.');
  return [
    {
      type: 'IntroductionMade',
      ...ref,
      introductionId,
      target: validTarget(command.target, state),
      ...withOptional('note', optionalSealed(command.note, 'note')),
      introducedByPersonId: actor,
      menteePersonId: state.menteePersonId,
      madeAt: now,
    },
  ];
}

function validTarget(target: IntroductionTarget, state: EngagementState): IntroductionTarget {
  if (target?.kind === 'participant') {
    const personId = requireId(target.personId, 'personId');
    if (isParticipant(state, personId)) {
      throw new DomainError('BAD_USER_INPUT', 'Introduce the mentee to someone other than this pair.');
    }
    return { kind: 'participant', personId };
  }
  if (target?.kind === 'external-contact') {
    return { kind: 'external-contact', contact: requireSealed(target.contact, 'Contact details') };
  }
  throw new DomainError('BAD_USER_INPUT', 'An introduction is to another participant or to an external contact.');
}

function evolve(state: EngagementState, event: IntroductionEvent): EngagementState {
  return {
    ...state,
    introductions: {
      ...state.introductions,
      [event.introductionId]: {
        introductionId: event.introductionId,
        target: event.target,
        ...withOptional('note', event.note),
        introducedByPersonId: event.introducedByPersonId,
        madeAt: event.madeAt,
      },
    },
  };
}

export const introductionsDecider: Decider<IntroductionCommand, IntroductionEvent, EngagementState> = {
  initialState: initialEngagementState,
  decide,
  evolve,
};
