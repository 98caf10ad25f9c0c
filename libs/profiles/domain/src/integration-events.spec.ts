import type { SealedText } from '@trellis/shared/kernel';
import { toProfilesIntegrationEvent } from './integration-events';
import type { Profile } from './participant.decider';
import type { Question } from './program.decider';

const sealed = (): SealedText => ({ enc: 'test:v1' });

const questions: Question[] = [
  {
    questionId: 'focus',
    kind: 'single-choice',
    text: 'What should this mentorship focus on?',
    options: [
      { optionId: 'career', label: 'Career direction' },
      { optionId: 'skills', label: 'A specific skill' },
    ],
    optionIds: ['career', 'skills'],
    usedForMatching: true,
    weight: 2,
    matchingMode: 'complementary',
  },
  {
    questionId: 'pace',
    kind: 'scale',
    text: 'How structured do you like your meetings?',
    options: [],
    optionIds: [],
    scaleMin: 1,
    scaleMax: 5,
    usedForMatching: true,
    weight: 1,
  },
];

describe('what matching learns about the questionnaire', () => {
  it('gets each question’s id, kind, options, scale, weight and mode, never its wording', () => {
    const event = toProfilesIntegrationEvent({ type: 'ProgramQuestionnaireChanged', programId: 'p1', questions });
    expect(event).toEqual({
      type: 'ProgramQuestionnaireChanged',
      data: {
        programId: 'p1',
        questions: [
          {
            questionId: 'focus',
            kind: 'single-choice',
            optionIds: ['career', 'skills'],
            usedForMatching: true,
            weight: 2,
            matchingMode: 'complementary',
          },
          {
            questionId: 'pace',
            kind: 'scale',
            optionIds: [],
            scaleMin: 1,
            scaleMax: 5,
            usedForMatching: true,
            weight: 1,
          },
        ],
      },
    });
    expect(JSON.stringify(event)).not.toContain('mentorship');
  });

  it('gets a participant’s choice and scale answers as option ids and numbers, never free text', () => {
    const profile: Profile = {
      displayName: sealed(),
      email: sealed(),
      headline: null,
      bio: null,
      goals: null,
      department: null,
      orgUnit: null,
      seniority: null,
      field: null,
      skillsOffered: [],
      skillsSought: [],
      interests: [],
      languages: ['en'],
      timezone: 'Europe/Berlin',
      availability: [],
      formats: [],
      communicationStyle: null,
      managerPersonId: null,
      answers: [
        { questionId: 'focus', optionIds: ['career'] },
        { questionId: 'pace', value: 4 },
        { questionId: 'story', text: sealed() },
      ],
      demographics: {},
    };
    const event = toProfilesIntegrationEvent({
      type: 'ParticipantProfileUpdated',
      participantId: 'pt1',
      personId: 'person-1',
      programId: 'p1',
      profile,
    });
    expect(event.type === 'ParticipantProfileUpdated' && event.data.profile.matchingAnswers).toEqual([
      { questionId: 'focus', optionIds: ['career'] },
      { questionId: 'pace', value: 4 },
    ]);
  });
});

describe('what the rest of Trellis learns about an organization or a program’s wording', () => {
  it('gets the ids only: names and descriptions stay in profiles', () => {
    expect(toProfilesIntegrationEvent({ type: 'OrganizationRegistered', organizationId: 'o1', name: 'Acme' })).toEqual({
      type: 'OrganizationRegistered',
      data: { organizationId: 'o1' },
    });
    const edited = toProfilesIntegrationEvent({
      type: 'ProgramDetailsEdited',
      programId: 'p1',
      name: 'Spring mentoring',
      description: 'For new leads',
    });
    expect(edited).toEqual({ type: 'ProgramDetailsEdited', data: { programId: 'p1' } });
  });
});
