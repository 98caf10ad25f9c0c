import type {
  QuestionComparison,
  SurveyPreview as DomainPreview,
  SurveyQuestion as DomainQuestion,
  SurveyQuestionInput as DomainQuestionInput,
  SurveySchedule as DomainSchedule,
  SurveyState,
} from '@trellis/sessions/domain';
import type { SurveyInvitationView } from './survey-invitations.service';
import type { ReadableQuestionAggregate, SurveyResultsView, SurveyTermComparisonView } from './survey-results.service';
import type {
  Survey,
  SurveyInvitation,
  SurveyPreview,
  SurveyQuestion,
  SurveyQuestionChange,
  SurveyQuestionInput,
  SurveyQuestionResult,
  SurveyResults,
  SurveySchedule,
  SurveyScheduleInput,
  SurveyTermComparison,
} from './surveys.types';

/** The GraphQL shapes of surveys and back: nullable fields in, the domain's optional ones out. */

export function questionInputOf(input: SurveyQuestionInput): DomainQuestionInput {
  return {
    questionId: input.questionId,
    kind: input.kind,
    prompt: input.prompt,
    required: input.required,
    ...(input.options ? { options: input.options.map((o) => ({ optionId: o.optionId, label: o.label })) } : {}),
    ...(input.lowLabel != null || input.highLabel != null
      ? { scaleLabels: { low: input.lowLabel ?? '', high: input.highLabel ?? '' } }
      : {}),
  };
}

export function scheduleInputOf(input: SurveyScheduleInput): DomainSchedule {
  const trigger =
    input.trigger === 'after-mentorship-start'
      ? { kind: input.trigger, weeks: input.weeks as number }
      : input.trigger === 'on-date'
        ? {
            kind: input.trigger,
            opensAt: input.opensAt as string,
            ...(input.cohortId ? { cohortId: input.cohortId } : {}),
          }
        : { kind: input.trigger };
  return {
    trigger,
    audience: input.audience,
    openDays: input.openDays,
    ...(input.reminderDaysBeforeClose != null ? { reminderDaysBeforeClose: input.reminderDaysBeforeClose } : {}),
  };
}

const questionOf = (question: DomainQuestion, index: number): SurveyQuestion => ({
  questionId: question.questionId,
  number: index + 1,
  kind: question.kind,
  prompt: question.prompt,
  required: question.required,
  options: 'options' in question ? question.options.map((o) => ({ ...o })) : [],
  lowLabel: question.kind === 'scale' ? question.lowLabel : null,
  highLabel: question.kind === 'scale' ? question.highLabel : null,
});

function scheduleOf(schedule: DomainSchedule | null): SurveySchedule | null {
  if (!schedule) return null;
  const { trigger } = schedule;
  return {
    trigger: trigger.kind,
    weeks: trigger.kind === 'after-mentorship-start' ? trigger.weeks : null,
    opensAt: trigger.kind === 'on-date' ? trigger.opensAt : null,
    cohortId: trigger.kind === 'on-date' ? (trigger.cohortId ?? null) : null,
    audience: schedule.audience,
    openDays: schedule.openDays,
    reminderDaysBeforeClose: schedule.reminderDaysBeforeClose ?? null,
  };
}

export const surveyOf = (state: SurveyState): Survey => ({
  id: state.surveyId,
  programId: state.programId,
  title: state.title,
  status: state.status,
  questions: state.questions.map(questionOf),
  schedule: scheduleOf(state.schedule),
  previousSurveyId: state.previousSurveyId ?? null,
  publishedAt: state.publishedAt ?? null,
});

export const previewOf = (preview: DomainPreview): SurveyPreview => ({
  title: preview.title,
  questions: preview.questions.map(questionOf),
  schedule: scheduleOf(preview.schedule),
  problems: preview.problems.map((p) => ({ ...p, questionId: p.questionId ?? null })),
});

export const invitationOf = (view: SurveyInvitationView): SurveyInvitation => ({
  occurrenceId: view.occurrence.occurrenceId,
  surveyId: view.occurrence.surveyId,
  programId: view.occurrence.programId,
  mentorshipId: view.occurrence.mentorshipId ?? null,
  title: view.title,
  opensAt: view.occurrence.opensAt,
  closesAt: view.occurrence.closesAt,
  questions: view.questions.map(questionOf),
  answeredAt: view.answeredAt,
});

const none = {
  note: null,
  answered: null,
  distribution: null,
  mean: null,
  promoters: null,
  passives: null,
  detractors: null,
  score: null,
  options: null,
  texts: null,
};

function questionResultOf(q: ReadableQuestionAggregate): SurveyQuestionResult {
  const base = { ...none, questionId: q.questionId, kind: q.kind, status: q.status };
  if (q.status === 'hidden') return { ...base, note: q.note };
  return {
    ...base,
    answered: q.answered,
    ...('distribution' in q ? { distribution: q.distribution } : {}),
    ...('mean' in q ? { mean: q.mean } : {}),
    ...('score' in q ? { promoters: q.promoters, passives: q.passives, detractors: q.detractors, score: q.score } : {}),
    ...('options' in q ? { options: q.options } : {}),
    ...('texts' in q ? { texts: q.texts } : {}),
  };
}

export const resultsOf = (view: SurveyResultsView): SurveyResults => ({
  surveyId: view.surveyId,
  asOf: view.asOf,
  minRespondents: view.minRespondents,
  groups: view.groups.map(({ cohortId, aggregate }) =>
    aggregate.status === 'shown'
      ? {
          cohortId,
          status: aggregate.status,
          note: null,
          respondents: aggregate.respondents,
          questions: aggregate.questions.map(questionResultOf),
        }
      : { cohortId, status: aggregate.status, note: aggregate.note, respondents: null, questions: [] },
  ),
});

const questionChangeOf = (change: QuestionComparison): SurveyQuestionChange => {
  const none = { note: null, hiddenSides: [], current: null, previous: null, delta: null, options: null };
  switch (change.status) {
    case 'hidden':
      return {
        ...none,
        questionId: change.questionId,
        kind: change.kind,
        status: change.status,
        note: change.note,
        hiddenSides: change.hiddenSides,
      };
    case 'not-comparable':
      return { ...none, questionId: change.questionId, kind: change.kind, status: change.status };
    default:
      return 'options' in change
        ? { ...none, questionId: change.questionId, kind: change.kind, status: change.status, options: change.options }
        : {
            ...none,
            questionId: change.questionId,
            kind: change.kind,
            status: change.status,
            current: change.current,
            previous: change.previous,
            delta: change.delta,
          };
  }
};

export const termComparisonOf = (view: SurveyTermComparisonView): SurveyTermComparison => {
  const { previousSurveyId, previousTitle, previousProgramId, asOf, comparison } = view;
  const base = { previousSurveyId, previousTitle, previousProgramId, asOf };
  return comparison.status === 'shown'
    ? {
        ...base,
        status: comparison.status,
        note: null,
        hiddenSides: [],
        respondents: comparison.respondents.current,
        previousRespondents: comparison.respondents.previous,
        questions: comparison.questions.map(questionChangeOf),
      }
    : {
        ...base,
        status: comparison.status,
        note: comparison.note,
        hiddenSides: comparison.hiddenSides,
        respondents: null,
        previousRespondents: null,
        questions: [],
      };
};
