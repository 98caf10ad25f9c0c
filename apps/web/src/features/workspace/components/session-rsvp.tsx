import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { RsvpResponse } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { RESPOND_TO_SESSION } from '../api/session-mutations';
import { useAction } from '../hooks/use-action';

const RESPONSES: RsvpResponse[] = ['ACCEPTED', 'TENTATIVE', 'DECLINED'];

/** Whether the viewer will come; the chosen answer is pressed, so the current state reads from the buttons. */
export function SessionRsvp(props: {
  sessionId: string;
  myRsvp: RsvpResponse | null | undefined;
  viewerTimeZone: string;
}) {
  const { t } = useTranslation();
  const [respond, { loading }] = useMutation(RESPOND_TO_SESSION);
  const { failure, run } = useAction();
  return (
    <Stack gap="xs">
      <Text fw={600} id="rsvp-label">
        {t('sessions.willYouCome')}
      </Text>
      <Group gap="xs" role="group" aria-labelledby="rsvp-label">
        {RESPONSES.map((response) => (
          <Button
            key={response}
            variant={props.myRsvp === response ? 'filled' : 'default'}
            aria-pressed={props.myRsvp === response}
            disabled={loading}
            onClick={() =>
              void run(() =>
                respond({
                  variables: {
                    id: props.sessionId,
                    response,
                    viewerTimeZone: props.viewerTimeZone,
                    commandId: newCommandId(),
                  },
                }),
              )
            }
          >
            {t(`sessions.rsvpAnswers.${response}`)}
          </Button>
        ))}
      </Group>
      <FailureAlert failure={failure} />
    </Stack>
  );
}
