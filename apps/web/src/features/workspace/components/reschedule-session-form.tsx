import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { RESCHEDULE_SESSION } from '../api/session-mutations';
import { useAction } from '../hooks/use-action';
import { draftOfSession, type SessionTimeDraft, toSessionTimeInput } from '../lib/session-time';
import { ClashAlert } from './clash-alert';
import { type OtherSide, SessionTimeFields } from './session-time-fields';

const FIELDS: RefusalFields<'startsAt' | 'endsAt'> = { startsAt: ['startsAt'], endsAt: ['endsAt'] };

/** Moving a session to another time; the same checks as booking it (calendars, availability) apply. */
export function RescheduleSessionForm(props: {
  session: { id: string; startsAt: string; endsAt: string };
  viewerTimeZone: string;
  otherSide: OtherSide | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SessionTimeDraft>(() => draftOfSession(props.session, props.viewerTimeZone));
  const [override, setOverride] = useState(false);
  const [reschedule, { loading }] = useMutation(RESCHEDULE_SESSION);
  const { failure, run } = useAction();
  const submit = async () => {
    const time = toSessionTimeInput(draft);
    if (!time) return;
    const moved = await run(() =>
      reschedule({
        variables: {
          id: props.session.id,
          ...time,
          overrideAvailability: override,
          viewerTimeZone: props.viewerTimeZone,
          commandId: newCommandId(),
        },
      }),
    );
    if (moved) props.onDone();
  };
  const refusal = placeRefusal(failure, FIELDS);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        {failure?.clashingSessionId ? (
          <ClashAlert failure={failure} timeZone={draft.timeZone} />
        ) : (
          <FailureAlert failure={refusal.unplaced} />
        )}
        {failure?.outsideAvailability && (
          <Checkbox
            label={t('sessions.overrideAvailability')}
            checked={override}
            onChange={(e) => setOverride(e.currentTarget.checked)}
          />
        )}
        <SessionTimeFields
          value={draft}
          onChange={setDraft}
          otherSide={props.otherSide}
          errors={{ startsAt: refusal.errorOn('startsAt'), endsAt: refusal.errorOn('endsAt') }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            {t('workspace.cancel')}
          </Button>
          <Button type="submit" loading={loading} disabled={!toSessionTimeInput(draft)}>
            {t('sessions.moveSession')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
