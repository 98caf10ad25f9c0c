import {
  SURVEY_AUDIENCES,
  SURVEY_QUESTION_KINDS,
  SURVEY_TRIGGER_KINDS,
  type SurveyAudience,
  type SurveyQuestionKind,
} from '@trellis/sessions/contracts';
import { DomainError, type Decider } from '@trellis/shared/kernel';
import { parseUtcInstant, toUtcIso, MS } from '../time';
import { optionalId, requireId, requireInt, requireOneOf, withOptional } from '../validation';

/**
 * A program survey (stream `survey-<surveyId>`): a program manager drafts it, edits its questions and schedule, and
 * publishes it; from then on its questions and schedule are frozen, because every answer given must keep the meaning
 * of the question it answered. A changed survey is a new survey (a new version names the one it follows, so results
 * can be compared term against term). The title and prompts are the manager's wording, not personal data, so they are
 * plain text; the answers are not, and live in the responses.
 */

export const surveyStreamId = (surveyId: string): string => `survey-${surveyId}`;

/** How much a survey holds; the builder shows the same limits. */
export const SURVEY_LIMITS = {
  titleLength: 120,
  promptLength: 300,
  optionLabelLength: 120,
  scaleLabelLength: 60,
  questions: 50,
  options: 20,
  choiceOptionsAtLeast: 2,
  openDays: 90,
  weeksAfterStart: 104,
} as const;

/** Scale questions run 1–5: a fixed range keeps every scale comparable across surveys and terms. */
export const SCALE_RANGE = { min: 1, max: 5 } as const;
export const NPS_RANGE = { min: 0, max: 10 } as const;

export interface SurveyOption {
  optionId: string;
  label: string;
}

interface QuestionBase {
  /** Stable across edits and reorders, and kept by a new version, so answers and term comparisons match by it. */
  questionId: string;
  prompt: string;
  required: boolean;
}

export type SurveyQuestion =
  | (QuestionBase & { kind: 'scale'; lowLabel: string; highLabel: string })
  | (QuestionBase & { kind: 'nps' })
  | (QuestionBase & { kind: 'single-choice' | 'multiple-choice'; options: SurveyOption[] })
  | (QuestionBase & { kind: 'short-text' | 'long-text' });

/** A question as the builder sends it; `options` only for choice questions, the labels only for a scale. */
export interface SurveyQuestionInput {
  questionId: string;
  kind: SurveyQuestionKind;
  prompt: string;
  required: boolean;
  options?: SurveyOption[];
  scaleLabels?: { low: string; high: string };
}

export type SurveyTrigger =
  | { kind: 'after-mentorship-start'; weeks: number }
  | { kind: 'at-mentorship-end' }
  /** One occurrence for the cohort named, or for the whole program when none is. */
  | { kind: 'on-date'; opensAt: string; cohortId?: string };

export interface SurveySchedule {
  trigger: SurveyTrigger;
  audience: SurveyAudience;
  /** How many days an occurrence takes answers. */
  openDays: number;
  /** A reminder this many days before the close, to those who have not answered; absent: no reminder. */
  reminderDaysBeforeClose?: number;
}

export type SurveyStatus = 'none' | 'draft' | 'published' | 'closed' | 'archived';

export interface SurveyState {
  status: SurveyStatus;
  surveyId: string;
  programId: string;
  title: string;
  /** In the order participants see them. */
  questions: SurveyQuestion[];
  schedule: SurveySchedule | null;
  previousSurveyId?: string;
  publishedAt?: string;
}

export const initialSurveyState = (): SurveyState => ({
  status: 'none',
  surveyId: '',
  programId: '',
  title: '',
  questions: [],
  schedule: null,
});

/**
 * Every command comes from one of the program's managers, which the service checks against the memberships before
 * it sends the command (the decider knows no roles).
 */
interface ByManager {
  actor: string;
  now: string;
}

