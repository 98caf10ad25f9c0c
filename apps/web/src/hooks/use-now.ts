import { useEffect, useState } from 'react';

/**
 * The current time, renewed every `intervalMs`: what depends on the clock (a session that has started can be marked
 * as held) changes on an open page without a reload.
 */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
