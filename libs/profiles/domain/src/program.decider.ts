import type {
  MatchingFactor,
  MatchingRules,
  ProgramSettings,
  QuestionKind,
  QuestionShape,
} from '@trellis/profiles/contracts';
import { DomainError, type Decider } from '@trellis/shared/kernel';

/** A question as the program manager wrote it; the wording stays in profiles, consumers get its shape. */
export interface Question extends QuestionShape {
  text: string;
  options: Array<{ optionId: string; label: string }>;
}

export interface Cohort {
  cohortId: string;
  name: string;
  /** ISO calendar dates (YYYY-MM-DD), inclusive. */
  startsOn: string;
  endsOn: string;
}

export type ProgramStatus = 'draft' | 'enrollment-open' | 'enrollment-closed' | 'archived';

export interface ProgramDetails {
  name: string;
  description: string;
}

export type ProgramEvent =
  | {
      type: 'ProgramCreated';
      programId: string;
      name: string;
      description: string;
      settings: ProgramSettings;
      matchingRules: MatchingRules;
      questions: Question[];
      copiedFromProgramId: string | null;
    }
  | { type: 'ProgramDetailsEdited'; programId: string; name: string; description: string }
  | { type: 'ProgramSettingsChanged'; programId: string; settings: ProgramSettings }
  | { type: 'ProgramQuestionnaireChanged'; programId: string; questions: Question[] }
  | { type: 'ProgramMatchingRulesChanged'; programId: string; matchingRules: MatchingRules }
  | { type: 'ProgramEnrollmentOpened'; programId: string }
  | { type: 'ProgramEnrollmentClosed'; programId: string }
  | { type: 'ProgramArchived'; programId: string }
  | ({ type: 'ProgramCohortAdded'; programId: string } & Cohort)
  | { type: 'ProgramManagerAssigned'; programId: string; personId: string }
  | { type: 'ProgramManagerUnassigned'; programId: string; personId: string };

export type ProgramCommand =
  | {
      type: 'CreateProgram';
      programId: string;
      details: ProgramDetails;
      settings?: Partial<ProgramSettings>;
      matchingRules?: MatchingRules;
      questions?: Question[];
      copiedFromProgramId?: string;
    }
  | { type: 'EditProgramDetails'; details: ProgramDetails }
  | { type: 'ChangeProgramSettings'; settings: Partial<ProgramSettings> }
  | { type: 'DefineQuestionnaire'; questions: Question[] }
  | { type: 'ChangeMatchingRules'; matchingRules: MatchingRules }
  | { type: 'OpenEnrollment' }
  | { type: 'CloseEnrollment' }
  | { type: 'ArchiveProgram' }
  | ({ type: 'AddCohort' } & Cohort)
  | { type: 'AssignProgramManager'; personId: string }
  | { type: 'UnassignProgramManager'; personId: string };

export interface ProgramState {
  exists: boolean;
  programId: string;
  name: string;
  description: string;
  status: ProgramStatus;
  settings: ProgramSettings;
  matchingRules: MatchingRules;
  questions: Question[];
  cohorts: Cohort[];
  managerPersonIds: string[];
  copiedFromProgramId: string | null;
}

export const DEFAULT_PROGRAM_SETTINGS: Required<ProgramSettings> = {
  format: 'one-on-one',
  meetingCadenceDays: 14,
  relationshipDurationWeeks: 26,
  defaultMentorCapacity: 2,
  maxOpenRequestsPerMentee: 3,
  requestExpiryDays: 7,
  offerNextBestOnDecline: true,
  maxCircleSize: 8,
  maxPreferredMentors: 3,
  surveyResultThreshold: 5,
  conversationRetentionDays: null,
};

export const MATCHING_FACTORS: readonly MatchingFactor[] = [
  'skills',
  'field',
  'languages',
  'availability',
  'communicationStyle',
  'seniority',
  'questionnaire',
  'interests',
];

export const DEFAULT_MATCHING_RULES: MatchingRules = {
  weights: {
    skills: 4,
    field: 2,
    languages: 1,
    availability: 2,
    communicationStyle: 1,
    seniority: 1,
    questionnaire: 1,
    interests: 1,
  },
  hardRules: {
    sameDepartmentNotAllowed: false,
    reportingLineExcluded: true,
    sharedLanguageRequired: true,
    maxTimezoneGapHours: null,
    minSeniorityGap: null,
  },
  objective: 'best-total',
};

