import { useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { newCommandId } from '../../../lib/command-id';
import { formatDate } from '../../../lib/format';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { WITHDRAW_REQUEST } from '../api/request-mutations';
import { PersonSummary } from '../../../components/person-summary';

export const SentRequestRequest = graphql(`
  fragment SentRequest_request on MentorshipRequest {
    id
    status
    requestedAt
    expiresAt
    mentor {
      ...PersonSummary_participant
    }
  }
`);

/** A request the mentee sent: to whom, until when it stands, and withdrawing it while it is open. */
export function SentRequest(props: { request: FragmentType<typeof SentRequestRequest>; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const request = getFragmentData(SentRequestRequest, props.request);
  const [withdraw, { loading }] = useMutation(WITHDRAW_REQUEST);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const open = request.status === 'OPEN';
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <PersonSummary participant={request.mentor} />
          <Badge variant="outline">{t(`requests.status.${request.status}`)}</Badge>
        </Group>
        <Text size="sm">
          {open
            ? t('requests.expires', { date: formatDate(request.expiresAt, i18n.language) })
            : t('requests.sentOn', { date: formatDate(request.requestedAt, i18n.language) })}
        </Text>
        {failure && (
          <Alert color="red" role="alert">
            {failure.detail ?? t(`errors.${failure.kind}`)}
          </Alert>
        )}
        {open && (
          <Group>
            <Button
              variant="default"
              loading={loading}
              onClick={() => {
                setFailure(null);
                withdraw({ variables: { requestId: request.id, commandId: newCommandId() } }).then(
                  props.onChanged,
                  (error: unknown) => setFailure(describeError(error)),
                );
              }}
            >
              {t('requests.withdraw')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
