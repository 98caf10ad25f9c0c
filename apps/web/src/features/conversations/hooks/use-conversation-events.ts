import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { CONVERSATION_EVENT_TYPES, CONVERSATION_EVENTS } from '../api/conversation-events-subscription';
import { mentorshipOfEvent } from '../lib/event-mentorship';

// A message posted and read right away comes as two events: one reload for both.
const SETTLE_MS = 200;

/**
 * Calls `refresh` when something happens in a conversation the person is a member of (a message posted, edited,
 * deleted or read), or only in the one of `mentorshipId` when given. The gateway's live feed tells both members.
 */
export function useConversationEvents(refresh: () => void, mentorshipId?: string): void {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  }, [refresh]);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useSubscription(CONVERSATION_EVENTS, {
    variables: { types: CONVERSATION_EVENT_TYPES },
    onData: ({ data }) => {
      const event = data.data?.myEvents;
      if (!event) return;
      if (mentorshipId !== undefined && mentorshipOfEvent(event.data) !== mentorshipId) return;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => latest.current(), SETTLE_MS);
    },
  });
}
