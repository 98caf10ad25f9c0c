import { ActionIcon, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { placeRefusal } from '../../../lib/field-refusals';
import type { DescribedError } from '../../../lib/graphql-errors';
import { isChoice, QUESTION_KINDS, type QuestionDraft, withNewOption } from '../lib/question-draft';

// The API names a refused part of a question by these fields (libs/sessions/domain survey.decider).
const QUESTION_FIELDS = {
  prompt: ['prompt', 'question'],
  kind: ['kind'],
  options: ['options', 'optionId'],
  scaleLabels: ['scaleLabels', 'lowLabel', 'highLabel'],
} as const;

/**
 * Writes one question: its kind, wording, whether it must be answered, and what its kind needs (options to choose
 * from, the words at either end of a scale). Saving sends it whole; a refusal shows on the part it concerns.
 */
export function QuestionEditor(props: {
  initial: QuestionDraft;
  heading: string;
  saveLabel: string;
  onSave: (draft: QuestionDraft) => Promise<DescribedError | null>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(props.initial);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [saving, setSaving] = useState(false);
  const refusal = placeRefusal(failure, QUESTION_FIELDS);
  const set = (change: Partial<QuestionDraft>) => setDraft((d) => ({ ...d, ...change }));
  const save = async () => {
    setSaving(true);
    const result = await props.onSave(draft);
    setSaving(false);
    setFailure(result);
  };
  return (
    // No browser bubbles: the API's refusal shows on the field it concerns, in its own words.
    <Stack
      renderRoot={(rootProps) => <form {...rootProps} noValidate />}
      aria-label={props.heading}
      gap="sm"
      p="md"
      style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-md)' }}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Text fw={600}>{props.heading}</Text>
      <FailureAlert failure={refusal.unplaced} />
      <Select
        label={t('surveys.builder.kind')}
        data={QUESTION_KINDS.map((kind) => ({ value: kind, label: t(`surveys.kinds.${kind}`) }))}
        value={draft.kind}
        allowDeselect={false}
        onChange={(kind) => kind && set({ kind })}
        error={refusal.errorOn('kind')}
      />
      <TextInput
        label={t('surveys.builder.prompt')}
        required
        maxLength={300}
        value={draft.prompt}
        onChange={(e) => set({ prompt: e.currentTarget.value })}
        error={refusal.errorOn('prompt')}
      />
      {draft.kind === 'SCALE' && (
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('surveys.builder.lowLabel')}
            required
            maxLength={60}
            value={draft.lowLabel}
            onChange={(e) => set({ lowLabel: e.currentTarget.value })}
            error={refusal.errorOn('scaleLabels')}
            miw="12rem"
          />
          <TextInput
            label={t('surveys.builder.highLabel')}
            required
            maxLength={60}
            value={draft.highLabel}
            onChange={(e) => set({ highLabel: e.currentTarget.value })}
            error={refusal.errorOn('scaleLabels')}
            miw="12rem"
          />
        </Group>
      )}
      {isChoice(draft.kind) && (
        <Stack gap="xs" role="group" aria-label={t('surveys.builder.options')}>
          {draft.options.map((option, index) => (
            <Group key={option.optionId} gap="xs" wrap="nowrap" align="flex-start">
              <TextInput
                style={{ flex: 1 }}
                label={t('surveys.builder.option', { number: index + 1 })}
                maxLength={120}
                value={option.label}
                onChange={(e) => {
                  const label = e.currentTarget.value;
                  set({ options: draft.options.map((o) => (o.optionId === option.optionId ? { ...o, label } : o)) });
                }}
                error={index === 0 ? refusal.errorOn('options') : undefined}
              />
              <ActionIcon
                mt={28}
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('surveys.builder.removeOption', { number: index + 1 })}
                disabled={draft.options.length <= 1}
                onClick={() => set({ options: draft.options.filter((o) => o.optionId !== option.optionId) })}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <div>
            <Button variant="default" size="compact-sm" onClick={() => setDraft(withNewOption(draft))}>
              {t('surveys.builder.addOption')}
            </Button>
          </div>
        </Stack>
      )}
      <Checkbox
        label={t('surveys.builder.required')}
        checked={draft.required}
        onChange={(e) => set({ required: e.currentTarget.checked })}
      />
      <Group gap="sm">
        <Button type="submit" loading={saving}>
          {props.saveLabel}
        </Button>
        {props.onCancel && (
          <Button variant="default" onClick={props.onCancel}>
            {t('surveys.builder.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
