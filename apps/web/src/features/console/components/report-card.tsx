import { useMutation } from '@apollo/client/react';
import { Badge, Button, Card, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData } from '../../../gql';
import { newCommandId } from '../../../lib/command-id';
import { formatDateTime } from '../../../lib/format';
import {
  CONSOLE_REPORTS,
  DISMISS_MESSAGE_REPORT,
  HIDE_REPORTED_MESSAGE,
  REMOVE_CONVERSATION_MEMBER,
  ReportCardReport,
  WARN_MESSAGE_AUTHOR,
} from '../api/moderation-queries';
import { useConsoleAction } from '../hooks/use-console-action';
import { availableChoices, type ModerationChoice, reasonCounts, reasonKey } from '../lib/moderation-actions';
import { ConfirmModerationDialog } from './confirm-moderation-dialog';

/**
 * One reported message with the two messages either side (all the moderator may read of the conversation), who
 * reported it and why, what was done so far, and the actions, each confirmed first.
 */
export function ReportCard(props: { report: FragmentType<typeof ReportCardReport> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const report = getFragmentData(ReportCardReport, props.report);
  // One id per action and card: a double click or a retry is the same action to the API.
  const [commandIds] = useState(() => ({
    hide: newCommandId(),
    dismiss: newCommandId(),
    warn: newCommandId(),
    remove: newCommandId(),
  }));
  const [confirming, setConfirming] = useState<ModerationChoice | null>(null);
  const { failure, run } = useConsoleAction();
  const refetch = { refetchQueries: [CONSOLE_REPORTS], awaitRefetchQueries: true };
  const [hide, hiding] = useMutation(HIDE_REPORTED_MESSAGE, refetch);
  const [dismiss, dismissing] = useMutation(DISMISS_MESSAGE_REPORT, refetch);
  const [warn, warning] = useMutation(WARN_MESSAGE_AUTHOR);
  const [remove, removing] = useMutation(REMOVE_CONVERSATION_MEMBER);
  const unnamed = t('console.reports.unnamed');
  const authorName = report.author.participant?.displayName ?? unnamed;
  const headingId = `report-${report.messageId}-heading`;
  const choices = availableChoices({
    status: report.status,
    conversationOpen: report.conversationOpen,
    authorPersonId: report.author.personId,
    memberPersonIds: report.members.map((m) => m.personId),
    actions: report.actions,
  });

  const confirm = async (choice: ModerationChoice) => {
    const variables = { mentorshipId: report.mentorshipId, messageId: report.messageId, commandId: commandIds[choice] };
    const done = await run(() => {
      switch (choice) {
        case 'hide':
          return hide({ variables });
        case 'dismiss':
          return dismiss({ variables });
        case 'warn':
          return warn({ variables });
        case 'remove':
          return remove({ variables: { ...variables, personId: report.author.personId } });
      }
    });
    if (done) setConfirming(null);
  };

  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Title order={4} id={headingId}>
            {t('console.reports.messageBy', { name: authorName })}
          </Title>
          <Group gap="xs">
            {reasonCounts(report.reports).map(({ reason, count }) => (
              <Badge key={reason} color="red.9" variant="filled" autoContrast>
                {count > 1
                  ? t('console.reports.reasonCount', { reason: t(reasonKey(reason)), count })
                  : t(reasonKey(reason))}
              </Badge>
            ))}
          </Group>
        </Group>
        <Stack
          gap="xs"
          component="ol"
          aria-label={t('console.reports.contextLabel')}
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
        >
          {report.context.map((message) => (
            <Paper
              key={message.id}
              component="li"
              withBorder
              p="xs"
              bg={message.reported ? 'var(--mantine-color-red-0)' : undefined}
              aria-current={message.reported ? 'true' : undefined}
            >
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={600}>
                  {message.author.participant?.displayName ?? unnamed}
                  {message.reported ? ` · ${t('console.reports.reportedMessage')}` : ''}
                </Text>
                <Text size="xs">{formatDateTime(message.postedAt, locale)}</Text>
              </Group>
              {/* Plain text only: a message is never rendered as HTML. */}
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {message.body}
              </Text>
              {message.status === 'HIDDEN' && (
                <Text size="xs" fs="italic">
                  {t('console.reports.hiddenNote')}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
        <List size="sm" aria-label={t('console.reports.reportsLabel')}>
          {report.reports.map((entry) => (
            <List.Item key={`${entry.reportedBy.personId}-${entry.reportedAt}`}>
              {t('console.reports.reportedBy', {
                name: entry.reportedBy.participant?.displayName ?? unnamed,
                reason: t(reasonKey(entry.reason)),
                time: formatDateTime(entry.reportedAt, locale),
              })}
            </List.Item>
          ))}
          {report.actions.map((action) => (
            <List.Item key={`${action.kind}-${action.at}`}>
              {t(`console.reports.done.${action.kind}`, { time: formatDateTime(action.at, locale) })}
            </List.Item>
          ))}
        </List>
        <Group gap="xs">
          {choices.map((choice) => (
            <Button
              key={choice}
              size="xs"
              variant={choice === 'hide' || choice === 'remove' ? 'filled' : 'default'}
              color={choice === 'hide' || choice === 'remove' ? 'red.9' : undefined}
              onClick={() => setConfirming(choice)}
            >
              {t(`console.reports.actions.${choice}`, { name: authorName })}
            </Button>
          ))}
        </Group>
      </Stack>
      {confirming && (
        <ConfirmModerationDialog
          choice={confirming}
          authorName={authorName}
          busy={hiding.loading || dismissing.loading || warning.loading || removing.loading}
          failure={failure}
          onConfirm={() => void confirm(confirming)}
          onClose={() => setConfirming(null)}
        />
      )}
    </Card>
  );
}