/** Bounds a program manager may choose; outside them the program would not work as people expect. */
export const SETTING_BOUNDS: Record<
  Exclude<keyof ProgramSettings, 'format' | 'offerNextBestOnDecline' | 'conversationRetentionDays'>,
  [number, number]
> = {
  meetingCadenceDays: [1, 90],
  relationshipDurationWeeks: [1, 156],
  defaultMentorCapacity: [1, 20],
  maxOpenRequestsPerMentee: [1, 10],
  requestExpiryDays: [1, 60],
  maxCircleSize: [2, 30],
  maxPreferredMentors: [1, 10],
  // Fewer than 3 answers would let a manager work out who answered what.
  surveyResultThreshold: [3, 100],
};

/** Days a program may keep an ended mentorship's messages before shredding them; null keeps them. */
export const CONVERSATION_RETENTION_BOUNDS: [number, number] = [30, 3650];

export function initialProgramState(): ProgramState {
  return {
    exists: false,
    programId: '',
    name: '',
    description: '',
    status: 'draft',
    settings: DEFAULT_PROGRAM_SETTINGS,
    matchingRules: DEFAULT_MATCHING_RULES,
    questions: [],
    cohorts: [],
    managerPersonIds: [],
    copiedFromProgramId: null,
  };
}

const bad = (message: string, field?: string): DomainError =>
  new DomainError('BAD_USER_INPUT', message, field ? { field } : {});

function validateDetails(details: ProgramDetails): ProgramDetails {
  const name = details.name.trim();
  if (name.length < 3 || name.length > 120) throw bad('A program name has 3 to 120 characters.', 'name');
  if (details.description.length > 5000)
    throw bad('A program description has at most 5,000 characters.', 'description');
  return { name, description: details.description.trim() };
}

function settingRefusal(key: string, min: number, max: number, value: number | undefined): string {
  if (key === 'surveyResultThreshold') {
    return `Survey results need at least ${min} respondents per group, so no answer can be traced to a person (at most ${max}; got ${value}).`;
  }
  return `Setting ${key} must be a whole number from ${min} to ${max} (got ${value}).`;
}

function validateSettings(settings: ProgramSettings): ProgramSettings {
  for (const [key, [min, max]] of Object.entries(SETTING_BOUNDS)) {
    const value = settings[key as keyof typeof SETTING_BOUNDS];
    if (value === undefined || !Number.isInteger(value) || value < min || value > max) {
      throw bad(settingRefusal(key, min, max, value), key);
    }
  }
  const retention = settings.conversationRetentionDays ?? null;
  const [minDays, maxDays] = CONVERSATION_RETENTION_BOUNDS;
  if (retention !== null && (!Number.isInteger(retention) || retention < minDays || retention > maxDays)) {
    throw bad(
      `Messages are kept ${minDays} to ${maxDays} days after a mentorship ends, or without limit (got ${retention}).`,
      'conversationRetentionDays',
    );
  }
  return { ...settings, conversationRetentionDays: retention };
}

export function validateMatchingRules(rules: MatchingRules): MatchingRules {
  let positive = 0;
  for (const [factor, weight] of Object.entries(rules.weights)) {
    if (!MATCHING_FACTORS.includes(factor as MatchingFactor)) throw bad(`Unknown matching factor "${factor}".`, factor);
    if (!Number.isFinite(weight) || weight < 0 || weight > 10) {
      throw bad(`The weight of ${factor} must be between 0 and 10 (got ${weight}).`, `weights.${factor}`);
    }
    if (weight > 0) positive += 1;
  }
  if (positive === 0) throw bad('At least one matching factor needs a weight above 0.', 'weights');
  const gap = rules.hardRules.maxTimezoneGapHours;
  if (gap !== null && (!Number.isFinite(gap) || gap < 0 || gap > 24)) {
    throw bad('The largest allowed timezone gap is between 0 and 24 hours.', 'hardRules.maxTimezoneGapHours');
  }
  const seniority = rules.hardRules.minSeniorityGap;
  if (seniority !== null && (!Number.isInteger(seniority) || seniority < -10 || seniority > 10)) {
    throw bad('The seniority gap rule is a whole number from -10 to 10.', 'hardRules.minSeniorityGap');
  }
  return rules;
}

