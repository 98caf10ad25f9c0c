import { Button, Checkbox, Group, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { AgreementInput, CommunicationChannel, MeetingCadence } from '../../../gql/graphql';
import { FailureAlert } from '../../../components/failure-alert';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import type { DescribedError } from '../../../lib/graphql-errors';

const CADENCES: MeetingCadence[] = ['WEEKLY', 'FORTNIGHTLY', 'MONTHLY'];
const CHANNELS: CommunicationChannel[] = ['VIDEO', 'IN_PERSON', 'PHONE', 'CHAT', 'EMAIL'];

export interface AgreementDraft {
  cadence: MeetingCadence;
  sessionMinutes: number | string;
  durationMonths: number | string;
  channels: CommunicationChannel[];
  expectations: string;
  boundaries: string;
  confidentiality: string;
}

export const DEFAULT_AGREEMENT: AgreementDraft = {
  cadence: 'FORTNIGHTLY',
  sessionMinutes: 60,
  durationMonths: 6,
  channels: ['VIDEO'],
  expectations: '',
  boundaries: '',
  confidentiality: '',
};

// The API names each term by its own name, alone or as the end of a path into the agreement input.
const FIELDS: RefusalFields<keyof AgreementDraft> = {
  cadence: ['cadence'],
  sessionMinutes: ['sessionMinutes'],
  durationMonths: ['durationMonths'],
  channels: ['channels'],
  expectations: ['expectations'],
  boundaries: ['boundaries'],
  confidentiality: ['confidentiality'],
};

export function toAgreementInput(draft: AgreementDraft): AgreementInput {
  const text = (value: string) => value.trim() || null;
  return {
    cadence: draft.cadence,
    sessionMinutes: Number(draft.sessionMinutes),
    durationMonths: Number(draft.durationMonths),
    channels: draft.channels,
    expectations: text(draft.expectations),
    boundaries: text(draft.boundaries),
    confidentiality: text(draft.confidentiality),
  };
}

/**
 * The terms of an agreement, to propose or to amend. Limits are the API's: it answers a refused value with the field
 * it concerns, which is shown there; nothing is kept client-side that the API would not also check.
 */
export function AgreementForm(props: {
  initial: AgreementDraft;
  submitLabel: string;
  saving: boolean;
  failure: DescribedError | null;
  onSubmit: (draft: AgreementDraft) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<AgreementDraft>({ initialValues: props.initial });
  const refusal = placeRefusal(props.failure, FIELDS);
  return (
    <form onSubmit={form.onSubmit(props.onSubmit)} noValidate>
      <Stack>
        <FailureAlert failure={refusal.unplaced} />
        <Group grow align="flex-start">
          <Select
            label={t('agreement.cadence')}
            data={CADENCES.map((value) => ({ value, label: t(`agreement.cadences.${value}`) }))}
            allowDeselect={false}
            error={refusal.errorOn('cadence')}
            {...form.getInputProps('cadence')}
          />
          <NumberInput
            label={t('agreement.sessionMinutes')}
            min={15}
            max={480}
            step={15}
            error={refusal.errorOn('sessionMinutes')}
            {...form.getInputProps('sessionMinutes')}
          />
          <NumberInput
            label={t('agreement.durationMonths')}
            min={1}
            max={60}
            error={refusal.errorOn('durationMonths')}
            {...form.getInputProps('durationMonths')}
          />
        </Group>
        <Checkbox.Group
          label={t('agreement.channels')}
          error={refusal.errorOn('channels')}
          {...form.getInputProps('channels')}
        >
          <Group mt="xs">
            {CHANNELS.map((channel) => (
              <Checkbox key={channel} value={channel} label={t(`agreement.channelNames.${channel}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea
          label={t('agreement.expectations')}
          description={t('agreement.expectationsHint')}
          autosize
          minRows={2}
          error={refusal.errorOn('expectations')}
          {...form.getInputProps('expectations')}
        />
        <Textarea
          label={t('agreement.boundaries')}
          autosize
          minRows={2}
          error={refusal.errorOn('boundaries')}
          {...form.getInputProps('boundaries')}
        />
        <Textarea
          label={t('agreement.confidentiality')}
          autosize
          minRows={2}
          error={refusal.errorOn('confidentiality')}
          {...form.getInputProps('confidentiality')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('workspace.cancel')}
          </Button>
          <Button type="submit" loading={props.saving}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
