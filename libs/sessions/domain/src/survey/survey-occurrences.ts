import { createHash } from 'node:crypto';
import type { SurveyAudience } from '@trellis/sessions/contracts';
import { MS, parseUtcInstant, toUtcIso } from '../time';
import { optionalId, requireId, withOptional } from '../validation';
import type { SurveyState } from './survey.decider';

/**
 * When a published survey is sent, and to whom: each fact of the program (a mentorship started or ended, the date of
 * an on-date survey arrived) yields at most one occurrence per survey. An occurrence's id is derived from the survey
 * and the fact alone, so a replayed fact, a retried consumer or a restarted scheduler plans the same occurrence again
 * and the service stores it once.
 */

/** What the scheduler learns from the program; ids and times only. */
export type SurveyFact =
  | {
      kind: 'mentorship-started' | 'mentorship-ended';
      programId: string;
      mentorshipId: string;
      mentorPersonId: string;
      menteePersonId: string;
      /** The mentee's cohort, so results can be grouped by cohort. */
      cohortId?: string;
      at: string;
    }
  | {
      kind: 'survey-date-reached';
      programId: string;
      surveyId: string;
      /** Absent when the survey is for the whole program. */
      cohortId?: string;
      /** The participants of the cohort (or program) on that date. */
      mentorPersonIds: string[];
      menteePersonIds: string[];
      at: string;
    };

export interface SurveyOccurrence {
  occurrenceId: string;
  surveyId: string;
  programId: string;
  cohortId?: string;
  mentorshipId?: string;
  /** Distinct and sorted: the order says nothing about who is who. */
  askedPersonIds: string[];
  opensAt: string;
  /** Answers are taken until just before this instant. */
  closesAt: string;
  /** Absent when the survey sends no reminder, or when it would come no later than the invitation. */
  remindAt?: string;
}

/**
 * `open`: store it and invite at `opensAt` (now or later). `past-due`: its close has passed already (a survey
 * published, or a fact replayed, long after the trigger), so nobody is invited to something they cannot answer; the
 * service records it as such so it is not planned again.
 */
export type SurveyOccurrencePlan = { outcome: 'open' | 'past-due'; occurrence: SurveyOccurrence };

export type SchedulableSurvey = Pick<SurveyState, 'status' | 'surveyId' | 'programId' | 'schedule'>;

const OCCURRENCE_ID_MAX = 128;

/**
 * `<surveyId>:<anchor>` reads well in logs; ids too long for an identifier become a digest of the same text, which is
 * just as deterministic.
 */
export function surveyOccurrenceId(surveyId: string, anchor: string): string {
  const readable = `${surveyId}:${anchor}`;
  if (readable.length <= OCCURRENCE_ID_MAX) return readable;
  return `occ-${createHash('sha256').update(readable).digest('hex')}`;
}

function asked(audience: SurveyAudience, mentors: string[], mentees: string[]): string[] {
  const people = [
    ...(audience === 'mentees' ? [] : mentors.map((p) => requireId(p, 'mentorPersonIds'))),
    ...(audience === 'mentors' ? [] : mentees.map((p) => requireId(p, 'menteePersonIds'))),
  ];
  return [...new Set(people)].sort();
}

interface Anchor {
  anchor: string;
  opensAtMs: number;
  askedPersonIds: string[];
  cohortId?: string;
  mentorshipId?: string;
}

/** Where the fact puts an occurrence of this survey, or null when the fact does not concern it. */
function anchorOf(survey: SchedulableSurvey, fact: SurveyFact): Anchor | null {
  const schedule = survey.schedule;
  if (!schedule || fact.programId !== survey.programId) return null;
  const trigger = schedule.trigger;
  if (fact.kind === 'survey-date-reached') {
    if (trigger.kind !== 'on-date' || fact.surveyId !== survey.surveyId || fact.cohortId !== trigger.cohortId) {
      return null;
    }
    return {
      anchor: `date:${trigger.cohortId ?? 'program'}`,
      // The schedule's date, not the moment the scheduler noticed it: a late or repeated firing plans the same thing.
      opensAtMs: Date.parse(trigger.opensAt),
      askedPersonIds: asked(schedule.audience, fact.mentorPersonIds, fact.menteePersonIds),
      ...withOptional('cohortId', optionalId(fact.cohortId, 'cohortId')),
    };
  }
  const wanted = fact.kind === 'mentorship-started' ? 'after-mentorship-start' : 'at-mentorship-end';
  if (trigger.kind !== wanted) return null;
  const mentorshipId = requireId(fact.mentorshipId, 'mentorshipId');
  const at = parseUtcInstant(fact.at, 'at');
  return {
    anchor: `${fact.kind === 'mentorship-started' ? 'start' : 'end'}:${mentorshipId}`,
    opensAtMs: trigger.kind === 'after-mentorship-start' ? at + trigger.weeks * 7 * MS.DAY : at,
    askedPersonIds: asked(schedule.audience, [fact.mentorPersonId], [fact.menteePersonId]),
    mentorshipId,
    ...withOptional('cohortId', optionalId(fact.cohortId, 'cohortId')),
  };
}

