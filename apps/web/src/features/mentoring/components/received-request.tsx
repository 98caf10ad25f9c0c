import { useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import type { DeclineReason } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { DECLINE_REASONS } from '../../../lib/decline-reasons';
import { formatDate } from '../../../lib/format';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { ACCEPT_REQUEST, DECLINE_REQUEST } from '../api/request-mutations';
import { PersonSummary } from '../../../components/person-summary';

export const ReceivedRequestRequest = graphql(`
  fragment ReceivedRequest_request on MentorshipRequest {
    id
    status
    requestedAt
    expiresAt
    menteePersonId
    mentee {
      displayName
      languages
      skillsSought
      ...PersonSummary_participant
    }
  }
`);

/**
 * A request to the mentor: the mentee's profile, and accepting or declining with a reason while it is open. Declining
 * can also keep rounds from proposing that mentee to the mentor later (their "rather not" list).
 */
export function ReceivedRequest(props: {
  request: FragmentType<typeof ReceivedRequestRequest>;
  onChanged: () => void;
  /** Adds the mentee to the mentor's "rather not" list; false when that failed (the hook shows why). */
  onRatherNot?: (menteePersonId: string) => Promise<boolean>;
}) {
  const { t, i18n } = useTranslation();
  const request = getFragmentData(ReceivedRequestRequest, props.request);
  const [accept, accepting] = useMutation(ACCEPT_REQUEST);
  const [decline, declining] = useMutation(DECLINE_REQUEST);
  const [reason, setReason] = useState<DeclineReason | null>(null);
  const [declineOpen, setDeclineOpen] = useState(false);
  const [ratherNot, setRatherNot] = useState(false);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const open = request.status === 'OPEN';
  const run = (action: Promise<unknown>) => {
    setFailure(null);
    action.then(props.onChanged, (error: unknown) => setFailure(describeError(error)));
  };
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' });
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <PersonSummary participant={request.mentee} />
          <Badge variant="outline">{t(`requests.status.${request.status}`)}</Badge>
        </Group>
        {request.mentee && (
          <Text size="sm">
            {t('requests.menteeSpeaks', {
              languages: request.mentee.languages.map((code) => languages.of(code) ?? code).join(', '),
            })}
            {request.mentee.skillsSought.length > 0 &&
              ` · ${t('requests.menteeSeeks', { skills: request.mentee.skillsSought.join(', ') })}`}
          </Text>
        )}
        <Text size="sm">
          {t('requests.receivedOn', { date: formatDate(request.requestedAt, i18n.language) })}
          {open && ` · ${t('requests.expires', { date: formatDate(request.expiresAt, i18n.language) })}`}
        </Text>
        {failure && (
          <Alert color="red" role="alert">
            {failure.detail ?? t(`errors.${failure.kind}`)}
          </Alert>
        )}
        {open && !declineOpen && (
          <Group>
            <Button
              loading={accepting.loading}
              onClick={() => run(accept({ variables: { requestId: request.id, commandId: newCommandId() } }))}
            >
              {t('requests.accept')}
            </Button>
            <Button variant="default" onClick={() => setDeclineOpen(true)}>
              {t('requests.decline')}
            </Button>
          </Group>
        )}
        {open && declineOpen && props.onRatherNot && (
          <Checkbox
            label={t('requests.ratherNot', { name: request.mentee?.displayName ?? t('people.unavailable') })}
            description={t('requests.ratherNotHint')}
            checked={ratherNot}
            onChange={(e) => setRatherNot(e.currentTarget.checked)}
          />
        )}
        {open && declineOpen && (
          <Group align="flex-end">
            <Select
              label={t('requests.declineReason')}
              data={DECLINE_REASONS.map((value) => ({ value, label: t(`requests.declineReasons.${value}`) }))}
              value={reason}
              onChange={setReason}
              allowDeselect={false}
            />
            <Button
              color="red"
              disabled={!reason}
              loading={declining.loading}
              onClick={() =>
                reason &&
                run(
                  decline({ variables: { requestId: request.id, reason, commandId: newCommandId() } }).then(
                    async () => {
                      if (ratherNot) await props.onRatherNot?.(request.menteePersonId);
                    },
                  ),
                )
              }
            >
              {t('requests.confirmDecline')}
            </Button>
            <Button variant="subtle" onClick={() => setDeclineOpen(false)}>
              {t('request.cancel')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
