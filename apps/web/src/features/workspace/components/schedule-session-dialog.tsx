import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Group, Modal, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { SessionMode } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { detectedTimeZone } from '../../../lib/detected-time-zone';
import { SCHEDULE_SESSION } from '../api/session-mutations';
import { type SessionTimeDraft, suggestedStart, toSessionTimeInput } from '../lib/session-time';
import { ClashAlert } from './clash-alert';
import { type OtherSide, SessionTimeFields } from './session-time-fields';

interface Draft {
  title: string;
  time: SessionTimeDraft;
  mode: SessionMode;
  place: string;
}

function initialDraft(minutes: number): Draft {
  const timeZone = detectedTimeZone();
  return {
    title: '',
    time: { start: suggestedStart(new Date(), timeZone), minutes, timeZone },
    mode: 'VIRTUAL',
    place: '',
  };
}

// Free text by the service's text rule or, from the decider, in words ("Meeting link"); times by their arguments.
const FIELDS: RefusalFields<'title' | 'startsAt' | 'endsAt' | 'meetingLink' | 'location'> = {
  title: ['sessionTitle', 'title', 'Title'],
  startsAt: ['startsAt'],
  endsAt: ['endsAt'],
  meetingLink: ['meetingLink', 'Meeting link'],
  location: ['location', 'Location'],
};

/** Booking a one-on-one session of the mentorship; the API checks both calendars and both sides' availability. */
export function ScheduleSessionDialog(props: {
  opened: boolean;
  mentorshipId: string;
  defaultMinutes: number;
  otherSide: OtherSide | null;
  onClose: () => void;
  onScheduled: (sessionId: string) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(props.defaultMinutes));
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [override, setOverride] = useState(false);
  const [schedule, { loading }] = useMutation(SCHEDULE_SESSION);
  const close = () => {
    setDraft(initialDraft(props.defaultMinutes));
    setFailure(null);
    setOverride(false);
    props.onClose();
  };
  const submit = async () => {
    setFailure(null);
    const time = toSessionTimeInput(draft.time);
    if (!time) {
      setFailure({ kind: 'badUserInput', field: 'startsAt', detail: t('sessions.startRequired') });
      return;
    }
    const place = draft.place.trim() || null;
    try {
      const result = await schedule({
        variables: {
          commandId: newCommandId(),
          input: {
            mentorshipId: props.mentorshipId,
            title: draft.title.trim() || null,
            mode: draft.mode,
            ...time,
            overrideAvailability: override,
            ...(draft.mode === 'VIRTUAL' ? { meetingLink: place } : { location: place }),
          },
        },
      });
      const id = result.data?.scheduleSession.id;
      setDraft(initialDraft(props.defaultMinutes));
      setOverride(false);
      if (id) props.onScheduled(id);
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  const refusal = placeRefusal(failure, FIELDS);
  return (
    <Modal opened={props.opened} onClose={close} title={t('sessions.scheduleTitle')} centered size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          {failure?.clashingSessionId ? (
            <ClashAlert failure={failure} timeZone={draft.time.timeZone} />
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
          <TextInput
            label={t('sessions.title')}
            value={draft.title}
            error={refusal.errorOn('title')}
            onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
            data-autofocus
          />
          <SessionTimeFields
            value={draft.time}
            onChange={(time) => setDraft({ ...draft, time })}
            otherSide={props.otherSide}
            errors={{ startsAt: refusal.errorOn('startsAt'), endsAt: refusal.errorOn('endsAt') }}
          />
          <SegmentedControl
            aria-label={t('sessions.mode')}
            value={draft.mode}
            onChange={(mode) => setDraft({ ...draft, mode: mode as SessionMode })}
            data={[
              { value: 'VIRTUAL', label: t('sessions.modes.VIRTUAL') },
              { value: 'IN_PERSON', label: t('sessions.modes.IN_PERSON') },
            ]}
          />
          <TextInput
            label={t(draft.mode === 'VIRTUAL' ? 'sessions.meetingLink' : 'sessions.location')}
            required
            value={draft.place}
            error={refusal.errorOn(draft.mode === 'VIRTUAL' ? 'meetingLink' : 'location')}
            onChange={(e) => setDraft({ ...draft, place: e.currentTarget.value })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('workspace.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('sessions.schedule')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
