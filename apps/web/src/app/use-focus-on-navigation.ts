import { useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { PAGE_HEADING_ID } from '../components/page-heading';

/** How long a page may take to show its heading (it loads its data first) before focus is left where it is. */
const HEADING_WAIT_MS = 10_000;

/**
 * Focuses the new page's heading, now or once the page shows it. A heading that appears later only takes focus that
 * was lost meanwhile (to <body>, as when the link or button followed disappeared): a person who already moved on
 * keeps their place.
 */
function focusHeadingWhenShown(): () => void {
  const heading = () => document.getElementById(PAGE_HEADING_ID);
  const now = heading();
  if (now) {
    now.focus();
    return () => undefined;
  }
  const observer = new MutationObserver(() => {
    const shown = heading();
    if (!shown) return;
    stop();
    if (!document.activeElement || document.activeElement === document.body) shown.focus();
  });
  const timer = window.setTimeout(() => stop(), HEADING_WAIT_MS);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}

/**
 * After a client-side navigation, focus the new page's heading: otherwise focus stays on the link that was followed
 * (or is lost) and a screen reader does not learn that the page changed. The first load keeps the browser's focus.
 */
export function useFocusOnNavigation(): void {
  const router = useRouter();
  useEffect(() => {
    let cancelPending = () => undefined as void;
    const unsubscribe = router.subscribe('onResolved', ({ fromLocation, toLocation }) => {
      if (!fromLocation || fromLocation.href === toLocation.href) return;
      cancelPending();
      window.requestAnimationFrame(() => {
        cancelPending = focusHeadingWhenShown();
      });
    });
    return () => {
      unsubscribe();
      cancelPending();
    };
  }, [router]);
}
