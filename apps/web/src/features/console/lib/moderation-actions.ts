import type { MessageReportReason } from '../../../gql/graphql';

/** What a moderator may do with an open report, given what was done already; the order is the buttons' order. */
export type ModerationChoice = 'hide' | 'dismiss' | 'warn' | 'remove';

export interface ReportFacts {
  status: string;
  conversationOpen: boolean;
  authorPersonId: string;
  memberPersonIds: readonly string[];
  actions: ReadonlyArray<{ kind: string }>;
}

/**
 * Hiding and dismissing close an open report; a warning goes once per report; the author can be removed while the
 * conversation is open and they are still in it.
 */
export function availableChoices(report: ReportFacts): ModerationChoice[] {
  const choices: ModerationChoice[] = [];
  if (report.status === 'OPEN') choices.push('hide', 'dismiss');
  if (!report.actions.some((a) => a.kind === 'AUTHOR_WARNED')) choices.push('warn');
  if (report.conversationOpen && report.memberPersonIds.includes(report.authorPersonId)) choices.push('remove');
  return choices;
}

/** Reports of one message, counted by reason, most frequent first (then alphabetically, for a stable order). */
export function reasonCounts<R extends string>(
  reports: ReadonlyArray<{ reason: R }>,
): Array<{ reason: R; count: number }> {
  const counts = new Map<R, number>();
  for (const { reason } of reports) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts.entries()]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

const REASON_KEYS = {
  SPAM: 'console.reports.reasons.spam',
  HARASSMENT: 'console.reports.reasons.harassment',
  HATE: 'console.reports.reasons.hate',
  SELF_HARM: 'console.reports.reasons.selfHarm',
  INAPPROPRIATE: 'console.reports.reasons.inappropriate',
  OTHER: 'console.reports.reasons.other',
} as const satisfies Record<MessageReportReason, string>;

/** The catalogue key of a report reason; a reason the API adds fails the typecheck until it has its words. */
export const reasonKey = (reason: MessageReportReason): (typeof REASON_KEYS)[MessageReportReason] =>
  REASON_KEYS[reason];
