import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { formatCalendarDate } from '../../../lib/format';
import { dueState } from '../lib/due-state';

export const AgendaGoalItemGoalDue = graphql(`
  fragment AgendaGoalItem_goalDue on GoalDue {
    mentorshipId
    viewerRole
    daysLeft
    goal {
      id
      title
      targetDate
    }
  }
`);

/** A goal due soon on the home page: its title leads to the mentorship's workspace, where the pair works on it. */
export function AgendaGoalItem(props: { goalDue: FragmentType<typeof AgendaGoalItemGoalDue> }) {
  const { t, i18n } = useTranslation();
  const { mentorshipId, viewerRole, daysLeft, goal } = getFragmentData(AgendaGoalItemGoalDue, props.goalDue);
  const due = dueState(daysLeft);
  const dueText =
    due.key === 'overdue' || due.key === 'inDays'
      ? t(`agenda.due.${due.key}`, { count: due.count })
      : t(`agenda.due.${due.key}`);
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={2} miw={0}>
          <Anchor
            fw={600}
            renderRoot={(p) => <Link {...p} to="/mentorships/$mentorshipId" params={{ mentorshipId }} />}
          >
            {goal.title}
          </Anchor>
          <Text size="sm">{t('agenda.dueOn', { date: formatCalendarDate(goal.targetDate, i18n.language) })}</Text>
          <Text size="sm" c="dimmed">
            {viewerRole === 'MENTOR' ? t('agenda.goalOfMentee') : t('agenda.goalOfYours')}
          </Text>
        </Stack>
        {/* Outline, or filled dark red once overdue: Mantine's light badges fall below 4.5:1 contrast. */}
        <Badge
          variant={due.key === 'overdue' ? 'filled' : 'outline'}
          color={due.key === 'overdue' ? 'red.9' : undefined}
        >
          {dueText}
        </Badge>
      </Group>
    </Card>
  );
}
