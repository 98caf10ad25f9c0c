import type {
  AvailabilityWindow,
  CommunicationStyle,
  MeetingFormat,
  ParticipantRole,
  ProgramFormat,
  QuestionShape,
} from '@trellis/profiles/contracts';
import { DomainError, isIanaTimeZone, type Decider, type SealedText } from '@trellis/shared/kernel';
import type { ProgramStatus } from './program.decider';
import { isLanguageCode } from './reference-data';

export interface Answer {
  questionId: string;
  optionIds?: string[];
  value?: number;
  text?: SealedText;
}

export interface Profile {
  displayName: SealedText;
  email: SealedText;
  headline: SealedText | null;
  bio: SealedText | null;
  goals: SealedText | null;
  department: string | null;
  orgUnit: string | null;
  seniority: number | null;
  field: string | null;
  skillsOffered: Array<{ skill: string; level: number }>;
  skillsSought: string[];
  interests: string[];
  languages: string[];
  timezone: string;
  availability: AvailabilityWindow[];
  formats: MeetingFormat[];
  communicationStyle: CommunicationStyle | null;
  managerPersonId: string | null;
  answers: Answer[];
  /** Optional demographic fields; a value is kept only where its consent flag is set. */
  demographics: Record<string, { consent: boolean; value: string | null }>;
}

/** What enrollment needs to know about the program, loaded by the application from the program's stream. */
export interface ProgramFacts {
  programId: string;
  status: ProgramStatus;
  format: ProgramFormat;
  defaultMentorCapacity: number;
  questions: QuestionShape[];
  cohortIds: string[];
}

export type ParticipantStatus = 'active' | 'paused' | 'withdrawn';

export type ParticipantEvent =
  | {
      type: 'ParticipantEnrolled';
      participantId: string;
      personId: string;
      programId: string;
      cohortId: string | null;
      roles: ParticipantRole[];
      mentorCapacity: number;
      invited: boolean;
      profile: Profile;
    }
  | { type: 'ParticipantProfileUpdated'; participantId: string; personId: string; programId: string; profile: Profile }
  | { type: 'ParticipantRoleAdded'; participantId: string; personId: string; programId: string; role: ParticipantRole }
  | { type: 'MentorCapacityChanged'; participantId: string; personId: string; programId: string; capacity: number }
  | { type: 'ParticipantPaused'; participantId: string; personId: string; programId: string; until: string | null }
  | { type: 'ParticipantResumed'; participantId: string; personId: string; programId: string }
  | { type: 'ParticipantWithdrew'; participantId: string; personId: string; programId: string }
  | { type: 'ParticipantDataErased'; participantId: string; personId: string; programId: string };

export type ParticipantCommand =
  | {
      type: 'Enroll';
      participantId: string;
      personId: string;
      roles: ParticipantRole[];
      cohortId: string | null;
      mentorCapacity: number | null;
      /** Enrolled by a program manager (allowed while enrollment is closed) rather than by the person. */
      invited: boolean;
      profile: Profile;
      program: ProgramFacts;
    }
  | { type: 'UpdateProfile'; profile: Profile; program: ProgramFacts }
  | { type: 'AddRole'; role: ParticipantRole; program: ProgramFacts }
  | { type: 'ChangeMentorCapacity'; capacity: number; program: ProgramFacts }
  | { type: 'Pause'; until: string | null; now: string }
  | { type: 'Resume' }
  | { type: 'Withdraw' }
  | { type: 'EraseData' };

export interface ParticipantState {
  enrolled: boolean;
  erased: boolean;
  participantId: string;
  personId: string;
  programId: string;
  cohortId: string | null;
  roles: ParticipantRole[];
  status: ParticipantStatus;
  mentorCapacity: number;
  pausedUntil: string | null;
  profile: Profile | null;
  /** Every enrollment, withdrawal and role change stays in the stream; this counts enrollments for history views. */
  enrollments: number;
}

export const MENTOR_CAPACITY_BOUNDS: [number, number] = [1, 20];
export const SKILL_LEVEL_BOUNDS: [number, number] = [1, 5];