export type SurveyCommand =
  | ({
      type: 'DraftSurvey';
      surveyId: string;
      programId: string;
      title: string;
      /** A new version of an earlier survey starts from its questions, ids included. */
      previousSurveyId?: string;
      questions?: SurveyQuestionInput[];
    } & ByManager)
  | ({ type: 'RetitleSurvey'; title: string } & ByManager)
  | ({ type: 'AddSurveyQuestion'; question: SurveyQuestionInput } & ByManager)
  | ({ type: 'EditSurveyQuestion'; question: SurveyQuestionInput } & ByManager)
  | ({ type: 'RemoveSurveyQuestion'; questionId: string } & ByManager)
  | ({ type: 'ReorderSurveyQuestions'; questionIds: string[] } & ByManager)
  | ({ type: 'ScheduleSurvey'; schedule: SurveySchedule } & ByManager)
  | ({ type: 'PublishSurvey' } & ByManager)
  | ({ type: 'CloseSurvey' } & ByManager)
  | ({ type: 'ArchiveSurvey' } & ByManager);

interface OnSurvey {
  surveyId: string;
  programId: string;
  byPersonId: string;
  at: string;
}

export type SurveyEvent =
  | ({ type: 'SurveyDrafted'; title: string; questions: SurveyQuestion[]; previousSurveyId?: string } & OnSurvey)
  | ({ type: 'SurveyRetitled'; title: string } & OnSurvey)
  | ({ type: 'SurveyQuestionAdded'; question: SurveyQuestion } & OnSurvey)
  | ({ type: 'SurveyQuestionEdited'; question: SurveyQuestion } & OnSurvey)
  | ({ type: 'SurveyQuestionRemoved'; questionId: string } & OnSurvey)
  | ({ type: 'SurveyQuestionsReordered'; questionIds: string[] } & OnSurvey)
  | ({ type: 'SurveyScheduled'; schedule: SurveySchedule } & OnSurvey)
  /** Carries the frozen survey whole, so scheduling and answering read one event, not the draft's history. */
  | ({
      type: 'SurveyPublished';
      title: string;
      questions: SurveyQuestion[];
      schedule: SurveySchedule;
      previousSurveyId?: string;
    } & OnSurvey)
  | ({ type: 'SurveyClosed' } & OnSurvey)
  | ({ type: 'SurveyArchived' } & OnSurvey);

const bad = (message: string, field: string, extra: Record<string, unknown> = {}): DomainError =>
  new DomainError('BAD_USER_INPUT', message, { field, ...extra });

function plainText(value: unknown, field: string, label: string, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) throw bad(`${label} must not be empty.`, field);
  if (text.length > max) throw bad(`${label} must be at most ${max} characters.`, field);
  return text;
}

function normalizeOptions(input: SurveyQuestionInput): SurveyOption[] {
  const options: unknown = input.options ?? [];
  if (!Array.isArray(options)) throw bad('The options must be a list.', 'options');
  if (options.length > SURVEY_LIMITS.options)
    throw bad(`A question has at most ${SURVEY_LIMITS.options} options.`, 'options');
  const normalized = (options as SurveyOption[]).map((option) => ({
    optionId: requireId(option?.optionId, 'optionId'),
    label: plainText(option?.label, 'options', 'Each option', SURVEY_LIMITS.optionLabelLength),
  }));
  if (new Set(normalized.map((o) => o.optionId)).size !== normalized.length) {
    throw bad('Two options have the same id.', 'options');
  }
  if (new Set(normalized.map((o) => o.label.toLowerCase())).size !== normalized.length) {
    throw bad('Two options read the same; each option needs its own wording.', 'options');
  }
  return normalized;
}

/** Checks the shape of one question; completeness (enough options) is checked when publishing, see below. */
export function normalizeQuestion(input: SurveyQuestionInput): SurveyQuestion {
  if (typeof input !== 'object' || input === null) throw bad('A question is required.', 'question');
  if (typeof input.required !== 'boolean') throw bad('Say whether the question must be answered.', 'required');
  const base: QuestionBase = {
    questionId: requireId(input.questionId, 'questionId'),
    prompt: plainText(input.prompt, 'prompt', 'The question', SURVEY_LIMITS.promptLength),
    required: input.required,
  };
  const kind = requireOneOf(input.kind, SURVEY_QUESTION_KINDS, 'kind');
  const isChoice = kind === 'single-choice' || kind === 'multiple-choice';
  if (!isChoice && input.options !== undefined) throw bad('Only choice questions have options.', 'options');
  if (kind !== 'scale' && input.scaleLabels !== undefined) {
    throw bad('Only scale questions have labels for their ends.', 'scaleLabels');
  }
  switch (kind) {
    case 'scale':
      return {
        ...base,
        kind,
        lowLabel: plainText(input.scaleLabels?.low, 'scaleLabels', 'The label of 1', SURVEY_LIMITS.scaleLabelLength),
        highLabel: plainText(input.scaleLabels?.high, 'scaleLabels', 'The label of 5', SURVEY_LIMITS.scaleLabelLength),
      };
    case 'single-choice':
    case 'multiple-choice':
      return { ...base, kind, options: normalizeOptions(input) };
    case 'nps':
    case 'short-text':
    case 'long-text':
      return { ...base, kind };
  }
}

