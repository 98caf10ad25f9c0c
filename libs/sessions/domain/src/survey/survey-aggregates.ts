import { DomainError, type SealedText } from '@trellis/shared/kernel';
import { parseUtcInstant } from '../time';
import { NPS_RANGE, SCALE_RANGE, type SurveyOption, type SurveyQuestion } from './survey.decider';
import type { SurveyAnswer, SurveyResponseEvent } from './survey-response.decider';

/**
 * Survey results as a pure fold over responses: figures only, never a person. A group (the program, a cohort, a
 * term) shows nothing unless at least `minRespondents` distinct people answered it, and within a shown group a
 * question shows nothing unless that many people answered that question; "hidden: n < N" stands in its place. The
 * threshold counts people, not responses: a mentor answering for three mentorships is one person.
 *
 * Erasure: the responses of the people in `erasedPersonIds` are left out before anything is counted, so every figure
 * computed after an erasure is as if they had never answered; a group can drop below the threshold and turn hidden.
 * Figures published or exported earlier are not recomputed or recalled: an export is a statement about the answers
 * held when it was made (it names its `asOf`), it holds no personal data (only groups at or above the threshold), and
 * it keeps that meaning. Recomputing the same `asOf` after an erasure may therefore give different figures than the
 * old export; the newer ones leave the erased answers out, the export stays a true record of its day.
 */

export const DEFAULT_MIN_RESPONDENTS = 5;

/** What aggregation reads of a response: who (only to count people and honour erasure), where, when and what. */
export type SurveyResponseRecord = Pick<
  SurveyResponseEvent,
  'respondentPersonId' | 'cohortId' | 'submittedAt' | 'answers'
>;

export interface SurveyAggregateOptions {
  /** The program's setting; default 5. */
  minRespondents?: number;
  erasedPersonIds?: ReadonlySet<string>;
  /** ISO instant: figures as they stood then, like the program insights. */
  asOf?: string;
}

export interface ValueCount {
  value: number;
  count: number;
}

export interface OptionCount extends SurveyOption {
  count: number;
  /** Of the people who answered the question; a multiple-choice question's percents may add up to more than 100. */
  percent: number;
}

interface Shown {
  questionId: string;
  status: 'shown';
  /** Answers to this question. */
  answered: number;
}

export type ShownQuestionAggregate =
  | (Shown & { kind: 'scale'; distribution: ValueCount[]; mean: number })
  | (Shown & {
      kind: 'nps';
      distribution: ValueCount[];
      promoters: number;
      passives: number;
      detractors: number;
      /** Percent promoters (9–10) minus percent detractors (0–6), from −100 to 100. */
      score: number;
    })
  | (Shown & { kind: 'single-choice' | 'multiple-choice'; options: OptionCount[] })
  /**
   * Without names and in no order of submission: sorted by their sealed form here; once unsealed for reading, the
   * application orders them with `orderFreeTexts` and drops whatever names the key owner.
   */
  | (Shown & { kind: 'short-text' | 'long-text'; texts: SealedText[] });

export interface HiddenFigures {
  status: 'hidden';
  /** "hidden: n < 5": the exact n is not told, a count of one is itself telling. */
  note: string;
}

export type QuestionAggregate = ShownQuestionAggregate | (HiddenFigures & { questionId: string; kind: string });

export type SurveyAggregate =
  | { status: 'shown'; respondents: number; minRespondents: number; questions: QuestionAggregate[] }
  | (HiddenFigures & { minRespondents: number });

export const hiddenNote = (minRespondents: number): string => `hidden: n < ${minRespondents}`;

const round = (value: number, digits: number): number => {
  const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
  // -0 would print as "-0" in an export.
  return rounded === 0 ? 0 : rounded;
};
const percent = (part: number, whole: number): number => round((part / whole) * 100, 1);

function minRespondentsOf(options: SurveyAggregateOptions): number {
  const min = options.minRespondents ?? DEFAULT_MIN_RESPONDENTS;
  if (!Number.isInteger(min) || min < 1) {
    throw new DomainError('BAD_USER_INPUT', 'The minimum number of respondents must be a whole number from 1.', {
      field: 'minRespondents',
    });
  }
  return min;
}

/** The responses that count: not erased, submitted by `asOf`. */
export function countedResponses<R extends SurveyResponseRecord>(
  responses: readonly R[],
  options: SurveyAggregateOptions,
): R[] {
  const erased = options.erasedPersonIds ?? new Set<string>();
  const asOf = options.asOf === undefined ? Number.POSITIVE_INFINITY : parseUtcInstant(options.asOf, 'asOf');
  return responses.filter((r) => !erased.has(r.respondentPersonId) && Date.parse(r.submittedAt) <= asOf);
}

const people = (responses: readonly SurveyResponseRecord[]): number =>
  new Set(responses.map((r) => r.respondentPersonId)).size;

function distribution(values: number[], min: number, max: number): ValueCount[] {
  return Array.from({ length: max - min + 1 }, (_, i) => ({
    value: min + i,
    count: values.filter((v) => v === min + i).length,
  }));
}

