import { MATCHING_TOPIC } from '@trellis/matching/contracts';
import { PROFILES_TOPIC } from '@trellis/profiles/contracts';
import { SESSIONS_EVENTS_TOPIC } from '@trellis/sessions/contracts';
import { MENTORSHIP_LIFECYCLE_GROUP } from '../engagements/mentorship-lifecycle.reactor';
import { AVAILABILITY_GROUP } from '../profiles/participant-availability.projection';
import { PROGRAM_SETTINGS_GROUP } from '../profiles/program-settings.projection';
import { ERASURE_GROUP } from '../profiles/participant-erasure.reactor';
import { PROGRAM_PARTICIPANTS_GROUP } from '../profiles/program-participants.projection';
import { SURVEY_OCCURRENCES_GROUP } from '../surveys/survey-occurrences.reactor';

/** Topic and group names; tests use their own so they never share offsets or messages with a running stack. */
export interface SessionsWiring {
  sessionsTopic: string;
  matchingTopic: string;
  lifecycleGroup: string;
  profilesTopic: string;
  availabilityGroup: string;
  /** The program's participants by role and cohort, whom a survey sent on a date asks. */
  participantsGroup: string;
  /** The program settings read model (survey threshold, conversation retention). */
  programSettingsGroup: string;
  /**
   * The memberships read model (who manages which program) is fed by the insights module in the running service;
   * a test that runs its own profiles topic names a group here and this module feeds the same collection from it.
   */
  membershipsGroup?: string;
  erasureGroup: string;
  /** Plans the occurrences of the programs' published surveys from matching's MentorshipStarted/Ended. */
  surveyGroup: string;
  /** Backoff of the reactor's bounded retries (tests shorten it). */
  retryBaseDelayMs?: number;
  /** How often the health run looks at every open engagement; 0 turns the timer off (tests call it directly). */
  healthIntervalMs: number;
  /**
   * How often the survey date run looks for on-date surveys whose date has come (it also runs once at start-up);
   * 0 turns it off (tests call it directly).
   */
  surveyDateIntervalMs: number;
  /** How often the retention run looks for conversations due to be shredded; 0 turns the timer off. */
  retentionIntervalMs: number;
}

export const SESSIONS_WIRING = Symbol('SESSIONS_WIRING');
export const SESSIONS_DIRECTORY = Symbol('SESSIONS_DIRECTORY');

export const defaultSessionsWiring: SessionsWiring = {
  sessionsTopic: SESSIONS_EVENTS_TOPIC,
  matchingTopic: MATCHING_TOPIC,
  lifecycleGroup: MENTORSHIP_LIFECYCLE_GROUP,
  profilesTopic: PROFILES_TOPIC,
  availabilityGroup: AVAILABILITY_GROUP,
  participantsGroup: PROGRAM_PARTICIPANTS_GROUP,
  programSettingsGroup: PROGRAM_SETTINGS_GROUP,
  erasureGroup: ERASURE_GROUP,
  surveyGroup: SURVEY_OCCURRENCES_GROUP,
  healthIntervalMs: Number(process.env['TRELLIS_SESSIONS_HEALTH_INTERVAL_MS'] ?? 3_600_000),
  surveyDateIntervalMs: Number(process.env['TRELLIS_SESSIONS_SURVEY_DATE_INTERVAL_MS'] ?? 300_000),
  retentionIntervalMs: Number(process.env['TRELLIS_SESSIONS_RETENTION_INTERVAL_MS'] ?? 3_600_000),
};
