import type { SealedText } from '@trellis/shared/kernel';
import { given } from '@trellis/shared/kernel/testing';
import { participantDecider, type ParticipantEvent, type Profile, type ProgramFacts } from './participant.decider';

const sealed = (label: string): SealedText => ({ enc: `sealed:${label}` });
const program: ProgramFacts = {
  programId: 'p1',
  status: 'enrollment-open',
  format: 'one-on-one',
  defaultMentorCapacity: 2,
  questions: [
    { questionId: 'area', kind: 'single-choice', optionIds: ['lead', 'tech'], usedForMatching: true, weight: 1 },
    { questionId: 'topics', kind: 'multiple-choice', optionIds: ['a', 'b', 'c'], usedForMatching: true, weight: 1 },
    { questionId: 'energy', kind: 'scale', optionIds: [], scaleMin: 1, scaleMax: 5, usedForMatching: true, weight: 1 },
    { questionId: 'hope', kind: 'short-text', optionIds: [], usedForMatching: false, weight: 0 },
  ],
  cohortIds: ['c1'],
};
const profile = (overrides: Partial<Profile> = {}): Profile => ({
  displayName: sealed('name'),
  email: sealed('email'),
  headline: null,
  bio: null,
  goals: sealed('goals'),
  department: 'Engineering',
  orgUnit: null,
  seniority: 2,
  field: 'Software',
  skillsOffered: [],
  skillsSought: ['System Design'],
  interests: [],
  languages: ['en', 'DE'],
  timezone: 'Europe/Berlin',
  availability: [
    { day: 3, startMinute: 600, endMinute: 660 },
    { day: 1, startMinute: 540, endMinute: 600 },
  ],
  formats: ['virtual'],
  communicationStyle: 'conversational',
  managerPersonId: null,
  answers: [{ questionId: 'area', optionIds: ['tech'] }],
  demographics: {},
  ...overrides,
});
const ids = { participantId: 'pa1', personId: 'u1', programId: 'p1' };
const enroll = (overrides: Record<string, unknown> = {}) => ({
  type: 'Enroll' as const,
  participantId: 'pa1',
  personId: 'u1',
  roles: ['mentee' as const],
  cohortId: null,
  mentorCapacity: null,
  invited: false,
  profile: profile(),
  program,
  ...overrides,
});
const enrolled: ParticipantEvent = {
  type: 'ParticipantEnrolled',
  ...ids,
  cohortId: null,
  roles: ['mentee'],
  mentorCapacity: 0,
  invited: false,
  profile: profile(),
};

