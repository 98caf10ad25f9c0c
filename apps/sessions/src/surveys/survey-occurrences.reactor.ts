import { isMatchingEvent } from '@trellis/matching/contracts';
import { planSurveyOccurrences, type SurveyFact } from '@trellis/sessions/domain';
import type { ConsumerRunner, EventEnvelope } from '@trellis/shared/messaging';
import { matchingConsumer, type MatchingConsumerOptions } from '../core/matching-consumer';
import type { SurveyStore } from './survey-store';

export const SURVEY_OCCURRENCES_GROUP = 'sessions.survey-occurrences';

export interface SurveyOccurrencesOptions extends MatchingConsumerOptions {
  store: SurveyStore;
  clock?: () => Date;
}

/** The fact a matching event tells the survey scheduler, or null for events that start or end no mentorship. */
function factOf(envelope: EventEnvelope): SurveyFact | null {
  const event = { type: envelope.type, data: envelope.data };
  const kind = isMatchingEvent(event, 'MentorshipStarted')
    ? 'mentorship-started'
    : isMatchingEvent(event, 'MentorshipEnded')
      ? 'mentorship-ended'
      : null;
  if (!kind) return null;
  const data = envelope.data as {
    programId: string;
    mentorshipId: string;
    mentorPersonId: string;
    menteePersonId: string;
  };
  return {
    kind,
    programId: data.programId,
    mentorshipId: data.mentorshipId,
    mentorPersonId: data.mentorPersonId,
    menteePersonId: data.menteePersonId,
    at: envelope.occurredAt,
  };
}

/**
 * Plans the occurrences of a program's published surveys when matching announces that a mentorship started or ended.
 * An occurrence's id comes from the survey and the mentorship, and it is opened under a commit id of its own, so a
 * redelivered event or a restarted service opens nothing twice. Occurrences already past their close invite nobody.
 * Surveys sent on a date are planned by the survey date run (survey-date.scheduler.ts).
 */
export function surveyOccurrencesReactor(options: SurveyOccurrencesOptions): ConsumerRunner {
  const actor = `system:${options.group}`;
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger.child({ component: options.group });
  const handler = async (envelope: EventEnvelope): Promise<void> => {
    const fact = factOf(envelope);
    if (!fact) return;
    const surveys = await options.store.surveysOf(envelope.tenantId, fact.programId, 'published');
    const { open, pastDue } = planSurveyOccurrences(surveys, fact, clock().toISOString());
    const context = {
      tenantId: envelope.tenantId,
      actor,
      correlationId: envelope.correlationId,
      causationId: envelope.id,
    };
    for (const occurrence of open) await options.store.openOccurrence(context, occurrence);
    if (pastDue.length > 0) {
      logger.info(
        { eventId: envelope.id, occurrences: pastDue.map((o) => o.occurrenceId) },
        'survey occurrences past due',
      );
    }
  };
  return matchingConsumer(options, handler);
}
