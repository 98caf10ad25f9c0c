import { Button, Group, NumberInput, Radio, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { SurveyAudience, SurveyTriggerKind } from '../../../gql/graphql';
import { detectedTimeZone } from '../../../lib/detected-time-zone';
import { placeRefusal } from '../../../lib/field-refusals';
import type { DescribedError } from '../../../lib/graphql-errors';
import { AUDIENCES, type ScheduleDraft, scheduleDraftOf, type ScheduleLike, TRIGGERS } from '../lib/schedule-draft';

const SCHEDULE_FIELDS = {
  trigger: ['trigger'],
  weeks: ['weeks'],
  opensAt: ['opensAt'],
  cohortId: ['cohortId'],
  audience: ['audience'],
  openDays: ['openDays'],
  reminder: ['reminderDaysBeforeClose'],
} as const;

/** When the survey is sent (relative to each mentorship, or on a date), to whom, and for how long it takes answers. */
export function ScheduleForm(props: {
  schedule: ScheduleLike | null;
  cohorts: ReadonlyArray<{ cohortId: string; name: string }>;
  disabled: boolean;
  /** A publishing problem of the schedule (e.g. it would close before it is sent), shown on its field. */
  problem: DescribedError | null;
  onSave: (draft: ScheduleDraft, timeZone: string) => Promise<DescribedError | null>;
}) {
  const { t } = useTranslation();
  const timeZone = detectedTimeZone();
  const [draft, setDraft] = useState(() => scheduleDraftOf(props.schedule, timeZone));
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [saving, setSaving] = useState(false);
  const refusal = placeRefusal(failure ?? props.problem, SCHEDULE_FIELDS);
  const set = (change: Partial<ScheduleDraft>) => setDraft((d) => ({ ...d, ...change }));
  const save = async () => {
    setSaving(true);
    const result = await props.onSave(draft, timeZone);
    setSaving(false);
    setFailure(result);
  };
  return (
    <Stack
      component="form"
      gap="sm"
      maw={640}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <FailureAlert failure={failure && refusal.unplaced} />
      <fieldset disabled={props.disabled} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="sm">
          <Radio.Group
            label={t('surveys.schedule.trigger')}
            value={draft.trigger}
            onChange={(v) => set({ trigger: v as SurveyTriggerKind })}
            error={refusal.errorOn('trigger')}
          >
            <Stack gap="xs" mt="xs">
              {TRIGGERS.map((trigger) => (
                <Radio key={trigger} value={trigger} label={t(`surveys.schedule.triggers.${trigger}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {draft.trigger === 'AFTER_MENTORSHIP_START' && (
            <NumberInput
              label={t('surveys.schedule.weeks')}
              min={1}
              max={104}
              allowDecimal={false}
              required
              value={draft.weeks}
              onChange={(weeks) => set({ weeks })}
              error={refusal.errorOn('weeks')}
              maw={240}
            />
          )}
          {draft.trigger === 'ON_DATE' && (
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                type="datetime-local"
                label={t('surveys.schedule.opensAt')}
                description={t('surveys.schedule.timeZone', { zone: timeZone })}
                required
                value={draft.opensAt}
                onChange={(e) => set({ opensAt: e.currentTarget.value })}
                error={refusal.errorOn('opensAt')}
                miw="14rem"
              />
              {props.cohorts.length > 0 && (
                <Select
                  label={t('surveys.schedule.cohort')}
                  placeholder={t('surveys.schedule.allCohorts')}
                  clearable
                  data={props.cohorts.map((c) => ({ value: c.cohortId, label: c.name }))}
                  value={draft.cohortId}
                  onChange={(cohortId) => set({ cohortId })}
                  error={refusal.errorOn('cohortId')}
                  miw="14rem"
                />
              )}
            </Group>
          )}
          <Radio.Group
            label={t('surveys.schedule.audience')}
            value={draft.audience}
            onChange={(v) => set({ audience: v as SurveyAudience })}
            error={refusal.errorOn('audience')}
          >
            <Group gap="md" mt="xs" wrap="wrap">
              {AUDIENCES.map((audience) => (
                <Radio key={audience} value={audience} label={t(`surveys.schedule.audiences.${audience}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Group grow align="flex-start" wrap="wrap">
            <NumberInput
              label={t('surveys.schedule.openDays')}
              min={1}
              max={90}
              allowDecimal={false}
              required
              value={draft.openDays}
              onChange={(openDays) => set({ openDays })}
              error={refusal.errorOn('openDays')}
              miw="12rem"
            />
            <NumberInput
              label={t('surveys.schedule.reminder')}
              description={t('surveys.schedule.reminderHint')}
              min={1}
              allowDecimal={false}
              value={draft.reminderDaysBeforeClose}
              onChange={(reminderDaysBeforeClose) => set({ reminderDaysBeforeClose })}
              error={refusal.errorOn('reminder')}
              miw="12rem"
            />
          </Group>
          {!props.disabled && (
            <div>
              <Button type="submit" loading={saving}>
                {t('surveys.schedule.save')}
              </Button>
            </div>
          )}
        </Stack>
      </fieldset>
    </Stack>
  );
}
