/**
 * How often an open workspace or session page asks again. The gateway's live feed delivers events that name the
 * viewer, but many of the other side's changes (signing the agreement, reaching a milestone) name only the person who
 * made them; until the sessions service names the pair in every engagement event, the page polls while it is visible.
 */
export const PAIR_REFRESH = {
  pollInterval: 10_000,
  skipPollAttempt: () => document.visibilityState === 'hidden',
} as const;