const CHOICE_KINDS: readonly QuestionKind[] = ['single-choice', 'multiple-choice'];

export function validateQuestions(questions: Question[]): Question[] {
  if (questions.length > 50) throw bad('A questionnaire has at most 50 questions.', 'questions');
  const ids = new Set<string>();
  questions.forEach((question, index) => {
    const at = `questions[${index}]`;
    if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(question.questionId)) {
      throw bad(`Question ${index + 1}: its id uses lowercase letters, digits, - and _ (max 40).`, `${at}.questionId`);
    }
    if (ids.has(question.questionId)) throw bad(`Question id "${question.questionId}" is used twice.`, at);
    ids.add(question.questionId);
    const text = question.text.trim();
    if (text.length < 3 || text.length > 300)
      throw bad(`Question ${index + 1} needs a text of 3 to 300 characters.`, at);
    if (!Number.isFinite(question.weight) || question.weight < 0 || question.weight > 10) {
      throw bad(`Question ${index + 1}: weight must be between 0 and 10.`, `${at}.weight`);
    }
    if (CHOICE_KINDS.includes(question.kind)) {
      const optionIds = new Set(question.options.map((o) => o.optionId));
      if (question.options.length < 2 || question.options.length > 20 || optionIds.size !== question.options.length) {
        throw bad(`Question ${index + 1} needs 2 to 20 options with distinct ids.`, `${at}.options`);
      }
      if (question.options.some((o) => o.label.trim().length === 0 || o.label.length > 120)) {
        throw bad(`Question ${index + 1}: every option needs a label of at most 120 characters.`, `${at}.options`);
      }
    } else if (question.options.length > 0) {
      throw bad(`Question ${index + 1} is a ${question.kind} question and takes no options.`, `${at}.options`);
    }
    if (question.kind === 'scale') {
      const { scaleMin, scaleMax } = question;
      if (scaleMin === undefined || scaleMax === undefined || scaleMin >= scaleMax || scaleMax - scaleMin > 10) {
        throw bad(`Question ${index + 1}: a scale needs a minimum below its maximum, at most 10 steps apart.`, at);
      }
    }
    if (question.kind === 'short-text' && question.usedForMatching) {
      throw bad(`Question ${index + 1}: short-text answers cannot be used for matching.`, `${at}.usedForMatching`);
    }
  });
  return questions.map((q) => ({
    ...q,
    text: q.text.trim(),
    optionIds: q.options.map((o) => o.optionId),
  }));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isIsoDate = (value: string): boolean =>
  ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

function requireExisting(state: ProgramState): void {
  if (!state.exists) throw new DomainError('NOT_FOUND', 'No such program.');
}

function requireChangeable(state: ProgramState): void {
  requireExisting(state);
  if (state.status === 'archived') {
    throw new DomainError('CONFLICT', 'This program is archived; an archived program can no longer be changed.');
  }
}

