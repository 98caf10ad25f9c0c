import { stringify } from 'csv-stringify/sync';
import type { ProgramInsights } from './program-insights';

export const INSIGHT_TABLES = [
  'enrollment',
  'matching',
  'engagement',
  'outcomes',
  'mentor-load',
  'at-risk-pairs',
] as const;
export type InsightTable = (typeof INSIGHT_TABLES)[number];

type Cell = string | number | boolean | null | undefined;

// A leading = + - @ is prefixed so spreadsheets do not run it as a formula; numeric text such as
// "-3" stays as it is, which is why csv-stringify's own escape_formulas (it prefixes "+3") is not used.
const defuseFormula = (text: string): string =>
  /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;

const lines = (rows: Cell[][]): string =>
  stringify(rows, {
    record_delimiter: 'windows',
    // A lone \n or \r inside a cell is quoted too, not only the \r\n record delimiter.
    quote_record_delimiter: true,
    cast: { string: defuseFormula, boolean: (value) => String(value) },
  });

function figures(section: object): Cell[][] {
  const rows: Cell[][] = [['figure', 'value']];
  for (const [key, value] of Object.entries(section)) {
    if (Array.isArray(value)) {
      for (const entry of value as Array<{ key?: string; count?: number }>) {
        if (entry && typeof entry === 'object' && 'key' in entry) rows.push([`${key}:${entry.key}`, entry.count]);
      }
    } else rows.push([key, value as Cell]);
  }
  return rows;
}

/** One table of the insights as CSV; the numbers are the very values the GraphQL API returns. */
export function insightsCsv(insights: ProgramInsights, table: InsightTable): string {
  switch (table) {
    case 'enrollment':
      return lines(figures(insights.enrollment));
    case 'matching':
      return lines(figures(insights.matching));
    case 'engagement': {
      const { atRiskPairs: _pairs, ...rest } = insights.engagement;
      return lines(figures(rest));
    }
    case 'outcomes':
      return lines(figures(insights.outcomes));
    case 'mentor-load':
      return lines([
        ['mentees_per_mentor', 'mentors'],
        ...insights.mentorLoad.distribution.map((d) => [d.mentees, d.mentors]),
        ['at_capacity', insights.mentorLoad.mentorsAtCapacity],
      ]);
    case 'at-risk-pairs':
      return lines([
        ['mentorship_id', 'mentor_person_id', 'mentee_person_id', 'status', 'reasons', 'since'],
        ...insights.engagement.atRiskPairs.map((p) => [
          p.mentorshipId,
          p.mentorPersonId,
          p.menteePersonId,
          p.status,
          p.reasons.join(';'),
          p.since,
        ]),
      ]);
  }
}
