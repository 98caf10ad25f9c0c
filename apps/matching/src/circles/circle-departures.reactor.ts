import type { EventEnvelope } from '@trellis/shared/messaging';
import type { CirclesService } from './circles.service';

/**
 * Profiles → circles: a participant who withdraws from the program (or whose data is erased) leaves their circle, and
 * the circles they lead close, so the sessions service stops scheduling group sessions for them. A pause keeps the
 * place (it is temporary). Every step is idempotent, so a redelivered event changes nothing.
 */
export class CircleDeparturesReactor {
  constructor(private readonly circles: CirclesService) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    if (envelope.type !== 'ParticipantWithdrew' && envelope.type !== 'ParticipantDataErased') return;
    const { programId, personId } = envelope.data as { programId: string; personId: string };
    await this.circles.departFromCircles(
      envelope.tenantId,
      programId,
      personId,
      {
        tenantId: envelope.tenantId,
        programId,
        correlationId: envelope.correlationId,
        causationId: envelope.id,
        actor: 'system:circle-departures',
      },
      envelope.occurredAt,
    );
  }
}
