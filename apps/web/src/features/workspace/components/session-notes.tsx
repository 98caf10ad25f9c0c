import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { formatZonedDateTime } from '../../../lib/format';
import { WRITE_PRIVATE_NOTE, WRITE_SHARED_NOTES } from '../api/session-mutations';
import { useAction } from '../hooks/use-action';

interface Note {
  text: string;
  writtenAt: string;
}

function NoteEditor(props: {
  label: string;
  initial: string;
  saving: boolean;
  /** A new private note starts empty again; the shared notes stay in the editor to be improved. */
  clearOnSave: boolean;
  onSave: (text: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.initial);
  return (
    <Stack gap="xs">
      <Textarea
        label={props.label}
        autosize
        minRows={3}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button
          variant="default"
          loading={props.saving}
          disabled={!text.trim()}
          onClick={() => void props.onSave(text).then((saved) => saved && props.clearOnSave && setText(''))}
        >
          {t('sessions.notes.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Notes of a session: shared ones both sides read (written once it has taken place) and the viewer's private ones,
 * which nobody else — not even the program's managers — reads.
 */
export function SessionNotes(props: {
  sessionId: string;
  completed: boolean;
  sharedNotes: (Note & { authorPersonId: string }) | null | undefined;
  privateNotes: Note[];
  viewerTimeZone: string;
  nameOf: (personId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const [writeShared, sharing] = useMutation(WRITE_SHARED_NOTES);
  const [writePrivate, keeping] = useMutation(WRITE_PRIVATE_NOTE);
  const { failure, run } = useAction();
  const vars = { id: props.sessionId, viewerTimeZone: props.viewerTimeZone };
  const written = (note: Note) => formatZonedDateTime(note.writtenAt, i18n.language, props.viewerTimeZone);
  return (
    <Stack>
      <FailureAlert failure={failure} />
      <Title order={2} size="h3">
        {t('sessions.notes.shared')}
      </Title>
      {props.sharedNotes ? (
        <Card withBorder>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{props.sharedNotes.text}</Text>
          <Text size="xs" c="dimmed" mt="xs">
            {t('sessions.notes.writtenBy', {
              name: props.nameOf(props.sharedNotes.authorPersonId),
              date: written(props.sharedNotes),
            })}
          </Text>
        </Card>
      ) : (
        <Text c="dimmed">{t(props.completed ? 'sessions.notes.noShared' : 'sessions.notes.sharedAfter')}</Text>
      )}
      {props.completed && (
        <NoteEditor
          label={t(props.sharedNotes ? 'sessions.notes.editShared' : 'sessions.notes.writeShared')}
          initial={props.sharedNotes?.text ?? ''}
          clearOnSave={false}
          saving={sharing.loading}
          onSave={(text) => run(() => writeShared({ variables: { ...vars, text, commandId: newCommandId() } }))}
        />
      )}
      <Title order={2} size="h3">
        {t('sessions.notes.private')}
      </Title>
      {props.privateNotes.length === 0 ? (
        <Text c="dimmed">{t('sessions.notes.noPrivate')}</Text>
      ) : (
        props.privateNotes.map((note) => (
          <Card key={note.writtenAt} withBorder>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{note.text}</Text>
            <Text size="xs" c="dimmed" mt="xs">
              {written(note)}
            </Text>
          </Card>
        ))
      )}
      <NoteEditor
        label={t('sessions.notes.writePrivate')}
        initial=""
        clearOnSave
        saving={keeping.loading}
        onSave={(text) => run(() => writePrivate({ variables: { ...vars, text, commandId: newCommandId() } }))}
      />
    </Stack>
  );
}
