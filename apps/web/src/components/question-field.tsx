import { Checkbox, Group, Radio, Stack, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../gql';
import type { AnswerDraft } from '../lib/answer-draft';

export const QuestionFieldQuestion = graphql(`
  fragment QuestionField_question on Question {
    questionId
    kind
    text
    scaleMin
    scaleMax
    options {
      optionId
      label
    }
  }
`);

export interface QuestionFieldProps {
  question: FragmentType<typeof QuestionFieldQuestion>;
  value: AnswerDraft;
  onChange: (value: AnswerDraft) => void;
  error?: ReactNode;
}

/** One question of the program's own questionnaire, in the control its kind calls for. */
export function QuestionField(props: QuestionFieldProps) {
  const { t } = useTranslation();
  const question = getFragmentData(QuestionFieldQuestion, props.question);
  const { value, onChange, error } = props;
  const id = `question-${question.questionId}`;
  switch (question.kind) {
    case 'SINGLE_CHOICE':
      return (
        <Radio.Group
          id={id}
          label={question.text}
          error={error}
          value={value.optionIds[0] ?? null}
          onChange={(optionId) => onChange({ ...value, optionIds: [optionId] })}
        >
          <Stack gap="xs" mt="xs">
            {question.options.map((option) => (
              <Radio key={option.optionId} value={option.optionId} label={option.label} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'MULTIPLE_CHOICE':
      return (
        <Checkbox.Group
          id={id}
          label={question.text}
          error={error}
          value={value.optionIds}
          onChange={(optionIds) => onChange({ ...value, optionIds })}
        >
          <Stack gap="xs" mt="xs">
            {question.options.map((option) => (
              <Checkbox key={option.optionId} value={option.optionId} label={option.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'SCALE': {
      const min = question.scaleMin ?? 1;
      const max = question.scaleMax ?? 5;
      const steps = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
      return (
        <Radio.Group
          id={id}
          label={question.text}
          description={t('join.scaleHint', { min, max })}
          error={error}
          value={value.value === null ? null : String(value.value)}
          onChange={(step) => onChange({ ...value, value: Number(step) })}
        >
          <Group gap="md" mt="xs">
            {steps.map((step) => (
              <Radio key={step} value={step} label={step} />
            ))}
          </Group>
        </Radio.Group>
      );
    }
    case 'SHORT_TEXT':
      return (
        <TextInput
          id={id}
          label={question.text}
          error={error}
          maxLength={200}
          value={value.text}
          onChange={(event) => onChange({ ...value, text: event.currentTarget.value })}
        />
      );
  }
}
