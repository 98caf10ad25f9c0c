import { useMutation } from '@apollo/client/react';
import { Badge, Button, List, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { newCommandId } from '../../../lib/command-id';
import { formatDate, formatDateTime } from '../../../lib/format';
import { describeError } from '../../../lib/graphql-errors';
import { NUDGE_MENTORSHIP } from '../api/engagement-queries';
import { healthReasonKey, healthStatusKey } from '../lib/health-reasons';

export const EngagementPairRowPair = graphql(`
  fragment EngagementPairRow_pair on AtRiskPair {
    mentorshipId
    status
    reasons
    since
    lastNudgedAt
    mentor {
      id
      displayName
    }
    mentee {
      id
      displayName
    }
  }
`);

type NudgeState =
  | { kind: 'idle' }
  | { kind: 'nudged'; at: string }
  | { kind: 'already'; at: string }
  | { kind: 'failed'; message: string };

/** One pair that needs attention: both names, why in words, since when, and a one-click nudge. */
export function EngagementPairRow(props: { pair: FragmentType<typeof EngagementPairRowPair> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const pair = getFragmentData(EngagementPairRowPair, props.pair);
  // One id per row: a double click or a retry is the same nudge to the API.
  const [commandId] = useState(newCommandId);
  const [state, setState] = useState<NudgeState>({ kind: 'idle' });
  const [nudge, nudging] = useMutation(NUDGE_MENTORSHIP);
  const unnamed = t('console.engagement.unnamed');

  const send = async () => {
    try {
      const { data } = await nudge({ variables: { mentorshipId: pair.mentorshipId, commandId } });
      const answer = data?.nudgeMentorship;
      if (!answer) return;
      setState({ kind: answer.alreadyNudged ? 'already' : 'nudged', at: answer.nudgedAt });
    } catch (error) {
      const failure = describeError(error);
      setState({ kind: 'failed', message: failure.detail ?? t(`errors.${failure.kind}`) });
    }
  };

  const nudgedAt = state.kind === 'nudged' || state.kind === 'already' ? state.at : pair.lastNudgedAt;
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={0}>
          <Text size="sm">{t('console.engagement.mentee', { name: pair.mentee?.displayName ?? unnamed })}</Text>
          <Text size="sm" c="dimmed">
            {t('console.engagement.mentor', { name: pair.mentor?.displayName ?? unnamed })}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        {/* Filled with autoContrast: the light variants of red and yellow stay below the 4.5:1 text contrast. */}
        <Badge color={pair.status === 'stalled' ? 'red.9' : 'yellow.5'} variant="filled" autoContrast>
          {t(healthStatusKey(pair.status))}
        </Badge>
      </Table.Td>
      <Table.Td>
        {pair.reasons.length === 0 ? (
          <Text size="sm">{t('console.engagement.noReason')}</Text>
        ) : (
          <List size="sm" spacing={2}>
            {pair.reasons.map((reason) => (
              <List.Item key={reason}>{t(healthReasonKey(reason))}</List.Item>
            ))}
          </List>
        )}
      </Table.Td>
      <Table.Td>{formatDate(pair.since, locale)}</Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start" aria-live="polite">
          <Button
            size="xs"
            variant="default"
            loading={nudging.loading}
            disabled={state.kind === 'nudged' || state.kind === 'already'}
            onClick={() => void send()}
            aria-label={t('console.engagement.nudgeLabel', { name: pair.mentee?.displayName ?? unnamed })}
          >
            {t('console.engagement.nudge')}
          </Button>
          {state.kind === 'already' && (
            <Text size="xs">{t('console.engagement.alreadyNudged', { time: formatDateTime(state.at, locale) })}</Text>
          )}
          {state.kind !== 'already' && nudgedAt && (
            <Text size="xs">{t('console.engagement.nudged', { time: formatDateTime(nudgedAt, locale) })}</Text>
          )}
          {state.kind === 'failed' && (
            <Text size="xs" c="red" role="alert">
              {t('console.engagement.nudgeFailed', { reason: state.message })}
            </Text>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