describe('Participant decider', () => {
  describe('Enroll', () => {
    it('enrolls a mentee, normalizing languages and sorting availability', () => {
      given(participantDecider, [])
        .when(enroll())
        .thenProduces(([event]) => {
          expect(event).toMatchObject({ type: 'ParticipantEnrolled', roles: ['mentee'], mentorCapacity: 0 });
          const p = (event as Extract<ParticipantEvent, { type: 'ParticipantEnrolled' }>).profile;
          expect(p.languages).toEqual(['en', 'de']);
          expect(p.skillsSought).toEqual(['system design']);
          expect(p.availability.map((w) => w.day)).toEqual([1, 3]);
        });
    });

    it('gives a mentor the program default capacity unless one is chosen', () => {
      given(participantDecider, [])
        .when(enroll({ roles: ['mentor'], profile: profile({ skillsOffered: [{ skill: 'Go', level: 4 }] }) }))
        .thenProduces(([event]) => expect(event).toMatchObject({ mentorCapacity: 2 }));
      given(participantDecider, [])
        .when(enroll({ roles: ['mentor', 'mentee'], mentorCapacity: 5 }))
        .thenProduces(([event]) => expect(event).toMatchObject({ mentorCapacity: 5, roles: ['mentor', 'mentee'] }));
    });

    it('refuses enrolling twice', () => {
      given(participantDecider, [enrolled])
        .when(enroll())
        .thenFails('CONFLICT', /already enrolled/);
    });

    it('refuses self-enrollment while enrollment is closed, but a manager may invite', () => {
      const closed = { ...program, status: 'enrollment-closed' as const };
      given(participantDecider, [])
        .when(enroll({ program: closed }))
        .thenFails('CONFLICT', /not open/);
      given(participantDecider, [])
        .when(enroll({ program: closed, invited: true }))
        .thenProduces(([event]) => expect(event).toMatchObject({ invited: true }));
    });

    it('refuses any enrollment in an archived program', () => {
      given(participantDecider, [])
        .when(enroll({ program: { ...program, status: 'archived' }, invited: true }))
        .thenFails('CONFLICT', /archived/);
    });

    it.each([
      ['an unknown language code', { languages: ['xx'] }, /ISO 639-1/],
      ['no language', { languages: [] }, /at least one language/],
      ['an unknown time zone', { timezone: 'Mars/Olympus' }, /IANA/],
      ['an offset instead of a zone', { timezone: '+02:00' }, /IANA/],
      [
        'overlapping availability',
        {
          availability: [
            { day: 1, startMinute: 540, endMinute: 660 },
            { day: 1, startMinute: 600, endMinute: 700 },
          ],
        },
        /overlap/,
      ],
      [
        'a window ending before it starts',
        { availability: [{ day: 2, startMinute: 700, endMinute: 600 }] },
        /15 minutes after/,
      ],
      ['a day 8', { availability: [{ day: 8, startMinute: 60, endMinute: 120 }] }, /Monday/],
      ['a skill offered by a mentee', { skillsOffered: [{ skill: 'go', level: 3 }] }, /Only mentors/],
      ['an answer to an unknown question', { answers: [{ questionId: 'nope', optionIds: ['a'] }] }, /no question/],
      [
        'two options for a single-choice question',
        { answers: [{ questionId: 'area', optionIds: ['lead', 'tech'] }] },
        /exactly one/,
      ],
      ['an unknown option', { answers: [{ questionId: 'topics', optionIds: ['z'] }] }, /no option "z"/],
      ['a scale answer out of range', { answers: [{ questionId: 'energy', value: 9 }] }, /1 to 5/],
      ['text for a choice question', { answers: [{ questionId: 'area', text: sealed('x') }] }, /choosing/],
      ['a number for a short-text question', { answers: [{ questionId: 'hope', value: 3 }] }, /short text/],
    ])('refuses a profile with %s and names the problem', (_label, overrides, message) => {
      given(participantDecider, [])
        .when(enroll({ profile: profile(overrides as Partial<Profile>) }))
        .thenFails('BAD_USER_INPUT', message);
    });

    it('refuses a mentor capacity out of bounds', () => {
      given(participantDecider, [])
        .when(enroll({ roles: ['mentor'], mentorCapacity: 0 }))
        .thenFails('BAD_USER_INPUT', /1 to 20/);
      given(participantDecider, [])
        .when(enroll({ roles: ['mentor'], mentorCapacity: 21 }))
        .thenFails('BAD_USER_INPUT', /1 to 20/);
    });

    it('refuses an unknown cohort', () => {
      given(participantDecider, [])
        .when(enroll({ cohortId: 'c9' }))
        .thenFails('NOT_FOUND', /cohort/);
    });

    it('keeps demographic values only where consent is given', () => {
      given(participantDecider, [])
        .when(
          enroll({
            profile: profile({
              demographics: {
                gender: { consent: false, value: 'female' },
                first_generation: { consent: true, value: 'yes' },
              },
            }),
          }),
        )
        .thenProduces(([event]) =>
          expect((event as Extract<ParticipantEvent, { type: 'ParticipantEnrolled' }>).profile.demographics).toEqual({
            gender: { consent: false, value: null },
            first_generation: { consent: true, value: 'yes' },
          }),
        );
    });
  });

  describe('after enrollment', () => {
    it('updates the profile with the same validation', () => {
      given(participantDecider, [enrolled])
        .when({ type: 'UpdateProfile', profile: profile({ timezone: 'America/New_York' }), program })
        .thenProduces(([event]) =>
          expect(event).toMatchObject({ type: 'ParticipantProfileUpdated', profile: { timezone: 'America/New_York' } }),
        );
      given(participantDecider, [enrolled])
        .when({ type: 'UpdateProfile', profile: profile({ languages: ['english'] }), program })
        .thenFails('BAD_USER_INPUT');
      given(participantDecider, []).when({ type: 'UpdateProfile', profile: profile(), program }).thenFails('NOT_FOUND');
    });

    it('lets a mentee pay it forward as a mentor, keeping the mentee role and history', () => {
      given(participantDecider, [enrolled])
        .when({ type: 'AddRole', role: 'mentor', program })
        .then([
          { type: 'ParticipantRoleAdded', ...ids, role: 'mentor' },
          { type: 'MentorCapacityChanged', ...ids, capacity: 2 },
        ]);
    });

    it('refuses a role the participant already has', () => {
      given(participantDecider, [enrolled]).when({ type: 'AddRole', role: 'mentee', program }).thenFails('CONFLICT');
    });

    it('changes capacity only for mentors and within bounds', () => {
      const mentor: ParticipantEvent[] = [enrolled, { type: 'ParticipantRoleAdded', ...ids, role: 'mentor' }];
      given(participantDecider, [enrolled])
        .when({ type: 'ChangeMentorCapacity', capacity: 3, program })
        .thenFails('CONFLICT', /Only mentors/);
      given(participantDecider, mentor)
        .when({ type: 'ChangeMentorCapacity', capacity: 30, program })
        .thenFails('BAD_USER_INPUT');
      given(participantDecider, mentor)
        .when({ type: 'ChangeMentorCapacity', capacity: 3, program })
        .then([{ type: 'MentorCapacityChanged', ...ids, capacity: 3 }]);
    });

    it('refuses changes once the program is archived', () => {
      given(participantDecider, [enrolled])
        .when({ type: 'UpdateProfile', profile: profile(), program: { ...program, status: 'archived' } })
        .thenFails('CONFLICT', /archived/);
    });

    it('pauses until a future date and resumes', () => {
      const now = '2027-01-01T00:00:00Z';
      given(participantDecider, [enrolled])
        .when({ type: 'Pause', until: '2027-02-01T00:00:00Z', now })
        .then([{ type: 'ParticipantPaused', ...ids, until: '2027-02-01T00:00:00Z' }]);
      given(participantDecider, [enrolled])
        .when({ type: 'Pause', until: '2026-12-01T00:00:00Z', now })
        .thenFails('BAD_USER_INPUT');
      const paused: ParticipantEvent = { type: 'ParticipantPaused', ...ids, until: null };
      given(participantDecider, [enrolled, paused])
        .when({ type: 'Resume' })
        .then([{ type: 'ParticipantResumed', ...ids }]);
      given(participantDecider, [enrolled]).when({ type: 'Resume' }).then([]);
    });

    it('withdraws, after which the person may enroll again', () => {
      const withdrew: ParticipantEvent = { type: 'ParticipantWithdrew', ...ids };
      given(participantDecider, [enrolled]).when({ type: 'Withdraw' }).then([withdrew]);
      given(participantDecider, [enrolled, withdrew]).when({ type: 'Withdraw' }).thenFails('NOT_FOUND');
      given(participantDecider, [enrolled, withdrew])
        .when(enroll())
        .thenProduces(([event]) => expect(event?.type).toBe('ParticipantEnrolled'));
    });

    it('erases once; erasing again is a no-op', () => {
      const erased: ParticipantEvent = { type: 'ParticipantDataErased', ...ids };
      given(participantDecider, [enrolled]).when({ type: 'EraseData' }).then([erased]);
      given(participantDecider, [enrolled, erased]).when({ type: 'EraseData' }).then([]);
      given(participantDecider, []).when({ type: 'EraseData' }).thenFails('NOT_FOUND');
    });
  });
});
