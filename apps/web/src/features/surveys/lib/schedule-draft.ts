import type { SurveyAudience, SurveyScheduleInput, SurveyTriggerKind } from '../../../gql/graphql';
import { utcToWallTime, wallTimeToUtc } from '../../../lib/time-zones';

export const TRIGGERS: readonly SurveyTriggerKind[] = ['AFTER_MENTORSHIP_START', 'AT_MENTORSHIP_END', 'ON_DATE'];
export const AUDIENCES: readonly SurveyAudience[] = ['MENTEES', 'MENTORS', 'BOTH'];

/** The schedule form: numbers as the inputs hold them, the opening as a wall time in the manager's zone. */
export interface ScheduleDraft {
  trigger: SurveyTriggerKind;
  weeks: number | string;
  opensAt: string;
  cohortId: string | null;
  audience: SurveyAudience;
  openDays: number | string;
  reminderDaysBeforeClose: number | string;
}

export interface ScheduleLike {
  trigger: SurveyTriggerKind;
  weeks?: number | null;
  opensAt?: string | null;
  cohortId?: string | null;
  audience: SurveyAudience;
  openDays: number;
  reminderDaysBeforeClose?: number | null;
}

export function scheduleDraftOf(schedule: ScheduleLike | null | undefined, timeZone: string): ScheduleDraft {
  if (!schedule) {
    return {
      trigger: 'AFTER_MENTORSHIP_START',
      weeks: 4,
      opensAt: '',
      cohortId: null,
      audience: 'BOTH',
      openDays: 14,
      reminderDaysBeforeClose: 3,
    };
  }
  return {
    trigger: schedule.trigger,
    weeks: schedule.weeks ?? 4,
    opensAt: schedule.opensAt ? utcToWallTime(schedule.opensAt, timeZone) : '',
    cohortId: schedule.cohortId ?? null,
    audience: schedule.audience,
    openDays: schedule.openDays,
    reminderDaysBeforeClose: schedule.reminderDaysBeforeClose ?? '',
  };
}

const wholeOrNull = (value: number | string): number | null =>
  typeof value === 'number' ? value : value.trim() === '' ? null : Number(value);

/**
 * The schedule as the API takes it: only the fields of the chosen trigger. An opening the browser cannot read is
 * sent as written, so the API's refusal names the field.
 */
export function scheduleInput(draft: ScheduleDraft, timeZone: string): SurveyScheduleInput {
  const base = {
    trigger: draft.trigger,
    audience: draft.audience,
    openDays: wholeOrNull(draft.openDays) ?? 0,
    reminderDaysBeforeClose: wholeOrNull(draft.reminderDaysBeforeClose),
  };
  switch (draft.trigger) {
    case 'AFTER_MENTORSHIP_START':
      return { ...base, weeks: wholeOrNull(draft.weeks) };
    case 'AT_MENTORSHIP_END':
      return base;
    case 'ON_DATE':
      return { ...base, opensAt: wallTimeToUtc(draft.opensAt, timeZone) ?? draft.opensAt, cohortId: draft.cohortId };
  }
}
