import { Checkbox, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SurveyQuestionKind } from '../../../gql/graphql';
import { type AnswerDraft, NPS, SCALE, TEXT_MAX } from '../lib/survey-answers';

export interface ShownQuestion {
  questionId: string;
  number: number;
  kind: SurveyQuestionKind;
  prompt: string;
  required: boolean;
  options: ReadonlyArray<{ optionId: string; label: string }>;
  lowLabel?: string | null;
  highLabel?: string | null;
}

const range = (min: number, max: number): number[] => Array.from({ length: max - min + 1 }, (_, i) => min + i);

/**
 * One question as participants answer it. The answer page and the manager's preview both render this, so the
 * preview is the page participants will see. Scales and scores are radio groups, so the keyboard and screen readers
 * work as with any choice; the labels of the ends are part of the group's description.
 */
export function SurveyQuestionField(props: {
  question: ShownQuestion;
  value: AnswerDraft | undefined;
  onChange: (value: AnswerDraft) => void;
  onBlur?: () => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const { question, value, error } = props;
  const label = t('surveys.answer.questionLabel', { number: question.number, prompt: question.prompt });
  const common = { label, required: question.required, error, withAsterisk: question.required };
  switch (question.kind) {
    case 'SCALE':
    case 'NPS': {
      const bounds = question.kind === 'SCALE' ? SCALE : NPS;
      const description =
        question.kind === 'SCALE'
          ? t('surveys.answer.scaleEnds', { low: question.lowLabel ?? '', high: question.highLabel ?? '' })
          : t('surveys.answer.npsEnds');
      return (
        <Radio.Group
          {...common}
          description={description}
          value={value?.value === undefined ? null : String(value.value)}
          onChange={(v) => props.onChange({ value: Number(v) })}
          onBlur={props.onBlur}
        >
          <Group gap="sm" mt="xs" wrap="wrap">
            {range(bounds.min, bounds.max).map((n) => (
              <Radio key={n} value={String(n)} label={String(n)} />
            ))}
          </Group>
        </Radio.Group>
      );
    }
    case 'SINGLE_CHOICE':
      return (
        <Radio.Group
          {...common}
          value={value?.optionIds?.[0] ?? null}
          onChange={(v) => props.onChange({ optionIds: [v] })}
          onBlur={props.onBlur}
        >
          <Stack gap="xs" mt="xs">
            {question.options.map((o) => (
              <Radio key={o.optionId} value={o.optionId} label={o.label} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'MULTIPLE_CHOICE':
      return (
        <Checkbox.Group
          {...common}
          description={t('surveys.answer.chooseAny')}
          value={[...(value?.optionIds ?? [])]}
          onChange={(ids) => props.onChange({ optionIds: ids })}
          onBlur={props.onBlur}
        >
          <Stack gap="xs" mt="xs">
            {question.options.map((o) => (
              <Checkbox key={o.optionId} value={o.optionId} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'SHORT_TEXT':
    case 'LONG_TEXT': {
      const max = TEXT_MAX[question.kind] ?? 0;
      const length = (value?.text ?? '').length;
      const field = {
        ...common,
        description: t('surveys.answer.textHint', { max }),
        value: value?.text ?? '',
        onChange: (e: { currentTarget: { value: string } }) => props.onChange({ text: e.currentTarget.value }),
        onBlur: props.onBlur,
      };
      return (
        <Stack gap={2}>
          {question.kind === 'SHORT_TEXT' ? <TextInput {...field} /> : <Textarea {...field} autosize minRows={4} />}
          {length > max * 0.8 && (
            <Text size="xs" c={length > max ? 'red.8' : 'dimmed'} aria-live="polite">
              {t('surveys.answer.length', { length, max })}
            </Text>
          )}
        </Stack>
      );
    }
  }
}
