import { Checkbox, NativeSelect, NumberInput, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgramFormat } from '../../../gql/graphql';
import { NUMBER_SETTINGS, type SettingsDraft, type SettingsField } from '../lib/settings-draft';

const FORMATS: ProgramFormat[] = ['ONE_ON_ONE', 'GROUP', 'BOTH'];

/** The program settings the API offers (ProgramSettingsInput), each with the refusal the API gave for it. */
export function SettingsFields(props: {
  draft: SettingsDraft;
  onChange: (draft: SettingsDraft) => void;
  errorOn: (field: SettingsField) => string | undefined;
  /** On creation an empty field means "the default"; when editing every field has the current value. */
  optional: boolean;
}) {
  const { t } = useTranslation();
  const { draft } = props;
  const set = <K extends SettingsField>(field: K, value: SettingsDraft[K]) =>
    props.onChange({ ...draft, [field]: value });
  return (
    <Stack>
      <NativeSelect
        label={t('console.settings.format')}
        value={draft.format}
        error={props.errorOn('format')}
        data={[
          ...(props.optional ? [{ value: '', label: t('console.settings.default') }] : []),
          ...FORMATS.map((f) => ({ value: f, label: t(`console.format.${f}`) })),
        ]}
        onChange={(e) => set('format', e.currentTarget.value as ProgramFormat | '')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {NUMBER_SETTINGS.map((key) => (
          <NumberInput
            key={key}
            label={t(`console.settings.${key}`)}
            description={t(`console.settings.${key}Hint`)}
            placeholder={props.optional ? t('console.settings.default') : undefined}
            min={0}
            allowDecimal={false}
            value={draft[key]}
            error={props.errorOn(key)}
            onChange={(value) => set(key, typeof value === 'number' ? value : value === '' ? '' : Number(value))}
          />
        ))}
        <NumberInput
          label={t('console.settings.conversationRetentionDays')}
          description={t('console.settings.conversationRetentionDaysHint')}
          placeholder={t('console.settings.keepMessages')}
          min={0}
          allowDecimal={false}
          value={draft.conversationRetentionDays}
          error={props.errorOn('conversationRetentionDays')}
          onChange={(value) =>
            set('conversationRetentionDays', typeof value === 'number' ? value : value === '' ? '' : Number(value))
          }
        />
      </SimpleGrid>
      <Checkbox
        label={t('console.settings.offerNextBestOnDecline')}
        checked={draft.offerNextBestOnDecline}
        error={props.errorOn('offerNextBestOnDecline')}
        onChange={(e) => set('offerNextBestOnDecline', e.currentTarget.checked)}
      />
    </Stack>
  );
}
