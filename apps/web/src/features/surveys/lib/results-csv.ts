/** The figures of one question as the results page shows them (texts are never exported). */
export interface QuestionFigures {
  questionId: string;
  status: 'SHOWN' | 'HIDDEN';
  note?: string | null;
  answered?: number | null;
  distribution?: ReadonlyArray<{ value: number; count: number }> | null;
  mean?: number | null;
  promoters?: number | null;
  passives?: number | null;
  detractors?: number | null;
  score?: number | null;
  options?: ReadonlyArray<{ label: string; count: number; percent: number }> | null;
}

export interface GroupFigures {
  /** The group's name as the page shows it (a cohort, or the whole program). */
  name: string;
  status: 'SHOWN' | 'HIDDEN';
  note?: string | null;
  respondents?: number | null;
  questions: readonly QuestionFigures[];
}

export interface CsvQuestion {
  questionId: string;
  number: number;
  prompt: string;
}

const HEADER = ['group', 'respondents', 'question', 'prompt', 'figure', 'count', 'value'];

/** A CSV field: quoted when it holds a separator, a quote or a line break; a leading formula sign is defused. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A spreadsheet would run "=…" as a formula; prompts and option labels are free text written by people.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const round = (n: number | null | undefined, digits = 1): number | null =>
  n === null || n === undefined ? null : Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The aggregate table of a survey's results as CSV, built from the figures the page shows and nothing else: one
 * row per figure, a hidden group or question one row saying so (never a count), free texts left out.
 */
export function resultsCsv(questions: readonly CsvQuestion[], groups: readonly GroupFigures[]): string {
  const rows: Array<Array<string | number | null | undefined>> = [HEADER];
  const byId = new Map(questions.map((q) => [q.questionId, q]));
  for (const group of groups) {
    if (group.status === 'HIDDEN') {
      rows.push([group.name, null, null, null, 'hidden', null, group.note ?? 'hidden']);
      continue;
    }
    for (const figures of group.questions) {
      const question = byId.get(figures.questionId);
      const lead = [group.name, group.respondents, question?.number, question?.prompt];
      if (figures.status === 'HIDDEN') {
        rows.push([...lead, 'hidden', null, figures.note ?? 'hidden']);
        continue;
      }
      rows.push([...lead, 'answered', figures.answered, null]);
      if (figures.score !== null && figures.score !== undefined) {
        rows.push([...lead, 'nps_score', null, round(figures.score)]);
        rows.push([...lead, 'promoters', figures.promoters, null]);
        rows.push([...lead, 'passives', figures.passives, null]);
        rows.push([...lead, 'detractors', figures.detractors, null]);
      }
      if (figures.mean !== null && figures.mean !== undefined)
        rows.push([...lead, 'mean', null, round(figures.mean, 2)]);
      for (const { value, count } of figures.distribution ?? []) rows.push([...lead, `value ${value}`, count, null]);
      for (const option of figures.options ?? []) {
        rows.push([...lead, `option: ${option.label}`, option.count, round(option.percent)]);
      }
    }
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