/**
 * The occurrence of one survey a fact calls for, judged at `now`; null when the survey is not published (a draft is
 * sent to nobody, a closed or archived one to nobody new), the fact does not concern it, or nobody is to be asked.
 */
export function planSurveyOccurrence(
  survey: SchedulableSurvey,
  fact: SurveyFact,
  now: string,
): SurveyOccurrencePlan | null {
  if (survey.status !== 'published') return null;
  const anchor = anchorOf(survey, fact);
  if (!anchor || anchor.askedPersonIds.length === 0 || !survey.schedule) return null;
  const nowMs = parseUtcInstant(now, 'now');
  const { openDays, reminderDaysBeforeClose } = survey.schedule;
  const closesAtMs = anchor.opensAtMs + openDays * MS.DAY;
  const remindAtMs = reminderDaysBeforeClose === undefined ? undefined : closesAtMs - reminderDaysBeforeClose * MS.DAY;
  const invitedAtMs = Math.max(anchor.opensAtMs, nowMs);
  const occurrence: SurveyOccurrence = {
    occurrenceId: surveyOccurrenceId(survey.surveyId, anchor.anchor),
    surveyId: survey.surveyId,
    programId: survey.programId,
    ...withOptional('cohortId', anchor.cohortId),
    ...withOptional('mentorshipId', anchor.mentorshipId),
    askedPersonIds: anchor.askedPersonIds,
    opensAt: toUtcIso(anchor.opensAtMs),
    closesAt: toUtcIso(closesAtMs),
    ...withOptional(
      'remindAt',
      remindAtMs !== undefined && remindAtMs > invitedAtMs ? toUtcIso(remindAtMs) : undefined,
    ),
  };
  return { outcome: closesAtMs <= nowMs ? 'past-due' : 'open', occurrence };
}

/** Every occurrence one fact calls for across a program's surveys, split into those to open and those past due. */
export function planSurveyOccurrences(
  surveys: readonly SchedulableSurvey[],
  fact: SurveyFact,
  now: string,
): { open: SurveyOccurrence[]; pastDue: SurveyOccurrence[] } {
  const plans = surveys.flatMap((survey) => planSurveyOccurrence(survey, fact, now) ?? []);
  return {
    open: plans.filter((p) => p.outcome === 'open').map((p) => p.occurrence),
    pastDue: plans.filter((p) => p.outcome === 'past-due').map((p) => p.occurrence),
  };
}

export type SurveyOccurrenceStage = 'upcoming' | 'open' | 'closed';

/** Where an occurrence stands at `now`: answers are taken from `opensAt` until just before `closesAt`. */
export function surveyOccurrenceStage(
  occurrence: Pick<SurveyOccurrence, 'opensAt' | 'closesAt'>,
  now: string,
): SurveyOccurrenceStage {
  const nowMs = parseUtcInstant(now, 'now');
  if (nowMs < Date.parse(occurrence.opensAt)) return 'upcoming';
  return nowMs < Date.parse(occurrence.closesAt) ? 'open' : 'closed';
}

/** Who is reminded at `remindAt`: those asked who have not answered, while the occurrence is still open. */
export function surveyReminderRecipients(
  occurrence: SurveyOccurrence,
  answeredPersonIds: ReadonlySet<string>,
  now: string,
): string[] {
  if (!occurrence.remindAt || surveyOccurrenceStage(occurrence, now) !== 'open') return [];
  if (parseUtcInstant(now, 'now') < Date.parse(occurrence.remindAt)) return [];
  return occurrence.askedPersonIds.filter((p) => !answeredPersonIds.has(p));
}
