import type { AgreementTerms, EngagementCommand, EngagementEvent } from '../engagement.decider';
import { sealed } from './sealed.fixture';

/** The pair, their engagement and the commands every engagement spec starts from. */
export const mentor = 'p-mentor';
export const mentee = 'p-mentee';
export const stranger = 'p-stranger';
export const now = '2026-03-02T09:00:00.000Z';
export const ref = { mentorshipId: 'm-1' };

export const opened: EngagementEvent = {
  type: 'EngagementOpened',
  mentorshipId: 'm-1',
  programId: 'prog-1',
  mentorPersonId: mentor,
  menteePersonId: mentee,
  mentorParticipantId: 'pa-mentor',
  menteeParticipantId: 'pa-mentee',
  format: 'one-on-one',
  openedAt: '2026-03-01T08:00:00.000Z',
};
export const terms: AgreementTerms = {
  cadence: 'fortnightly',
  sessionMinutes: 60,
  durationMonths: 6,
  channels: ['video', 'chat'],
  expectations: sealed('expectations'),
  confidentiality: sealed('confidentiality'),
};
export const proposed = (version: number, by = mentor, t: AgreementTerms = terms): EngagementEvent => ({
  type: 'AgreementProposed',
  ...ref,
  version,
  proposedByPersonId: by,
  proposedAt: now,
  ...t,
});
export const signed = (version: number, by: string, inEffect: boolean): EngagementEvent => ({
  type: 'AgreementSigned',
  ...ref,
  version,
  signedByPersonId: by,
  inEffect,
  signedAt: now,
});
export const goalSet: EngagementEvent = {
  type: 'GoalSet',
  ...ref,
  goalId: 'g-1',
  setByPersonId: mentee,
  ownerPersonId: mentee,
  title: sealed('Lead a team project'),
  smart: { specific: sealed('s'), measurable: sealed('m') },
  targetDate: '2026-09-30',
  milestones: [{ milestoneId: 'ms-1', title: sealed('Shadow a lead'), targetDate: '2026-05-01' }],
  milestoneCount: 1,
  setAt: now,
};
export const cmd = <T extends EngagementCommand['type']>(
  type: T,
  fields: Omit<Extract<EngagementCommand, { type: T }>, 'type' | 'now' | 'actor'> & { actor?: string },
) => ({ type, actor: mentor, now, ...fields }) as unknown as EngagementCommand;
