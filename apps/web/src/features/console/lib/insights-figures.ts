import type { InsightTable, ProgramInsightsQuery, ProgramInsightsQueryVariables } from '../../../gql/graphql';
import { asOfForDay, endOfDay, startOfDay } from '../../../lib/day-bounds';

/** What the manager picked above the figures; days are `YYYY-MM-DD` as a date input gives them, '' for none. */
export interface InsightsFilterState {
  asOfDay: string;
  cohortId: string;
  department: string;
  fromDay: string;
  toDay: string;
}

export const NO_INSIGHTS_FILTER: InsightsFilterState = {
  asOfDay: '',
  cohortId: '',
  department: '',
  fromDay: '',
  toDay: '',
};

const DAY_MS = 86_400_000;

/** The query's variables for what was picked: empty filters are left out, the period spans whole days. */
export function insightsVariables(
  programId: string,
  filter: InsightsFilterState,
  timeZone: string,
  now: Date,
): ProgramInsightsQueryVariables {
  const asOf = asOfForDay(filter.asOfDay, timeZone, now);
  const from = startOfDay(filter.fromDay, timeZone);
  const to = endOfDay(filter.toDay, timeZone);
  const department = filter.department.trim();
  return {
    programId,
    ...(asOf && { asOf }),
    ...(filter.cohortId && { cohortId: filter.cohortId }),
    ...(department && { department }),
    ...(from && { from }),
    ...(to && { to }),
  };
}

export const TREND_POINTS = 6;
const TREND_STEP_DAYS = 7;

/** The moments of the enrollment trend, oldest first, a week apart and ending at the figures' own `asOf`. */
export function trendMoments(asOf: string): string[] {
  const end = Date.parse(asOf);
  return Array.from({ length: TREND_POINTS }, (_, i) =>
    new Date(end - (TREND_POINTS - 1 - i) * TREND_STEP_DAYS * DAY_MS).toISOString(),
  );
}

type Insights = ProgramInsightsQuery['programInsights'];

/** One figure as a row: `key` names its label and definition; null when the API has no value (nothing to average). */
export interface FigureRow {
  key: string;
  value: number | null;
}

/** A count per key (decline or closure reasons); `key` is the API's own reason. */
export interface CountRow {
  key: string;
  count: number;
}

export const enrollmentFigures = (e: Insights['enrollment']): FigureRow[] => [
  { key: 'mentors', value: e.mentors },
  { key: 'mentees', value: e.mentees },
  { key: 'pausedParticipants', value: e.pausedParticipants },
  { key: 'capacityOffered', value: e.capacityOffered },
  { key: 'demand', value: e.demand },
  { key: 'waitlist', value: e.waitlist },
];

/** The matching funnel, widest first: what was offered, what became a mentorship, and who ended up matched. */
export const matchingFunnel = (m: Insights['matching']): FigureRow[] => [
  { key: 'proposalsMade', value: m.proposalsMade },
  { key: 'proposalsAccepted', value: m.proposalsAccepted },
  { key: 'proposalsDeclined', value: m.proposalsDeclined },
  { key: 'requestsMade', value: m.requestsMade },
  { key: 'requestsAccepted', value: m.requestsAccepted },
  { key: 'requestsDeclined', value: m.requestsDeclined },
  { key: 'requestsExpired', value: m.requestsExpired },
  { key: 'matchedMentees', value: m.matchedMentees },
];

export const matchingFigures = (m: Insights['matching']): FigureRow[] => [
  ...matchingFunnel(m),
  { key: 'matchedPercent', value: m.matchedPercent },
  { key: 'medianDaysToMatch', value: m.medianDaysToMatch ?? null },
];

/** Session activity: the pace the pairs meet at against the pace the program's cadence asks for. */
export const sessionActivity = (e: Insights['engagement']): FigureRow[] => [
  { key: 'sessionsPerMentorshipPerMonth', value: e.sessionsPerMentorshipPerMonth ?? null },
  { key: 'expectedSessionsPerMonth', value: e.expectedSessionsPerMonth ?? null },
];

export const engagementFigures = (e: Insights['engagement']): FigureRow[] => [
  { key: 'activeMentorships', value: e.activeMentorships },
  { key: 'pausedMentorships', value: e.pausedMentorships },
  { key: 'sessionsHeld', value: e.sessionsHeld },
  ...sessionActivity(e),
  { key: 'healthy', value: e.healthy },
  { key: 'atRisk', value: e.atRisk },
  { key: 'stalled', value: e.stalled },
  { key: 'actionItemsOverdue', value: e.actionItemsOverdue },
];

export const goalOutcomes = (o: Insights['outcomes']): FigureRow[] => [
  { key: 'goalsSet', value: o.goalsSet },
  { key: 'goalsAchieved', value: o.goalsAchieved },
];

export const feedbackRatings = (o: Insights['outcomes']): FigureRow[] => [
  { key: 'averageSessionRating', value: o.averageSessionRating ?? null },
];

export const outcomeFigures = (o: Insights['outcomes']): FigureRow[] => [
  ...goalOutcomes(o),
  ...feedbackRatings(o),
  { key: 'ratingsCount', value: o.ratingsCount },
  { key: 'averageRelationshipDays', value: o.averageRelationshipDays ?? null },
];

/** How many mentors carry 0, 1, 2 … mentees, fewest first, with every load in between shown (as zero mentors). */
export function mentorLoadSeries(load: Insights['mentorLoad']): Array<{ mentees: number; mentors: number }> {
  const byLoad = new Map(load.distribution.map((d) => [d.mentees, d.mentors]));
  const highest = Math.max(0, ...byLoad.keys());
  return Array.from({ length: highest + 1 }, (_, mentees) => ({ mentees, mentors: byLoad.get(mentees) ?? 0 }));
}

/** Chart rows from figure rows: a figure without a value is left out of the chart (the table says so). */
export function chartRows(rows: readonly FigureRow[], label: (key: string) => string) {
  return rows.flatMap((r) => (r.value === null ? [] : [{ figure: label(r.key), value: r.value }]));
}

const TABLE_FILE_NAMES: Record<InsightTable, string> = {
  ENROLLMENT: 'enrollment',
  MATCHING: 'matching',
  ENGAGEMENT: 'engagement',
  OUTCOMES: 'outcomes',
  MENTOR_LOAD: 'mentor-load',
  AT_RISK_PAIRS: 'at-risk-pairs',
};

/** A download's file name that says what and when: `insights-matching-2027-03-01.csv`. */
export function csvFileName(table: InsightTable, asOfDay: string): string {
  return `insights-${TABLE_FILE_NAMES[table]}-${asOfDay}.csv`;
}