function normalizeTrigger(trigger: SurveyTrigger): SurveyTrigger {
  if (typeof trigger !== 'object' || trigger === null) throw bad('Choose when the survey is sent.', 'trigger');
  const kind = requireOneOf(trigger.kind, SURVEY_TRIGGER_KINDS, 'trigger');
  switch (kind) {
    case 'after-mentorship-start':
      return {
        kind,
        weeks: requireInt((trigger as { weeks?: unknown }).weeks, 'weeks', 1, SURVEY_LIMITS.weeksAfterStart),
      };
    case 'at-mentorship-end':
      return { kind };
    case 'on-date': {
      const onDate = trigger as { opensAt?: unknown; cohortId?: unknown };
      return {
        kind,
        opensAt: toUtcIso(parseUtcInstant(onDate.opensAt, 'opensAt')),
        ...withOptional('cohortId', optionalId(onDate.cohortId, 'cohortId')),
      };
    }
  }
}

/** A question as the builder would send it again: how a new version of a survey starts from an earlier one. */
export function surveyQuestionInput(question: SurveyQuestion): SurveyQuestionInput {
  const { questionId, kind, prompt, required } = question;
  switch (question.kind) {
    case 'scale':
      return { questionId, kind, prompt, required, scaleLabels: { low: question.lowLabel, high: question.highLabel } };
    case 'single-choice':
    case 'multiple-choice':
      return { questionId, kind, prompt, required, options: question.options.map((o) => ({ ...o })) };
    default:
      return { questionId, kind, prompt, required };
  }
}

export function normalizeSchedule(schedule: SurveySchedule): SurveySchedule {
  if (typeof schedule !== 'object' || schedule === null) throw bad('Choose when the survey is sent.', 'schedule');
  const openDays = requireInt(schedule.openDays, 'openDays', 1, SURVEY_LIMITS.openDays);
  const reminder = schedule.reminderDaysBeforeClose;
  if (reminder !== undefined && reminder !== null && openDays < 2) {
    throw bad('A survey open for one day has no room for a reminder.', 'reminderDaysBeforeClose');
  }
  return {
    trigger: normalizeTrigger(schedule.trigger),
    audience: requireOneOf(schedule.audience, SURVEY_AUDIENCES, 'audience'),
    openDays,
    // A reminder on the opening day would only repeat the invitation.
    ...withOptional(
      'reminderDaysBeforeClose',
      reminder === undefined || reminder === null
        ? undefined
        : requireInt(reminder, 'reminderDaysBeforeClose', 1, openDays - 1),
    ),
  };
}

export type SurveyProblemCode = 'no-questions' | 'too-few-options' | 'no-schedule' | 'closes-before-publishing';

/** What keeps a draft from being published, in words the manager acts on; the preview lists them all. */
export interface SurveyProblem {
  problem: SurveyProblemCode;
  message: string;
  field: string;
  questionId?: string;
}

export function surveyPublishProblems(state: SurveyState, now: string): SurveyProblem[] {
  const problems: SurveyProblem[] = [];
  if (state.questions.length === 0) {
    problems.push({
      problem: 'no-questions',
      message: 'Add at least one question before publishing.',
      field: 'questions',
    });
  }
  state.questions.forEach((question, index) => {
    if (
      (question.kind === 'single-choice' || question.kind === 'multiple-choice') &&
      question.options.length < SURVEY_LIMITS.choiceOptionsAtLeast
    ) {
      problems.push({
        problem: 'too-few-options',
        message: `Question ${index + 1} needs at least ${SURVEY_LIMITS.choiceOptionsAtLeast} options to choose from.`,
        field: 'options',
        questionId: question.questionId,
      });
    }
  });
  const schedule = state.schedule;
  if (!schedule) {
    problems.push({ problem: 'no-schedule', message: 'Choose when the survey is sent.', field: 'schedule' });
  } else if (schedule.trigger.kind === 'on-date') {
    const closesAt = Date.parse(schedule.trigger.opensAt) + schedule.openDays * MS.DAY;
    if (closesAt <= parseUtcInstant(now, 'now')) {
      problems.push({
        problem: 'closes-before-publishing',
        message: 'This survey would close before it is sent; choose a later date.',
        field: 'opensAt',
      });
    }
  }
  return problems;
}

