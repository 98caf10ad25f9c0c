import { randomUUID } from 'node:crypto';
import type { MatchingEventData } from '@trellis/matching/contracts';
import { menteeRequestsStreamId, mentorBookStreamId } from '@trellis/matching/domain';
import type { CommitMeta } from '@trellis/shared/event-store';
import type { EventEnvelope } from '@trellis/shared/messaging';
import { unwrap, type MatchingCommands } from '../commands/matching-commands';
import type { RequestExpiryScheduler } from '../requests/request-expiry.scheduler';
import type { AcceptanceService } from './acceptance.service';

/**
 * The process manager behind docs/adr/0005, driven by the service's own published events (consumer group
 * `matching.mentorship-followups`): every step is idempotent, so it may repeat what the command already did inline.
 * - MentorshipStarted → mark the request accepted (or the proposal confirmed), withdraw the mentee's other requests;
 * - MentorshipEnded → free the mentor's seat and put the mentee back in the pool;
 * - MentorshipRequested → schedule the durable expiry timer; a closed request cancels it.
 */
export class MentorshipFollowupsReactor {
  constructor(
    private readonly commands: MatchingCommands,
    private readonly acceptance: AcceptanceService,
    private readonly expiry: RequestExpiryScheduler,
  ) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    const meta: CommitMeta = {
      tenantId: envelope.tenantId,
      ...(envelope.programId ? { programId: envelope.programId } : {}),
      correlationId: envelope.correlationId,
      causationId: envelope.id,
      actor: 'system:mentorship-followups',
    };
    switch (envelope.type) {
      case 'MentorshipStarted': {
        const d = envelope.data as MatchingEventData<'MentorshipStarted'>;
        await this.acceptance.afterStart(d, meta, envelope.occurredAt);
        return;
      }
      case 'MentorshipEnded': {
        const d = envelope.data as MatchingEventData<'MentorshipEnded'>;
        unwrap(
          await this.commands.mentorBooks.handle({
            streamId: mentorBookStreamId(d.programId, d.mentorPersonId),
            command: { type: 'ReleaseSeat', mentorshipId: d.mentorshipId },
            commitId: randomUUID(),
            meta,
          }),
        );
        unwrap(
          await this.commands.menteeRequests.handle({
            streamId: menteeRequestsStreamId(d.programId, d.menteePersonId),
            command: { type: 'ReleaseMatch', mentorshipId: d.mentorshipId },
            commitId: randomUUID(),
            meta,
          }),
        );
        return;
      }
      case 'MentorshipRequested': {
        const d = envelope.data as MatchingEventData<'MentorshipRequested'>;
        await this.expiry.schedule(envelope.tenantId, d.requestId, new Date(d.expiresAt));
        return;
      }
      case 'MentorshipRequestAccepted':
      case 'MentorshipRequestDeclined':
      case 'MentorshipRequestWithdrawn':
      case 'MentorshipRequestExpired':
        await this.expiry.cancel((envelope.data as { requestId: string }).requestId);
        return;
      default:
        return;
    }
  }
}