export function initialParticipantState(): ParticipantState {
  return {
    enrolled: false,
    erased: false,
    participantId: '',
    personId: '',
    programId: '',
    cohortId: null,
    roles: [],
    status: 'withdrawn',
    mentorCapacity: 0,
    pausedUntil: null,
    profile: null,
    enrollments: 0,
  };
}

const bad = (message: string, field: string): DomainError => new DomainError('BAD_USER_INPUT', message, { field });

const TAG = /^[\p{L}\p{N}][\p{L}\p{N} &+#./-]{0,59}$/u;

function validateTags(values: string[], field: string, max: number): string[] {
  if (values.length > max) throw bad(`At most ${max} entries in ${field}.`, field);
  const normalized = values.map((v) => v.trim().toLowerCase());
  for (const value of normalized) {
    if (!TAG.test(value))
      throw bad(`"${value}" is not a valid entry for ${field} (1–60 letters, digits, spaces).`, field);
  }
  if (new Set(normalized).size !== normalized.length) throw bad(`${field} lists an entry twice.`, field);
  return normalized;
}

export function validateAvailability(windows: AvailabilityWindow[]): AvailabilityWindow[] {
  if (windows.length > 28) throw bad('At most 28 weekly availability windows.', 'availability');
  windows.forEach((w, index) => {
    const at = `availability[${index}]`;
    if (!Number.isInteger(w.day) || w.day < 1 || w.day > 7) {
      throw bad(`Availability window ${index + 1}: day is 1 (Monday) to 7 (Sunday).`, at);
    }
    if (!Number.isInteger(w.startMinute) || !Number.isInteger(w.endMinute) || w.startMinute < 0 || w.endMinute > 1440) {
      throw bad(`Availability window ${index + 1}: times must lie within the day (00:00–24:00).`, at);
    }
    if (w.endMinute - w.startMinute < 15) {
      throw bad(`Availability window ${index + 1} must end at least 15 minutes after it starts.`, at);
    }
  });
  const sorted = [...windows].sort((a, b) => a.day - b.day || a.startMinute - b.startMinute);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous && current && previous.day === current.day && current.startMinute < previous.endMinute) {
      throw bad(`Two availability windows overlap on day ${current.day}; merge them into one.`, 'availability');
    }
  }
  return sorted;
}

function validateAnswers(answers: Answer[], questions: QuestionShape[]): Answer[] {
  const seen = new Set<string>();
  for (const answer of answers) {
    const field = `answers.${answer.questionId}`;
    const question = questions.find((q) => q.questionId === answer.questionId);
    if (!question) throw bad(`The questionnaire has no question "${answer.questionId}".`, field);
    if (seen.has(answer.questionId)) throw bad(`Question "${answer.questionId}" is answered twice.`, field);
    seen.add(answer.questionId);
    const options = answer.optionIds ?? [];
    switch (question.kind) {
      case 'single-choice':
      case 'multiple-choice': {
        if (answer.value !== undefined || answer.text !== undefined || options.length === 0) {
          throw bad(`Question "${question.questionId}" is answered by choosing option(s).`, field);
        }
        if (question.kind === 'single-choice' && options.length !== 1) {
          throw bad(`Question "${question.questionId}" takes exactly one option.`, field);
        }
        const unknown = options.find((o) => !question.optionIds.includes(o));
        if (unknown !== undefined) throw bad(`Question "${question.questionId}" has no option "${unknown}".`, field);
        if (new Set(options).size !== options.length) throw bad(`An option is chosen twice.`, field);
        break;
      }
      case 'scale': {
        const { value } = answer;
        const min = question.scaleMin ?? 1;
        const max = question.scaleMax ?? 5;
        if (
          options.length ||
          answer.text ||
          value === undefined ||
          !Number.isInteger(value) ||
          value < min ||
          value > max
        ) {
          throw bad(`Question "${question.questionId}" is answered with a whole number from ${min} to ${max}.`, field);
        }
        break;
      }
      case 'short-text':
        if (options.length || answer.value !== undefined || !answer.text) {
          throw bad(`Question "${question.questionId}" is answered with a short text.`, field);
        }
        break;
    }
  }
  return answers;
}