export interface SurveyPreview {
  title: string;
  /** Numbered from 1 in the order participants see them. */
  questions: Array<SurveyQuestion & { number: number }>;
  schedule: SurveySchedule | null;
  problems: SurveyProblem[];
}

/** The survey as a participant would see it, with what still blocks publishing, for the builder's preview. */
export function surveyPreview(state: SurveyState, now: string): SurveyPreview {
  return {
    title: state.title,
    questions: state.questions.map((question, index) => ({ ...question, number: index + 1 })),
    schedule: state.schedule,
    problems: state.status === 'draft' ? surveyPublishProblems(state, now) : [],
  };
}

function requireSurvey(state: SurveyState): void {
  if (state.status === 'none') throw new DomainError('NOT_FOUND', 'There is no such survey.');
}

function requireDraft(state: SurveyState): void {
  requireSurvey(state);
  if (state.status !== 'draft') {
    throw new DomainError(
      'CONFLICT',
      'A published survey cannot be changed, so that every answer keeps its meaning; draft a new version instead.',
    );
  }
}

function questionIndex(state: SurveyState, questionId: string): number {
  const index = state.questions.findIndex((q) => q.questionId === requireId(questionId, 'questionId'));
  if (index < 0) throw new DomainError('NOT_FOUND', 'There is no such question in this survey.');
  return index;
}

