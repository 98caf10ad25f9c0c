import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundOverrideReason } from '../../../gql/graphql';
import { OVERRIDE_REASONS } from '../lib/override-reasons';

/** Every override names why; the reasons are the API's (RoundOverrideReason), in the viewer's language. */
export function ReasonSelect(props: {
  value: RoundOverrideReason | null;
  onChange: (reason: RoundOverrideReason) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('rounds.override.reason')}
      required
      data={OVERRIDE_REASONS.map((value) => ({ value, label: t(`rounds.override.reasons.${value}`) }))}
      value={props.value}
      onChange={(value) => {
        if (value) props.onChange(value);
      }}
      error={props.error}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
