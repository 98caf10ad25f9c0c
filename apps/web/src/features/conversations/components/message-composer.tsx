import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { formatNumber } from '../../../lib/format';
import { useAction } from '../../workspace/hooks/use-action';
import { POST_MESSAGE } from '../api/conversation-mutations';
import { isSendKey, MESSAGE_MAX_LENGTH, remainingCharacters } from '../lib/composer-limit';

// The API names the text by its text rule or by the mutation's argument.
const FIELDS: RefusalFields<'body'> = { body: ['message', 'body'] };

/**
 * Writes a message: Enter sends, Shift+Enter starts a new line. One send keeps its idempotency key until it is
 * accepted, so sending the same text again after an answer was lost does not post it twice; changing the text makes
 * it a new message.
 */
export function MessageComposer({ mentorshipId, onSent }: { mentorshipId: string; onSent: () => void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const commandId = useRef<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const [post, posting] = useMutation(POST_MESSAGE);
  const { failure, run } = useAction();
  const refusal = placeRefusal(failure, FIELDS);
  const remaining = remainingCharacters(text);
  const send = async () => {
    if (posting.loading || text.trim().length === 0) return;
    commandId.current ??= newCommandId();
    const id = commandId.current;
    const sent = await run(() => post({ variables: { mentorshipId, body: text, commandId: id } }));
    if (sent) {
      setText('');
      commandId.current = null;
      onSent();
    }
    // The field was disabled while sending, which takes the focus away; the person goes on typing.
    window.setTimeout(() => field.current?.focus(), 0);
  };
  return (
    <form onSubmit={(e) => (e.preventDefault(), void send())} noValidate>
      <Stack gap="xs">
        <FailureAlert failure={refusal.unplaced} />
        <Textarea
          ref={field}
          label={t('conversation.composer.label')}
          description={t('conversation.composer.hint')}
          autosize
          minRows={2}
          maxRows={8}
          value={text}
          disabled={posting.loading}
          error={refusal.errorOn('body')}
          onChange={(e) => {
            setText(e.currentTarget.value);
            commandId.current = null;
          }}
          onKeyDown={(e) => {
            if (isSendKey({ key: e.key, shiftKey: e.shiftKey, isComposing: e.nativeEvent.isComposing })) {
              e.preventDefault();
              void send();
            }
          }}
        />
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" c={remaining !== undefined && remaining < 0 ? 'red.8' : 'dimmed'} aria-live="polite">
            {remaining === undefined
              ? ''
              : remaining >= 0
                ? t('conversation.composer.left', {
                    count: remaining,
                    formatted: formatNumber(remaining, i18n.language),
                    max: formatNumber(MESSAGE_MAX_LENGTH, i18n.language),
                  })
                : t('conversation.composer.over', {
                    count: -remaining,
                    formatted: formatNumber(-remaining, i18n.language),
                    max: formatNumber(MESSAGE_MAX_LENGTH, i18n.language),
                  })}
          </Text>
          <Button type="submit" loading={posting.loading} disabled={text.trim().length === 0}>
            {t('conversation.composer.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