/** Key order does not matter: a question stored from an older event compares equal to the same one sent again. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

function normalizeQuestions(inputs: unknown): SurveyQuestion[] {
  if (!Array.isArray(inputs)) throw bad('The questions must be a list.', 'questions');
  if (inputs.length > SURVEY_LIMITS.questions)
    throw bad(`A survey has at most ${SURVEY_LIMITS.questions} questions.`, 'questions');
  const questions = (inputs as SurveyQuestionInput[]).map(normalizeQuestion);
  if (new Set(questions.map((q) => q.questionId)).size !== questions.length) {
    throw bad('Two questions have the same id.', 'questions');
  }
  return questions;
}

function decide(command: SurveyCommand, state: SurveyState): SurveyEvent[] {
  const on = (): OnSurvey => ({
    surveyId: state.surveyId,
    programId: state.programId,
    byPersonId: requireId(command.actor, 'actor'),
    at: toUtcIso(parseUtcInstant(command.now, 'now')),
  });
  switch (command.type) {
    case 'DraftSurvey': {
      if (state.status !== 'none') return [];
      const previousSurveyId = optionalId(command.previousSurveyId, 'previousSurveyId');
      return [
        {
          type: 'SurveyDrafted',
          ...on(),
          surveyId: requireId(command.surveyId, 'surveyId'),
          programId: requireId(command.programId, 'programId'),
          title: plainText(command.title, 'title', 'The title', SURVEY_LIMITS.titleLength),
          questions: normalizeQuestions(command.questions ?? []),
          ...withOptional('previousSurveyId', previousSurveyId),
        },
      ];
    }
    case 'RetitleSurvey': {
      requireDraft(state);
      const title = plainText(command.title, 'title', 'The title', SURVEY_LIMITS.titleLength);
      return title === state.title ? [] : [{ type: 'SurveyRetitled', ...on(), title }];
    }
    case 'AddSurveyQuestion': {
      requireDraft(state);
      const question = normalizeQuestion(command.question);
      if (state.questions.some((q) => q.questionId === question.questionId)) {
        throw new DomainError('CONFLICT', 'This survey has a question with this id already.');
      }
      if (state.questions.length >= SURVEY_LIMITS.questions) {
        throw bad(`A survey has at most ${SURVEY_LIMITS.questions} questions.`, 'questions');
      }
      return [{ type: 'SurveyQuestionAdded', ...on(), question }];
    }
    case 'EditSurveyQuestion': {
      requireDraft(state);
      const index = questionIndex(state, command.question?.questionId);
      const question = normalizeQuestion(command.question);
      return same(question, state.questions[index]) ? [] : [{ type: 'SurveyQuestionEdited', ...on(), question }];
    }
    case 'RemoveSurveyQuestion': {
      requireDraft(state);
      const index = questionIndex(state, command.questionId);
      return [{ type: 'SurveyQuestionRemoved', ...on(), questionId: state.questions[index]!.questionId }];
    }
    case 'ReorderSurveyQuestions': {
      requireDraft(state);
      const ids: unknown = command.questionIds;
      const current = state.questions.map((q) => q.questionId);
      const isPermutation =
        Array.isArray(ids) &&
        ids.length === current.length &&
        new Set(ids).size === ids.length &&
        current.every((id) => (ids as unknown[]).includes(id));
      if (!isPermutation) {
        throw bad('List every question of the survey exactly once in the new order.', 'questionIds');
      }
      const questionIds = [...(ids as string[])];
      return same(questionIds, current) ? [] : [{ type: 'SurveyQuestionsReordered', ...on(), questionIds }];
    }
    case 'ScheduleSurvey': {
      requireDraft(state);
      const schedule = normalizeSchedule(command.schedule);
      return same(schedule, state.schedule) ? [] : [{ type: 'SurveyScheduled', ...on(), schedule }];
    }
    case 'PublishSurvey': {
      requireSurvey(state);
      if (state.status === 'published') return [];
      requireDraft(state);
      const ref = on();
      const [first, ...more] = surveyPublishProblems(state, ref.at);
      if (first) {
        throw new DomainError('BAD_USER_INPUT', first.message, {
          field: first.field,
          problem: first.problem,
          ...withOptional('questionId', first.questionId),
          problems: [first, ...more],
        });
      }
      return [
        {
          type: 'SurveyPublished',
          ...ref,
          title: state.title,
          questions: state.questions,
          schedule: state.schedule!,
          ...withOptional('previousSurveyId', state.previousSurveyId),
        },
      ];
    }
    case 'CloseSurvey': {
      requireSurvey(state);
      if (state.status === 'closed' || state.status === 'archived') return [];
      if (state.status === 'draft') {
        throw new DomainError('CONFLICT', 'A draft has not been sent to anyone; archive it instead of closing it.');
      }
      return [{ type: 'SurveyClosed', ...on() }];
    }
    case 'ArchiveSurvey':
      requireSurvey(state);
      return state.status === 'archived' ? [] : [{ type: 'SurveyArchived', ...on() }];
  }
}

function evolve(state: SurveyState, event: SurveyEvent): SurveyState {
  switch (event.type) {
    case 'SurveyDrafted':
      return {
        ...initialSurveyState(),
        status: 'draft',
        surveyId: event.surveyId,
        programId: event.programId,
        title: event.title,
        questions: [...event.questions],
        ...withOptional('previousSurveyId', event.previousSurveyId),
      };
    case 'SurveyRetitled':
      return { ...state, title: event.title };
    case 'SurveyQuestionAdded':
      return { ...state, questions: [...state.questions, event.question] };
    case 'SurveyQuestionEdited':
      return {
        ...state,
        questions: state.questions.map((q) => (q.questionId === event.question.questionId ? event.question : q)),
      };
    case 'SurveyQuestionRemoved':
      return { ...state, questions: state.questions.filter((q) => q.questionId !== event.questionId) };
    case 'SurveyQuestionsReordered': {
      const byId = new Map(state.questions.map((q) => [q.questionId, q]));
      return { ...state, questions: event.questionIds.flatMap((id) => byId.get(id) ?? []) };
    }
    case 'SurveyScheduled':
      return { ...state, schedule: event.schedule };
    case 'SurveyPublished':
      return {
        ...state,
        status: 'published',
        title: event.title,
        questions: [...event.questions],
        schedule: event.schedule,
        publishedAt: event.at,
      };
    case 'SurveyClosed':
      return { ...state, status: 'closed' };
    case 'SurveyArchived':
      return { ...state, status: 'archived' };
  }
}

export const surveyDecider: Decider<SurveyCommand, SurveyEvent, SurveyState> = {
  initialState: initialSurveyState,
  decide,
  evolve,
};
