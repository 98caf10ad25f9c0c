import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Slider,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  MAX_OPTIONS,
  MAX_WEIGHT,
  type QuestionDraft,
  type QuestionField,
  QUESTION_KINDS,
  withKind,
  withNewOption,
} from '../lib/questionnaire-draft';

export interface QuestionEditorProps {
  question: QuestionDraft;
  position: number;
  count: number;
  onChange: (question: QuestionDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  errorOn: (field: QuestionField) => string | undefined;
}

/** One question of the builder: its words, its kind and answers, and whether (and how much) matching weighs it. */
export function QuestionEditor({
  question,
  position,
  count,
  onChange,
  onMove,
  onRemove,
  errorOn,
}: QuestionEditorProps) {
  const { t } = useTranslation();
  const label = t('console.questionnaire.questionLabel', { position });
  const setOption = (index: number, text: string) =>
    onChange({
      ...question,
      options: question.options.map((o, i) => (i === index ? { ...o, label: text } : o)),
    });
  return (
    <Card withBorder component="section" aria-label={label}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{label}</Text>
          <Group gap="xs">
            <Button size="compact-sm" variant="default" disabled={position === 1} onClick={() => onMove(-1)}>
              {t('console.questionnaire.moveUp')}
            </Button>
            <Button size="compact-sm" variant="default" disabled={position === count} onClick={() => onMove(1)}>
              {t('console.questionnaire.moveDown')}
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" onClick={onRemove}>
              {t('console.questionnaire.remove')}
            </Button>
          </Group>
        </Group>
        <TextInput
          label={t('console.questionnaire.text')}
          required
          maxLength={300}
          value={question.text}
          error={errorOn('text')}
          onChange={(e) => onChange({ ...question, text: e.currentTarget.value })}
        />
        <Select
          label={t('console.questionnaire.kind')}
          data={QUESTION_KINDS.map((kind) => ({ value: kind, label: t(`console.questionnaire.kinds.${kind}`) }))}
          value={question.kind}
          allowDeselect={false}
          onChange={(kind) => kind && onChange(withKind(question, kind))}
        />
        {(question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTIPLE_CHOICE') && (
          <Stack gap="xs" role="group" aria-label={t('console.questionnaire.options')}>
            <Text size="sm" fw={500}>
              {t('console.questionnaire.options')}
            </Text>
            {question.options.map((option, index) => (
              <Group key={option.optionId} gap="xs" wrap="nowrap">
                <TextInput
                  flex={1}
                  aria-label={t('console.questionnaire.optionLabel', { position: index + 1 })}
                  maxLength={120}
                  value={option.label}
                  onChange={(e) => setOption(index, e.currentTarget.value)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  disabled={question.options.length <= 2}
                  aria-label={t('console.questionnaire.removeOption', { position: index + 1 })}
                  onClick={() => onChange({ ...question, options: question.options.filter((_, i) => i !== index) })}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            {errorOn('options') && (
              <Text size="sm" c="red" role="alert">
                {errorOn('options')}
              </Text>
            )}
            <Button
              size="compact-sm"
              variant="light"
              w="fit-content"
              disabled={question.options.length >= MAX_OPTIONS}
              onClick={() => onChange(withNewOption(question))}
            >
              {t('console.questionnaire.addOption')}
            </Button>
          </Stack>
        )}
        {question.kind === 'SCALE' && (
          <Group grow>
            <NumberInput
              label={t('console.questionnaire.scaleMin')}
              value={question.scaleMin}
              allowDecimal={false}
              error={errorOn('scale')}
              onChange={(v) => onChange({ ...question, scaleMin: Number(v) || 0 })}
            />
            <NumberInput
              label={t('console.questionnaire.scaleMax')}
              value={question.scaleMax}
              allowDecimal={false}
              onChange={(v) => onChange({ ...question, scaleMax: Number(v) || 0 })}
            />
          </Group>
        )}
        {question.kind === 'SHORT_TEXT' ? (
          <Text size="sm" c="dimmed">
            {t('console.questionnaire.textNotMatched')}
          </Text>
        ) : (
          <>
            <Switch
              label={t('console.questionnaire.usedForMatching')}
              checked={question.usedForMatching}
              onChange={(e) => onChange({ ...question, usedForMatching: e.currentTarget.checked })}
            />
            {question.usedForMatching && (
              <Stack gap={4}>
                <Text size="sm" id={`weight-${question.questionId}`}>
                  {t('console.questionnaire.weight', { weight: question.weight })}
                </Text>
                <Slider
                  min={0}
                  max={MAX_WEIGHT}
                  step={0.5}
                  value={question.weight}
                  thumbLabel={t('console.questionnaire.weightLabel')}
                  onChange={(weight) => onChange({ ...question, weight })}
                />
                {errorOn('weight') && (
                  <Text size="sm" c="red" role="alert">
                    {errorOn('weight')}
                  </Text>
                )}
                <Text size="sm" id={`mode-${question.questionId}`}>
                  {t('console.questionnaire.matchingMode')}
                </Text>
                <SegmentedControl
                  aria-labelledby={`mode-${question.questionId}`}
                  value={question.matchingMode}
                  data={[
                    { value: 'SIMILAR', label: t('console.questionnaire.modeSimilar') },
                    { value: 'COMPLEMENTARY', label: t('console.questionnaire.modeComplementary') },
                  ]}
                  onChange={(mode) =>
                    onChange({ ...question, matchingMode: mode === 'COMPLEMENTARY' ? 'COMPLEMENTARY' : 'SIMILAR' })
                  }
                />
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
