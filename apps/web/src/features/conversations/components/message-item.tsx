import { useMutation } from '@apollo/client/react';
import { Box, Button, Group, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { formatDateTime, formatTime } from '../../../lib/format';
import { useAction } from '../../workspace/hooks/use-action';
import { EDIT_MESSAGE } from '../api/conversation-mutations';
import { canEditNow } from '../lib/edit-window';
import { MessageText } from './message-text';

export const MessageItemMessage = graphql(`
  fragment MessageItem_message on ConversationMessage {
    id
    seq
    authorPersonId
    body
    status
    postedAt
    editedAt
    mine
    editableUntil
  }
`);

// The API names the text by its text rule or by the mutation's argument.
const FIELDS: RefusalFields<'body'> = { body: ['message', 'body'] };

/**
 * One message: the author and time when it starts a group, its text (or that it was deleted or removed), "Seen"
 * under the viewer's message the other has read, and the actions the viewer has on it.
 */
export function MessageItem(props: {
  message: FragmentType<typeof MessageItemMessage>;
  mentorshipId: string;
  authorName: string;
  startsGroup: boolean;
  seen: boolean;
  now: Date;
  viewerTimeZone: string;
  writable: boolean;
  onDelete: (messageId: string) => void;
  onReport: (messageId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const message = getFragmentData(MessageItemMessage, props.message);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [edit, edited] = useMutation(EDIT_MESSAGE);
  const { failure, run, clear } = useAction();
  const refusal = placeRefusal(failure, FIELDS);
  const gone = message.status === 'DELETED' || message.status === 'REMOVED';
  const editable = props.writable && message.mine && !gone && canEditNow(message.editableUntil, props.now);
  const save = async () => {
    const saved = await run(() =>
      edit({
        variables: { mentorshipId: props.mentorshipId, messageId: message.id, body: draft, commandId: newCommandId() },
      }),
    );
    if (saved) setEditing(false);
  };
  return (
    <Box component="li" mt={props.startsGroup ? 'sm' : 0}>
      {props.startsGroup ? (
        <Group gap="xs" align="baseline">
          <Text fw={600} size="sm">
            {props.authorName}
          </Text>
          <Text size="xs" c="dimmed" component="time" dateTime={message.postedAt}>
            {formatDateTime(message.postedAt, i18n.language, props.viewerTimeZone)}
          </Text>
        </Group>
      ) : (
        // Within a group only the time: the name above it still says who wrote it.
        <VisuallyHidden>
          {props.authorName}, {formatTime(message.postedAt, i18n.language, props.viewerTimeZone)}
        </VisuallyHidden>
      )}
      {editing ? (
        <form onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
          <Stack gap="xs">
            <FailureAlert failure={refusal.unplaced} />
            <Textarea
              label={t('conversation.edit.label')}
              autosize
              minRows={2}
              value={draft}
              error={refusal.errorOn('body')}
              onChange={(e) => setDraft(e.currentTarget.value)}
              data-autofocus
              autoFocus
            />
            <Group gap="xs">
              <Button type="submit" size="xs" loading={edited.loading}>
                {t('conversation.edit.save')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  clear();
                  setEditing(false);
                }}
              >
                {t('conversation.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : gone ? (
        <Text fs="italic" c="dimmed">
          {t(message.status === 'DELETED' ? 'conversation.deleted' : 'conversation.removed')}
        </Text>
      ) : (
        <MessageText body={message.body} />
      )}
      {!editing && (
        <Group gap="xs">
          {message.status === 'EDITED' && message.editedAt && (
            <Text size="xs" c="dimmed">
              {t('conversation.edited')}
            </Text>
          )}
          {props.seen && (
            <Text size="xs" c="dimmed">
              {t('conversation.seen')}
            </Text>
          )}
          {editable && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                setDraft(message.body);
                setEditing(true);
              }}
            >
              {t('conversation.edit.button')}
            </Button>
          )}
          {props.writable && message.mine && !gone && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => props.onDelete(message.id)}>
              {t('conversation.delete.button')}
            </Button>
          )}
          {!message.mine && !gone && (
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => props.onReport(message.id)}>
              {t('conversation.report.button')}
            </Button>
          )}
        </Group>
      )}
    </Box>
  );
}