function shownFigures(question: SurveyQuestion, answers: SurveyAnswer[]): ShownQuestionAggregate {
  const shown = { questionId: question.questionId, status: 'shown' as const, answered: answers.length };
  const values = answers.flatMap((a) => ('value' in a ? [a.value] : []));
  switch (question.kind) {
    case 'scale':
      return {
        ...shown,
        kind: question.kind,
        distribution: distribution(values, SCALE_RANGE.min, SCALE_RANGE.max),
        mean: round(values.reduce((sum, v) => sum + v, 0) / values.length, 2),
      };
    case 'nps': {
      const promoters = values.filter((v) => v >= 9).length;
      const detractors = values.filter((v) => v <= 6).length;
      return {
        ...shown,
        kind: question.kind,
        distribution: distribution(values, NPS_RANGE.min, NPS_RANGE.max),
        promoters,
        passives: values.length - promoters - detractors,
        detractors,
        score: round(((promoters - detractors) / values.length) * 100, 1),
      };
    }
    case 'single-choice':
    case 'multiple-choice': {
      const chosen = answers.flatMap((a) => ('optionIds' in a ? a.optionIds : []));
      return {
        ...shown,
        kind: question.kind,
        options: question.options.map((option) => {
          const count = chosen.filter((id) => id === option.optionId).length;
          return { ...option, count, percent: percent(count, answers.length) };
        }),
      };
    }
    case 'short-text':
    case 'long-text': {
      const texts = answers.flatMap((a) => ('text' in a ? [a.text] : []));
      const key = (text: SealedText): string => JSON.stringify(text);
      return { ...shown, kind: question.kind, texts: [...texts].sort((a, b) => key(a).localeCompare(key(b))) };
    }
  }
}

/**
 * The figures of one group of responses to a survey's questions. The answers of a question are matched by question
 * id and kind, so an answer to an earlier, different question of the same id is never counted as this one.
 */
export function aggregateSurvey(
  questions: readonly SurveyQuestion[],
  responses: readonly SurveyResponseRecord[],
  options: SurveyAggregateOptions = {},
): SurveyAggregate {
  const minRespondents = minRespondentsOf(options);
  const counted = countedResponses(responses, options);
  const respondents = people(counted);
  if (respondents < minRespondents) return { status: 'hidden', note: hiddenNote(minRespondents), minRespondents };
  return {
    status: 'shown',
    respondents,
    minRespondents,
    questions: questions.map((question): QuestionAggregate => {
      const answering = counted.flatMap((r) => {
        const answer = r.answers.find((a) => a.questionId === question.questionId && a.kind === question.kind);
        return answer ? [{ person: r.respondentPersonId, answer }] : [];
      });
      if (new Set(answering.map((a) => a.person)).size < minRespondents) {
        return {
          questionId: question.questionId,
          kind: question.kind,
          status: 'hidden',
          note: hiddenNote(minRespondents),
        };
      }
      return shownFigures(
        question,
        answering.map((a) => a.answer),
      );
    }),
  };
}

/** Cohorts by id, people in no cohort last. */
const byCohort = (a: string | null, b: string | null): number =>
  a === null || b === null ? Number(a === null) - Number(b === null) : a.localeCompare(b);

export interface CohortAggregate {
  /** null: responses of people in no cohort. */
  cohortId: string | null;
  aggregate: SurveyAggregate;
}

/**
 * The figures per cohort, each group under the threshold on its own. When exactly one group is hidden,
 * the smallest shown group is hidden with it: the program's total minus the shown groups would otherwise give the
 * hidden group's figures away.
 */
export function aggregateSurveyByCohort(
  questions: readonly SurveyQuestion[],
  responses: readonly SurveyResponseRecord[],
  options: SurveyAggregateOptions = {},
): CohortAggregate[] {
  const minRespondents = minRespondentsOf(options);
  const counted = countedResponses(responses, options);
  const groups = new Map<string | null, SurveyResponseRecord[]>();
  for (const response of counted) {
    const cohortId = response.cohortId ?? null;
    groups.set(cohortId, [...(groups.get(cohortId) ?? []), response]);
  }
  const sized = [...groups.entries()].map(([cohortId, group]) => ({ cohortId, group, respondents: people(group) }));
  const hidden = sized.filter((g) => g.respondents < minRespondents);
  const protector =
    hidden.length === 1
      ? sized
          .filter((g) => g.respondents >= minRespondents)
          .sort((a, b) => a.respondents - b.respondents || byCohort(a.cohortId, b.cohortId))[0]
      : undefined;
  return sized
    .sort((a, b) => byCohort(a.cohortId, b.cohortId))
    .map(({ cohortId, group }) => ({
      cohortId,
      aggregate:
        protector !== undefined && cohortId === protector.cohortId
          ? { status: 'hidden', note: hiddenNote(minRespondents), minRespondents }
          : aggregateSurvey(questions, group, { minRespondents }),
    }));
}

/** Free-text answers, once unsealed, in alphabetical order: an order that says nothing about who wrote which. */
export function orderFreeTexts(texts: readonly string[]): string[] {
  return [...texts].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0));
}
