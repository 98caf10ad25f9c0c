import {
  sessionsEventSchemas,
  type SessionsEventType,
  type SessionsIntegrationEvent,
} from '@trellis/sessions/contracts';
import { projectEvent, type ContractData, type ContractSource } from '@trellis/shared/kernel';
import type { ConversationEvent } from './conversation/conversation.decider';
import type { EngagementEvent } from './engagement.decider';
import type { SessionEvent } from './session.decider';
import type { SurveyOccurrenceEvent } from './survey/survey-occurrence.decider';
import type { SurveyResponseEvent } from './survey/survey-response.decider';

/**
 * What other services learn from a sessions domain event: the fields its contract names (ids, enums, numbers and
 * times), projected and checked by `projectOntoContract`, so a sealed text added to a domain event later cannot reach
 * Kafka unless the contract names it. Every domain event maps to one integration event so per-stream revisions on the
 * topic are contiguous; private ones (reflections, notes) say only that something changed, their contracts naming
 * nothing more than the stream.
 */
export function toIntegrationEvent(
  event: EngagementEvent | SessionEvent | ConversationEvent | SurveyOccurrenceEvent | SurveyResponseEvent,
): SessionsIntegrationEvent {
  switch (event.type) {
    case 'IntroductionMade': {
      // Whom was introduced travels as its kind, and a participant's person id; an external contact stays sealed.
      const { target } = event;
      return publish(event.type, {
        ...event,
        kind: target.kind,
        introducedPersonId: target.kind === 'participant' ? target.personId : undefined,
      });
    }
    case 'ReflectionWritten':
      return publish('EngagementPrivateEntryWritten', event);
    case 'SharedNotesWritten':
    case 'PrivateNoteWritten':
      return publish('SessionNotesWritten', event);
    case 'SurveyResponseSubmitted':
      // The contract names no answer: the projection leaves them, sealed or not, in the service.
      return publish('SurveyAnswered', { ...event, answeredAt: event.submittedAt });
    default:
      return publish(event.type, event);
  }
}

/** Sessions events are flat on the topic: `{ type, ...data }`. */
function publish<T extends SessionsEventType>(
  type: T,
  source: ContractSource<ContractData<(typeof sessionsEventSchemas)[T]>>,
): SessionsIntegrationEvent {
  const { data } = projectEvent(sessionsEventSchemas, type, source);
  return { type, ...data } as SessionsIntegrationEvent;
}