/** Checks everything about a profile that does not need the plaintext; free-text lengths are checked before sealing. */
export function validateProfile(profile: Profile, roles: ParticipantRole[], program: ProgramFacts): Profile {
  const languages = profile.languages.map((l) => l.trim().toLowerCase());
  if (languages.length === 0) throw bad('Name at least one language you can meet in.', 'languages');
  const unknownLanguage = languages.find((l) => !isLanguageCode(l));
  if (unknownLanguage !== undefined) {
    throw bad(`"${unknownLanguage}" is not an ISO 639-1 language code (e.g. "en", "de", "pt").`, 'languages');
  }
  if (new Set(languages).size !== languages.length) throw bad('A language is listed twice.', 'languages');
  if (!isIanaTimeZone(profile.timezone)) {
    throw bad(`"${profile.timezone}" is not an IANA time zone (e.g. "Europe/Berlin").`, 'timezone');
  }
  if (
    profile.seniority !== null &&
    (!Number.isInteger(profile.seniority) || profile.seniority < 0 || profile.seniority > 10)
  ) {
    throw bad('Seniority (or study year) is a whole number from 0 to 10.', 'seniority');
  }
  for (const { skill, level } of profile.skillsOffered) {
    if (!Number.isInteger(level) || level < SKILL_LEVEL_BOUNDS[0] || level > SKILL_LEVEL_BOUNDS[1]) {
      throw bad(`The level of skill "${skill}" must be 1 (basic) to 5 (expert).`, 'skillsOffered');
    }
  }
  if (profile.skillsOffered.length > 0 && !roles.includes('mentor')) {
    throw bad('Only mentors offer skills; add the mentor role first.', 'skillsOffered');
  }
  const offeredNames = validateTags(
    profile.skillsOffered.map((s) => s.skill),
    'skillsOffered',
    30,
  );
  const demographics: Profile['demographics'] = {};
  for (const [key, entry] of Object.entries(profile.demographics)) {
    if (!/^[a-z][a-z0-9_]{0,29}$/.test(key)) throw bad(`"${key}" is not a demographic field name.`, 'demographics');
    // Without consent the value is dropped, not stored: "used only with consent" starts with "kept only with consent".
    demographics[key] = { consent: entry.consent, value: entry.consent ? entry.value : null };
  }
  return {
    ...profile,
    languages,
    department: profile.department === null ? null : (validateTags([profile.department], 'department', 1)[0] ?? null),
    orgUnit: profile.orgUnit === null ? null : (validateTags([profile.orgUnit], 'orgUnit', 1)[0] ?? null),
    field: profile.field === null ? null : (validateTags([profile.field], 'field', 1)[0] ?? null),
    skillsOffered: profile.skillsOffered.map((s, i) => ({ skill: offeredNames[i] ?? s.skill, level: s.level })),
    skillsSought: validateTags(profile.skillsSought, 'skillsSought', 30),
    interests: validateTags(profile.interests, 'interests', 30),
    availability: validateAvailability(profile.availability),
    formats: [...new Set(profile.formats)],
    answers: validateAnswers(profile.answers, program.questions),
    demographics,
  };
}

function validateCapacity(capacity: number): number {
  const [min, max] = MENTOR_CAPACITY_BOUNDS;
  if (!Number.isInteger(capacity) || capacity < min || capacity > max) {
    throw bad(`A mentor takes ${min} to ${max} mentees at a time (got ${capacity}).`, 'mentorCapacity');
  }
  return capacity;
}

function requireOpenProgram(program: ProgramFacts): void {
  if (program.status === 'archived') {
    throw new DomainError('CONFLICT', 'This program is archived; an archived program can no longer be changed.');
  }
}

function requireEnrolled(state: ParticipantState): void {
  if (!state.enrolled) throw new DomainError('NOT_FOUND', 'This person is not enrolled in the program.');
}

