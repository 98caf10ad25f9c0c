import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { MY_EVENTS } from '../lib/my-events-subscription';

// Events come in bursts (a request accepted starts a mentorship, fills a seat, …): one reload for a burst.
const SETTLE_MS = 300;

/**
 * Reloads what the page shows whenever an event naming the person arrives over the gateway's subscription, so a
 * request sent to a mentor, or an answer to a mentee's request, appears without a reload of the page.
 */
export function useLiveRefresh(refresh: () => void): void {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  }, [refresh]);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useSubscription(MY_EVENTS, {
    onData: () => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => latest.current(), SETTLE_MS);
    },
  });
}
