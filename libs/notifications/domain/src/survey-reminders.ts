import type { ReminderCommand, ReminderPlan } from './reminders';
import type { SourceEvent } from './rules';

export const surveyInvitationReminderId = (occurrenceId: string, personId: string): string =>
  `survey:${occurrenceId}:${personId}:open`;
export const surveyReminderId = (occurrenceId: string, personId: string): string =>
  `survey:${occurrenceId}:${personId}:remind`;

/** An answer outranks any planning of the same occurrence, however late either arrives. */
const ANSWERED = Number.MAX_SAFE_INTEGER;

type SurveyPlan = Pick<ReminderPlan, 'reminderId' | 'offset' | 'dueAt' | 'templateId' | 'recipients'>;

function plan(occurrenceId: string, closesAt: string, p: SurveyPlan): ReminderPlan {
  return {
    ...p,
    subject: { kind: 'survey', id: occurrenceId },
    // Every planning of an occurrence says the same thing: a redelivered opening changes nothing.
    sequence: 0,
    category: 'surveys',
    priority: 'normal',
    params: { closesAt },
    // Nobody is invited to, or reminded of, a survey that no longer takes answers (the service was down past it).
    staleAfter: closesAt,
  };
}

/**
 * Durable timers per occurrence and asked person: the invitation at `opensAt` (which may be weeks after the occurrence
 * was planned) and, when the survey sends one, the reminder at `remindAt` — the manager's "N days before the close",
 * decided by sessions. An answer cancels both for that person for good; arriving before the opening (another
 * partition, a replay) it leaves a tombstone the opening cannot overwrite. Ids and times only: the questions never
 * reach notifications.
 */
export function surveyCommandsFor(event: SourceEvent): ReminderCommand[] {
  const d = event.data;
  switch (event.type) {
    case 'SurveyOccurrenceOpened': {
      const occurrenceId = String(d['occurrenceId']);
      const closesAt = String(d['closesAt']);
      const remindAt = typeof d['remindAt'] === 'string' ? d['remindAt'] : undefined;
      return (d['askedPersonIds'] as string[]).flatMap((personId): ReminderCommand[] => [
        {
          kind: 'schedule',
          plan: plan(occurrenceId, closesAt, {
            reminderId: surveyInvitationReminderId(occurrenceId, personId),
            offset: 'survey-open',
            dueAt: String(d['opensAt']),
            templateId: 'survey-invitation',
            recipients: [personId],
          }),
        },
        ...(remindAt
          ? [
              {
                kind: 'schedule' as const,
                plan: plan(occurrenceId, closesAt, {
                  reminderId: surveyReminderId(occurrenceId, personId),
                  offset: 'survey-remind',
                  dueAt: remindAt,
                  templateId: 'survey-reminder',
                  recipients: [personId],
                }),
              },
            ]
          : []),
      ]);
    }
    case 'SurveyAnswered': {
      const occurrenceId = String(d['occurrenceId']);
      const personId = String(d['respondentPersonId']);
      const answeredAt = String(d['answeredAt']);
      const cancel = (reminderId: string, offset: 'survey-open' | 'survey-remind'): ReminderCommand => ({
        kind: 'cancel',
        reminderId,
        sequence: ANSWERED,
        tombstone: plan(occurrenceId, answeredAt, {
          reminderId,
          offset,
          dueAt: answeredAt,
          templateId: offset === 'survey-open' ? 'survey-invitation' : 'survey-reminder',
          recipients: [personId],
        }),
      });
      return [
        cancel(surveyInvitationReminderId(occurrenceId, personId), 'survey-open'),
        cancel(surveyReminderId(occurrenceId, personId), 'survey-remind'),
      ];
    }
    default:
      return [];
  }
}
