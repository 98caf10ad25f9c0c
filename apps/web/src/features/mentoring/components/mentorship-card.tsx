import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { formatDate } from '../../../lib/format';
import { PersonSummary } from '../../../components/person-summary';

export const MentorshipCardMentorship = graphql(`
  fragment MentorshipCard_mentorship on Mentorship {
    id
    status
    startedAt
    mentorPersonId
    mentor {
      ...PersonSummary_participant
    }
    mentee {
      ...PersonSummary_participant
    }
  }
`);

/** A mentorship as one side sees it: the other person, since when, and its state. */
export function MentorshipCard(props: {
  mentorship: FragmentType<typeof MentorshipCardMentorship>;
  viewerPersonId: string;
}) {
  const { t, i18n } = useTranslation();
  const mentorship = getFragmentData(MentorshipCardMentorship, props.mentorship);
  const viewerIsMentor = mentorship.mentorPersonId === props.viewerPersonId;
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <PersonSummary participant={viewerIsMentor ? mentorship.mentee : mentorship.mentor} />
          <Badge variant="outline">{t(`mentorships.status.${mentorship.status}`)}</Badge>
        </Group>
        <Text size="sm">
          {t(viewerIsMentor ? 'mentorships.yourMentee' : 'mentorships.yourMentor')} ·{' '}
          {t('mentorships.since', { date: formatDate(mentorship.startedAt, i18n.language) })}
        </Text>
        <Anchor
          renderRoot={(p) => <Link {...p} to="/mentorships/$mentorshipId" params={{ mentorshipId: mentorship.id }} />}
        >
          {t('mentorships.openWorkspace')}
        </Anchor>
      </Stack>
    </Card>
  );
}
