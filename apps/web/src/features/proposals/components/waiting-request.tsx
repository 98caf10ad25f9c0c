import { Anchor, Card, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { formatDate } from '../../../lib/format';
import { PersonSummary, PersonSummaryParticipant } from '../../../components/person-summary';

export const WaitingRequestRequest = graphql(`
  fragment WaitingRequest_request on MentorshipRequest {
    id
    programId
    expiresAt
    mentee {
      ...PersonSummary_participant
    }
  }
`);

/** A request to the person as a mentor; it is answered on the program's page, where the mentee's profile is. */
export function WaitingRequest(props: {
  request: FragmentType<typeof WaitingRequestRequest>;
  programName: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const request = getFragmentData(WaitingRequestRequest, props.request);
  const program = props.programName ?? t('proposals.aProgram');
  const name = getFragmentData(PersonSummaryParticipant, request.mentee)?.displayName ?? t('people.unavailable');
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap="xs">
        <PersonSummary participant={request.mentee} />
        <Text size="sm">{t('needsYou.requestIn', { program })}</Text>
        <Text size="sm">{t('requests.expires', { date: formatDate(request.expiresAt, i18n.language) })}</Text>
        <Anchor
          renderRoot={(rootProps) => (
            <Link {...rootProps} to="/programs/$programId" params={{ programId: request.programId }} />
          )}
        >
          {t('needsYou.answerIn', { name, program })}
        </Anchor>
      </Stack>
    </Card>
  );
}
