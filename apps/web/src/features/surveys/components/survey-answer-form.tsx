import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnswerDrafts, type AnswerProblem, answerProblem } from '../lib/survey-answers';
import { type ShownQuestion, SurveyQuestionField } from './survey-question-field';

export function useProblemText() {
  const { t } = useTranslation();
  return (problem: AnswerProblem | undefined): string | undefined => {
    if (!problem) return undefined;
    switch (problem.kind) {
      case 'required':
        return t('surveys.answer.problems.required');
      case 'chooseOne':
        return t('surveys.answer.problems.chooseOne');
      case 'range':
        return t('surveys.answer.problems.range', { min: problem.min, max: problem.max });
      case 'tooLong':
        return t('surveys.answer.problems.tooLong', { max: problem.max });
    }
  };
}

/**
 * The questions of a survey as a form. A question's problem shows on it once the person has left it or tried to
 * send; the API's refusal of one question shows on that question too (`serverErrors`).
 */
export function SurveyAnswerForm(props: {
  questions: readonly ShownQuestion[];
  drafts: AnswerDrafts;
  onChange: (questionId: string, value: AnswerDrafts[string]) => void;
  /** Questions whose problem shows: left by the person, or all of them after a try to send. */
  touched: ReadonlySet<string> | 'all';
  onTouch?: (questionId: string) => void;
  serverErrors?: ReadonlyMap<string, string>;
  submitLabel: string;
  submitting?: boolean;
  /** The preview: the same form, but sending does nothing. */
  disabledSubmit?: boolean;
  onSubmit: () => void;
}) {
  const problemText = useProblemText();
  return (
    // The questions' own messages say what is missing; the browser's bubbles would say it less well, once at a time.
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <Stack gap="lg">
        {props.questions.map((question) => {
          const shown = props.touched === 'all' || props.touched.has(question.questionId);
          const error =
            props.serverErrors?.get(question.questionId) ??
            (shown ? problemText(answerProblem(question, props.drafts[question.questionId])) : undefined);
          return (
            <SurveyQuestionField
              key={question.questionId}
              question={question}
              value={props.drafts[question.questionId]}
              onChange={(value) => props.onChange(question.questionId, value)}
              onBlur={() => props.onTouch?.(question.questionId)}
              error={error}
            />
          );
        })}
        <div>
          <Button type="submit" loading={props.submitting} disabled={props.disabledSubmit}>
            {props.submitLabel}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** The form's state: the drafts and which questions show their problems. */
export function useAnswerDrafts() {
  const [drafts, setDrafts] = useState<AnswerDrafts>({});
  const [touched, setTouched] = useState<Set<string> | 'all'>(new Set());
  return {
    drafts,
    touched,
    change: (questionId: string, value: AnswerDrafts[string]) => setDrafts((d) => ({ ...d, [questionId]: value })),
    touch: (questionId: string) =>
      setTouched((seen) => (seen === 'all' || seen.has(questionId) ? seen : new Set([...seen, questionId]))),
    touchAll: () => setTouched('all'),
  };
}