export function decideParticipant(command: ParticipantCommand, state: ParticipantState): ParticipantEvent[] {
  const ids = { participantId: state.participantId, personId: state.personId, programId: state.programId };
  switch (command.type) {
    case 'Enroll': {
      if (state.enrolled) throw new DomainError('CONFLICT', 'This person is already enrolled in the program.');
      const { program } = command;
      requireOpenProgram(program);
      if (!command.invited && program.status !== 'enrollment-open') {
        throw new DomainError('CONFLICT', 'Enrollment for this program is not open.');
      }
      const roles = [...new Set(command.roles)];
      if (roles.length === 0) throw bad('Enroll as a mentor, a mentee, or both.', 'roles');
      if (command.cohortId !== null && !program.cohortIds.includes(command.cohortId)) {
        throw new DomainError('NOT_FOUND', 'The program has no such cohort.', { field: 'cohortId' });
      }
      const mentorCapacity = roles.includes('mentor')
        ? validateCapacity(command.mentorCapacity ?? program.defaultMentorCapacity)
        : 0;
      return [
        {
          type: 'ParticipantEnrolled',
          participantId: command.participantId,
          personId: command.personId,
          programId: program.programId,
          cohortId: command.cohortId,
          roles,
          mentorCapacity,
          invited: command.invited,
          profile: validateProfile(command.profile, roles, program),
        },
      ];
    }
    case 'UpdateProfile':
      requireEnrolled(state);
      requireOpenProgram(command.program);
      return [
        {
          type: 'ParticipantProfileUpdated',
          ...ids,
          profile: validateProfile(command.profile, state.roles, command.program),
        },
      ];
    case 'AddRole': {
      requireEnrolled(state);
      requireOpenProgram(command.program);
      if (state.roles.includes(command.role)) {
        throw new DomainError('CONFLICT', `This participant already has the ${command.role} role.`);
      }
      const events: ParticipantEvent[] = [{ type: 'ParticipantRoleAdded', ...ids, role: command.role }];
      if (command.role === 'mentor') {
        events.push({ type: 'MentorCapacityChanged', ...ids, capacity: command.program.defaultMentorCapacity });
      }
      return events;
    }
    case 'ChangeMentorCapacity':
      requireEnrolled(state);
      requireOpenProgram(command.program);
      if (!state.roles.includes('mentor')) throw new DomainError('CONFLICT', 'Only mentors have a mentee capacity.');
      return validateCapacity(command.capacity) === state.mentorCapacity
        ? []
        : [{ type: 'MentorCapacityChanged', ...ids, capacity: command.capacity }];
    case 'Pause':
      requireEnrolled(state);
      if (state.status === 'paused') return [];
      if (command.until !== null && !(Date.parse(command.until) > Date.parse(command.now))) {
        throw bad('A pause ends in the future.', 'until');
      }
      return [{ type: 'ParticipantPaused', ...ids, until: command.until }];
    case 'Resume':
      requireEnrolled(state);
      return state.status === 'paused' ? [{ type: 'ParticipantResumed', ...ids }] : [];
    case 'Withdraw':
      requireEnrolled(state);
      return [{ type: 'ParticipantWithdrew', ...ids }];
    case 'EraseData':
      if (state.participantId === '') throw new DomainError('NOT_FOUND', 'This person is not enrolled in the program.');
      return state.erased ? [] : [{ type: 'ParticipantDataErased', ...ids }];
  }
}

export function evolveParticipant(state: ParticipantState, event: ParticipantEvent): ParticipantState {
  switch (event.type) {
    case 'ParticipantEnrolled':
      return {
        ...state,
        enrolled: true,
        erased: false,
        participantId: event.participantId,
        personId: event.personId,
        programId: event.programId,
        cohortId: event.cohortId,
        roles: event.roles,
        status: 'active',
        mentorCapacity: event.mentorCapacity,
        pausedUntil: null,
        profile: event.profile,
        enrollments: state.enrollments + 1,
      };
    case 'ParticipantProfileUpdated':
      return { ...state, profile: event.profile };
    case 'ParticipantRoleAdded':
      return { ...state, roles: [...state.roles, event.role] };
    case 'MentorCapacityChanged':
      return { ...state, mentorCapacity: event.capacity };
    case 'ParticipantPaused':
      return { ...state, status: 'paused', pausedUntil: event.until };
    case 'ParticipantResumed':
      return { ...state, status: 'active', pausedUntil: null };
    case 'ParticipantWithdrew':
      return { ...state, enrolled: false, status: 'withdrawn' };
    case 'ParticipantDataErased':
      return { ...state, enrolled: false, erased: true, status: 'withdrawn', profile: null };
  }
}

export const participantDecider: Decider<ParticipantCommand, ParticipantEvent, ParticipantState> = {
  initialState: initialParticipantState,
  decide: decideParticipant,
  evolve: evolveParticipant,
};
