import { Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatZonedDateTime } from '../../../lib/format';
import { timeZoneOptions } from '../../../lib/time-zones';
import { type SessionTimeDraft, toSessionTimeInput } from '../lib/session-time';

export interface OtherSide {
  name: string;
  timeZone: string;
}

/**
 * Start, length and zone of a session, with the chosen time shown as each side will see it: agreeing on "10:00" is
 * easy to get wrong across zones.
 */
export function SessionTimeFields(props: {
  value: SessionTimeDraft;
  onChange: (value: SessionTimeDraft) => void;
  otherSide: OtherSide | null;
  errors: { startsAt?: string | undefined; endsAt?: string | undefined };
}) {
  const { t, i18n } = useTranslation();
  const { value, onChange } = props;
  const zones = useMemo(() => timeZoneOptions(value.timeZone), [value.timeZone]);
  const time = toSessionTimeInput(value);
  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <TextInput
          type="datetime-local"
          label={t('sessions.start')}
          required
          value={value.start}
          error={props.errors.startsAt}
          onChange={(e) => onChange({ ...value, start: e.currentTarget.value })}
        />
        <NumberInput
          label={t('sessions.minutes')}
          min={15}
          max={480}
          step={15}
          required
          value={value.minutes}
          error={props.errors.endsAt}
          onChange={(minutes) => onChange({ ...value, minutes })}
        />
      </Group>
      <Select
        label={t('sessions.timeZone')}
        data={zones}
        searchable
        allowDeselect={false}
        value={value.timeZone}
        onChange={(zone) => zone && onChange({ ...value, timeZone: zone })}
      />
      {time && (
        <Stack gap={2} aria-live="polite">
          <Text size="sm">
            {t('sessions.forYou', { time: formatZonedDateTime(time.startsAt, i18n.language, value.timeZone) })}
          </Text>
          {props.otherSide && props.otherSide.timeZone !== value.timeZone && (
            <Text size="sm">
              {t('sessions.forOther', {
                name: props.otherSide.name,
                time: formatZonedDateTime(time.startsAt, i18n.language, props.otherSide.timeZone),
              })}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
