import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { QueryError } from '../../../components/query-error';
import type { MessageReportReason } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { useAction } from '../../workspace/hooks/use-action';
import { DELETE_MESSAGE, MARK_CONVERSATION_READ, REPORT_MESSAGE } from '../api/conversation-mutations';
import { CONVERSATION, PAGE_SIZE } from '../api/conversation-query';
import { useConversationEvents } from '../hooks/use-conversation-events';
import { usePageVisible } from '../hooks/use-page-visible';
import { msUntilNextEditCloses } from '../lib/edit-window';
import { groupMessages } from '../lib/message-groups';
import { lastSeenByOther, newestUnread } from '../lib/read-receipts';
import { DeleteMessageDialog } from './delete-message-dialog';
import { MessageComposer } from './message-composer';
import { MessageItem } from './message-item';
import { ReportMessageDialog } from './report-message-dialog';

/**
 * A pair's or circle's private conversation (`mentorshipId` is the mentorship's id or `circle-<circleId>`): the newest
 * messages at the bottom, earlier ones on request, a composer, and each side's own actions on a message. New
 * messages, edits, deletions and read receipts arrive live; what the viewer sees while the page is in front is
 * marked read.
 */
export function ConversationPane(props: {
  mentorshipId: string;
  nameOf: (personId: string) => string;
  viewerTimeZone: string;
}) {
  const { mentorshipId } = props;
  const { t } = useTranslation();
  const { data, error, refetch, fetchMore } = useQuery(CONVERSATION, {
    variables: { mentorshipId, last: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  useConversationEvents(reload, mentorshipId);
  const visible = usePageVisible();
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [earlierFailure, setEarlierFailure] = useState<unknown>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [reporting, setReporting] = useState<string | null>(null);
  const [reported, setReported] = useState(false);
  const [deleteMessage, deletion] = useMutation(DELETE_MESSAGE);
  const [reportMessage, report] = useMutation(REPORT_MESSAGE);
  const [markRead] = useMutation(MARK_CONVERSATION_READ);
  const deleteAction = useAction();
  const reportAction = useAction();
  const now = useEditClock(data?.conversation.messages.map((m) => m.editableUntil) ?? []);
  const markedUpTo = useRef(0);
  const bottom = useRef<HTMLDivElement>(null);

  const conversation = data?.conversation;
  const viewerPersonId = data?.me.personId;
  const messages = useMemo(() => conversation?.messages ?? [], [conversation]);
  const newestSeq = messages.length ? Math.max(...messages.map((m) => m.seq)) : 0;

  // The newest message in view: on opening and whenever a newer one arrives (not when earlier ones are loaded).
  useEffect(() => {
    if (newestSeq > 0) bottom.current?.scrollIntoView?.({ block: 'nearest' });
  }, [newestSeq]);

  useEffect(() => {
    if (!conversation || !viewerPersonId || !visible) return;
    const newest = newestUnread(messages, conversation.readReceipts, viewerPersonId);
    if (!newest || newest.seq <= markedUpTo.current) return;
    markedUpTo.current = newest.seq;
    void markRead({ variables: { mentorshipId, upToMessageId: newest.id, commandId: newCommandId() } }).catch(() => {
      // Tried again with the next change; nothing the person has to act on.
      markedUpTo.current = 0;
    });
  }, [conversation, messages, viewerPersonId, visible, markRead, mentorshipId]);

  if (error && !data) return <QueryError error={error} onRetry={reload} />;
  if (!conversation || !viewerPersonId) return <LoadingState label={t('conversation.loading')} />;

  const oldestSeq = messages.length ? Math.min(...messages.map((m) => m.seq)) : 0;
  const loadEarlier = async () => {
    setLoadingEarlier(true);
    setEarlierFailure(null);
    try {
      await fetchMore({ variables: { mentorshipId, last: PAGE_SIZE, beforeSeq: oldestSeq } });
    } catch (failure) {
      setEarlierFailure(failure);
    } finally {
      setLoadingEarlier(false);
    }
  };
  const circle = conversation.circleId !== null && conversation.circleId !== undefined;
  // Someone who left a circle still reads up to their leaving, but is no member any more and may not write.
  const left = !conversation.memberPersonIds.includes(viewerPersonId);
  const writable = conversation.status === 'OPEN' && !left;
  const seenId = lastSeenByOther(messages, conversation.readReceipts, viewerPersonId);
  const groups = groupMessages(messages);

  const confirmDelete = async () => {
    if (!deleting) return;
    const done = await deleteAction.run(() =>
      deleteMessage({ variables: { mentorshipId, messageId: deleting, commandId: newCommandId() } }),
    );
    if (done) setDeleting(null);
  };
  const confirmReport = async (reason: MessageReportReason) => {
    if (!reporting) return;
    const done = await reportAction.run(() =>
      reportMessage({ variables: { mentorshipId, messageId: reporting, reason, commandId: newCommandId() } }),
    );
    if (done) {
      setReporting(null);
      setReported(true);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t(circle ? 'conversation.privateCircle' : 'conversation.private')}
      </Text>
      {reported && (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          onClose={() => setReported(false)}
          closeButtonLabel={t('conversation.dismiss')}
        >
          {t('conversation.report.done')}
        </Alert>
      )}
      <Card withBorder padding="md">
        <Stack gap="xs">
          {oldestSeq > 1 && (
            <Button
              variant="subtle"
              onClick={() => void loadEarlier()}
              loading={loadingEarlier}
              style={{ alignSelf: 'center' }}
            >
              {t('conversation.loadEarlier')}
            </Button>
          )}
          {earlierFailure !== null && <QueryError error={earlierFailure} onRetry={() => void loadEarlier()} />}
          {messages.length === 0 ? (
            <Text c="dimmed">{t('conversation.empty')}</Text>
          ) : (
            <Stack
              component="ol"
              gap={4}
              aria-label={t('conversation.messages')}
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {groups.flatMap((group) =>
                group.messages.map((message, index) => (
                  <MessageItem
                    key={message.id}
                    message={message}
                    mentorshipId={mentorshipId}
                    authorName={message.mine ? t('conversation.you') : props.nameOf(message.authorPersonId)}
                    startsGroup={index === 0}
                    seen={message.id === seenId}
                    now={now}
                    viewerTimeZone={props.viewerTimeZone}
                    writable={writable}
                    onDelete={(id) => {
                      deleteAction.clear();
                      setDeleting(id);
                    }}
                    onReport={(id) => {
                      reportAction.clear();
                      setReported(false);
                      setReporting(id);
                    }}
                  />
                )),
              )}
            </Stack>
          )}
          <div ref={bottom} />
        </Stack>
      </Card>
      {writable ? (
        <MessageComposer mentorshipId={mentorshipId} onSent={reload} />
      ) : (
        <Text>{t(closedText(circle, left))}</Text>
      )}
      <DeleteMessageDialog
        opened={deleting !== null}
        circle={circle}
        deleting={deletion.loading}
        failure={deleteAction.failure}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      />
      <ReportMessageDialog
        opened={reporting !== null}
        reporting={report.loading}
        failure={reportAction.failure}
        onConfirm={(reason) => void confirmReport(reason)}
        onClose={() => setReporting(null)}
      />
    </Stack>
  );
}

function closedText(circle: boolean, left: boolean) {
  if (!circle) return 'conversation.closed';
  return left ? 'conversation.leftCircle' : 'conversation.circleClosed';
}

/** The time the edit actions are judged by, renewed when the next edit window closes so its action goes away. */
function useEditClock(editableUntils: ReadonlyArray<string | null | undefined>): Date {
  const [now, setNow] = useState(() => new Date());
  const key = editableUntils.join('|');
  useEffect(() => {
    const wait = msUntilNextEditCloses(key ? key.split('|') : [], new Date());
    if (wait === undefined) return;
    // Capped: a timer far ahead may drift while a laptop sleeps.
    const timer = window.setTimeout(() => setNow(new Date()), Math.min(wait + 50, 60_000));
    return () => window.clearTimeout(timer);
  }, [key, now]);
  return now;
}
