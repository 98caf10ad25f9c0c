import { useQuery } from '@apollo/client/react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { QueryError } from '../../../components/query-error';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import { GOALS_DUE } from '../api/goals-due-query';
import { AgendaGoalItem } from './agenda-goal-item';

/** Two weeks ahead: near enough to act on, far enough to plan a session for it. */
export const GOALS_WINDOW_DAYS = 14;
/** The API answers the whole window; a mentor of many pairs sees the first few and the rest on request. */
export const GOALS_SHOWN = 5;
const HEADING_ID = 'goals-due-soon';
const listStyle = { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 'var(--mantine-spacing-xs)' };

/** Goals of the person's mentorships due within two weeks or overdue, soonest first. */
export function GoalsDueSoon({ viewerTimeZone }: { viewerTimeZone: string }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(GOALS_DUE, {
    variables: { withinDays: GOALS_WINDOW_DAYS, viewerTimeZone },
    fetchPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  useLiveRefresh(reload);
  const [showAll, setShowAll] = useState(false);

  let content;
  if (error && !data) content = <QueryError error={error} onRetry={reload} />;
  else if (!data) content = <LoadingState label={t('agenda.goalsLoading')} />;
  else {
    const goals = data.myGoalsDueSoon;
    const shown = showAll ? goals : goals.slice(0, GOALS_SHOWN);
    content = (
      <Stack gap="xs">
        {goals.length === 0 ? (
          <Text>{t('agenda.noGoals', { count: GOALS_WINDOW_DAYS })}</Text>
        ) : (
          <ul style={listStyle} aria-labelledby={HEADING_ID}>
            {shown.map((due) => (
              <AgendaGoalItem key={`${due.mentorshipId}:${due.goal.id}`} goalDue={due} />
            ))}
          </ul>
        )}
        {shown.length < goals.length && (
          <Button variant="default" onClick={() => setShowAll(true)} style={{ alignSelf: 'flex-start' }}>
            {t('agenda.moreGoals', { count: goals.length })}
          </Button>
        )}
      </Stack>
    );
  }

  return (
    <section aria-labelledby={HEADING_ID}>
      <Title order={3} size="h4" id={HEADING_ID} mb="xs">
        {t('agenda.goalsHeading')}
      </Title>
      {content}
    </section>
  );
}