export function decideProgram(command: ProgramCommand, state: ProgramState): ProgramEvent[] {
  const programId = state.programId;
  switch (command.type) {
    case 'CreateProgram': {
      if (state.exists) throw new DomainError('CONFLICT', 'A program with this id already exists.');
      return [
        {
          type: 'ProgramCreated',
          programId: command.programId,
          ...validateDetails(command.details),
          settings: validateSettings({ ...DEFAULT_PROGRAM_SETTINGS, ...command.settings }),
          matchingRules: validateMatchingRules(command.matchingRules ?? DEFAULT_MATCHING_RULES),
          questions: validateQuestions(command.questions ?? []),
          copiedFromProgramId: command.copiedFromProgramId ?? null,
        },
      ];
    }
    case 'EditProgramDetails': {
      requireChangeable(state);
      const details = validateDetails(command.details);
      if (details.name === state.name && details.description === state.description) return [];
      return [{ type: 'ProgramDetailsEdited', programId, ...details }];
    }
    case 'ChangeProgramSettings': {
      requireChangeable(state);
      const settings = validateSettings({ ...state.settings, ...command.settings });
      return [{ type: 'ProgramSettingsChanged', programId, settings }];
    }
    case 'DefineQuestionnaire':
      requireChangeable(state);
      return [{ type: 'ProgramQuestionnaireChanged', programId, questions: validateQuestions(command.questions) }];
    case 'ChangeMatchingRules':
      requireChangeable(state);
      return [
        { type: 'ProgramMatchingRulesChanged', programId, matchingRules: validateMatchingRules(command.matchingRules) },
      ];
    case 'OpenEnrollment':
      requireChangeable(state);
      return state.status === 'enrollment-open' ? [] : [{ type: 'ProgramEnrollmentOpened', programId }];
    case 'CloseEnrollment':
      requireChangeable(state);
      if (state.status === 'draft') throw new DomainError('CONFLICT', 'Enrollment has not been opened yet.');
      return state.status === 'enrollment-closed' ? [] : [{ type: 'ProgramEnrollmentClosed', programId }];
    case 'ArchiveProgram':
      requireExisting(state);
      return state.status === 'archived' ? [] : [{ type: 'ProgramArchived', programId }];
    case 'AddCohort': {
      requireChangeable(state);
      const name = command.name.trim();
      if (name.length < 1 || name.length > 80) throw bad('A cohort name has 1 to 80 characters.', 'name');
      if (!isIsoDate(command.startsOn) || !isIsoDate(command.endsOn)) {
        throw bad('Cohort dates are calendar dates written YYYY-MM-DD.', 'startsOn');
      }
      if (command.startsOn >= command.endsOn) throw bad('A cohort must end after it starts.', 'endsOn');
      if (state.cohorts.some((c) => c.cohortId === command.cohortId)) {
        throw new DomainError('CONFLICT', 'This program already has a cohort with that id.');
      }
      if (state.cohorts.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
        throw new DomainError('CONFLICT', `This program already has a cohort named "${name}".`);
      }
      return [
        {
          type: 'ProgramCohortAdded',
          programId,
          cohortId: command.cohortId,
          name,
          startsOn: command.startsOn,
          endsOn: command.endsOn,
        },
      ];
    }
    case 'AssignProgramManager':
      requireChangeable(state);
      return state.managerPersonIds.includes(command.personId)
        ? []
        : [{ type: 'ProgramManagerAssigned', programId, personId: command.personId }];
    case 'UnassignProgramManager':
      requireChangeable(state);
      if (!state.managerPersonIds.includes(command.personId)) {
        throw new DomainError('NOT_FOUND', 'This person is not a manager of the program.');
      }
      return [{ type: 'ProgramManagerUnassigned', programId, personId: command.personId }];
  }
}

export function evolveProgram(state: ProgramState, event: ProgramEvent): ProgramState {
  switch (event.type) {
    case 'ProgramCreated':
      return {
        ...initialProgramState(),
        exists: true,
        programId: event.programId,
        name: event.name,
        description: event.description,
        // Settings added since an event was written take their defaults.
        settings: { ...DEFAULT_PROGRAM_SETTINGS, ...event.settings },
        matchingRules: event.matchingRules,
        questions: event.questions,
        copiedFromProgramId: event.copiedFromProgramId,
      };
    case 'ProgramDetailsEdited':
      return { ...state, name: event.name, description: event.description };
    case 'ProgramSettingsChanged':
      return { ...state, settings: { ...DEFAULT_PROGRAM_SETTINGS, ...event.settings } };
    case 'ProgramQuestionnaireChanged':
      return { ...state, questions: event.questions };
    case 'ProgramMatchingRulesChanged':
      return { ...state, matchingRules: event.matchingRules };
    case 'ProgramEnrollmentOpened':
      return { ...state, status: 'enrollment-open' };
    case 'ProgramEnrollmentClosed':
      return { ...state, status: 'enrollment-closed' };
    case 'ProgramArchived':
      return { ...state, status: 'archived' };
    case 'ProgramCohortAdded': {
      const { type: _type, programId: _programId, ...cohort } = event;
      return { ...state, cohorts: [...state.cohorts, cohort] };
    }
    case 'ProgramManagerAssigned':
      return { ...state, managerPersonIds: [...state.managerPersonIds, event.personId] };
    case 'ProgramManagerUnassigned':
      return { ...state, managerPersonIds: state.managerPersonIds.filter((id) => id !== event.personId) };
  }
}

export const programDecider: Decider<ProgramCommand, ProgramEvent, ProgramState> = {
  initialState: initialProgramState,
  decide: decideProgram,
  evolve: evolveProgram,
};
