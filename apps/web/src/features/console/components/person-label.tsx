import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The start of a person id: enough to tell people apart on screen; the whole id is in the tooltip. */
export const shortId = (personId: string): string => (personId.length > 8 ? `${personId.slice(0, 8)}…` : personId);

/**
 * A person as the console names them: by the name of their profile, or — without one (never enrolled, or erased) — by
 * the start of their id and a word that no profile names them yet.
 */
export function PersonLabel(props: { personId: string; displayName: string | null }) {
  const { t } = useTranslation();
  if (props.displayName !== null) return <Text size="sm">{props.displayName}</Text>;
  return (
    <Text size="sm">
      <Text component="abbr" inherit ff="monospace" title={props.personId}>
        {shortId(props.personId)}
      </Text>{' '}
      <Text span inherit c="dimmed">
        {t('console.managers.noProfile')}
      </Text>
    </Text>
  );
}
