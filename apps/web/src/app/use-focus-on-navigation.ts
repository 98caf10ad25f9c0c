import { useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { PAGE_HEADING_ID } from '../components/page-heading';

/**
 * After a client-side navigation, focus the new page's heading: otherwise focus stays on the link that was followed
 * (or is lost) and a screen reader does not learn that the page changed. The first load keeps the browser's focus.
 */
export function useFocusOnNavigation(): void {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onResolved', ({ fromLocation, toLocation }) => {
        if (!fromLocation || fromLocation.href === toLocation.href) return;
        window.requestAnimationFrame(() => document.getElementById(PAGE_HEADING_ID)?.focus());
      }),
    [router],
  );
}
