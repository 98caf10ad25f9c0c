import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_HEADING_ID } from '../../../components/page-heading';
import { getFragmentData } from '../../../gql';
import type { PreferencesForm_PreferencesFragment } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal } from '../../../lib/field-refusals';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { PreferencesFormPreferences, UPDATE_NOTIFICATION_PREFERENCES } from '../api/preferences-queries';
import {
  ALWAYS_IN_APP,
  DIGEST_MODES,
  PREFERENCES_REFUSAL_FIELDS,
  MAX_DAILY_EMAIL_BUDGET,
  preferencesChange,
  type PreferencesValues,
  validatePreferences,
  valuesFromPreferences,
} from '../lib/preferences-form';

type Outcome = { kind: 'saved' } | { kind: 'unchanged' } | { kind: 'failed'; error: DescribedError };

/** The preferences as a form: only what changed is sent; the API's refusals land on the field they concern. */
export function PreferencesForm({
  preferences,
  timeZones,
}: {
  preferences: PreferencesForm_PreferencesFragment;
  timeZones: string[];
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(preferences);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [update, { loading }] = useMutation(UPDATE_NOTIFICATION_PREFERENCES);
  const form = useForm<PreferencesValues>({
    initialValues: valuesFromPreferences(preferences),
    validate: (values) => {
      const errors = validatePreferences(values);
      return Object.fromEntries(
        Object.entries(errors).map(([field, error]) => [
          field,
          error === 'budgetRange'
            ? t('preferences.errors.budgetRange', { max: MAX_DAILY_EMAIL_BUDGET })
            : t('preferences.errors.timeRequired'),
        ]),
      );
    },
  });

  const submit = form.onSubmit(async (values) => {
    setOutcome(null);
    const input = preferencesChange(saved, values);
    if (!input) {
      setOutcome({ kind: 'unchanged' });
      return;
    }
    try {
      const result = await update({ variables: { input, commandId: newCommandId() } });
      const next = getFragmentData(PreferencesFormPreferences, result.data?.updateNotificationPreferences);
      if (next) {
        setSaved(next);
        const nextValues = valuesFromPreferences(next);
        form.setInitialValues(nextValues);
        form.setValues(nextValues);
      }
      setOutcome({ kind: 'saved' });
    } catch (error) {
      const described = describeError(error);
      const { field, errorOn } = placeRefusal(described, PREFERENCES_REFUSAL_FIELDS);
      if (field && described.detail) {
        form.setFieldError(field, errorOn(field));
        if (field === 'quietTo') form.setFieldError('quietFrom', true);
        form.getInputNode(field)?.focus();
      } else setOutcome({ kind: 'failed', error: described });
    }
  });

  const zoneHint =
    timeZones.length === 1
      ? t('preferences.quietZone', { zone: timeZones[0] })
      : timeZones.length > 1
        ? t('preferences.quietZones', { zones: timeZones.join(', ') })
        : t('preferences.quietZoneUnknown');

  return (
    <form onSubmit={submit} noValidate aria-labelledby={PAGE_HEADING_ID}>
      <Stack gap="xl" maw={760}>
        <Fieldset legend={t('preferences.channels')} variant="unstyled">
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('preferences.category')}</Table.Th>
                <Table.Th scope="col">{t('preferences.inApp')}</Table.Th>
                <Table.Th scope="col">{t('preferences.email')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {saved.channels.map(({ category }) => {
                const name = t(`preferences.categories.${category}`);
                const always = ALWAYS_IN_APP.has(category);
                return (
                  <Table.Tr key={category}>
                    <Table.Th scope="row" fw={400}>
                      {name}
                      {always && (
                        <Text size="xs" c="dimmed">
                          {t('preferences.alwaysInApp')}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('preferences.inAppFor', { category: name })}
                        disabled={always}
                        {...form.getInputProps(`channels.${category}.inApp`, { type: 'checkbox' })}
                        {...(always && { checked: true })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('preferences.emailFor', { category: name })}
                        {...form.getInputProps(`channels.${category}.email`, { type: 'checkbox' })}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Fieldset>

        {saved.unsubscribed.length > 0 && (
          <Checkbox.Group
            label={t('preferences.unsubscribed')}
            description={t('preferences.unsubscribedHint')}
            {...form.getInputProps('resubscribe')}
          >
            <Stack gap="xs" mt="xs">
              {saved.unsubscribed.map((category) => (
                <Checkbox
                  key={category}
                  value={category}
                  label={t('preferences.resubscribe', { category: t(`preferences.categories.${category}`) })}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}

        <Fieldset legend={t('preferences.quietHours')}>
          <Stack gap="sm">
            {/* Not the switch's description: Mantine puts that inside the label, which would make it the switch's name. */}
            <Text size="sm" c="dimmed">
              {zoneHint}
            </Text>
            <Switch
              label={t('preferences.quietHoursOn')}
              {...form.getInputProps('quietHoursOn', { type: 'checkbox' })}
            />
            {form.values.quietHoursOn && (
              <Group align="flex-start">
                <TextInput type="time" label={t('preferences.quietFrom')} {...form.getInputProps('quietFrom')} />
                <TextInput type="time" label={t('preferences.quietTo')} {...form.getInputProps('quietTo')} />
              </Group>
            )}
          </Stack>
        </Fieldset>

        <Radio.Group
          label={t('preferences.digest')}
          description={t('preferences.digestHint')}
          {...form.getInputProps('digest')}
        >
          <Stack gap="xs" mt="xs">
            {DIGEST_MODES.map((mode) => (
              <Radio key={mode} value={mode} label={t(`preferences.digestModes.${mode}`)} />
            ))}
          </Stack>
        </Radio.Group>

        <NumberInput
          label={t('preferences.budget')}
          description={t('preferences.budgetHint', { max: MAX_DAILY_EMAIL_BUDGET })}
          allowDecimal={false}
          clampBehavior="none"
          maw={240}
          {...form.getInputProps('dailyEmailBudget')}
        />

        {outcome?.kind === 'failed' && (
          <Alert color="red" role="alert" title={t(`errors.${outcome.error.kind}`)}>
            {outcome.error.detail}
          </Alert>
        )}
        {outcome && outcome.kind !== 'failed' && (
          <Alert color={outcome.kind === 'saved' ? 'teal' : 'gray'} role="status">
            {outcome.kind === 'saved' ? t('preferences.saved') : t('preferences.unchanged')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={loading}>
            {t('preferences.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
