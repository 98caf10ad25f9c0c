import { useQuery } from '@apollo/client/react';
import { Anchor, Stack } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { MY_SURVEY_INVITATIONS } from '../api/invitation-queries';

/**
 * On the home page: the open surveys the person is asked to answer, closing soonest first, each a link to its answer
 * page. Nothing shows while there is none (or while it is asked).
 */
export function SurveysToAnswer() {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(MY_SURVEY_INVITATIONS, { fetchPolicy: 'cache-and-network' });
  const invitations = data?.mySurveyInvitations ?? [];
  if (invitations.length === 0) return null;
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {invitations.map(({ occurrenceId, title, closesAt }) => (
        <li key={occurrenceId}>
          <Anchor fw={600} renderRoot={(p) => <Link {...p} to="/surveys/$occurrenceId" params={{ occurrenceId }} />}>
            {t('needsYou.survey', { title, date: formatDate(closesAt, i18n.language) })}
          </Anchor>
        </li>
      ))}
    </Stack>
  );
}
