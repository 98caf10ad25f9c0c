import type { ProfilesEventData } from '@trellis/profiles/contracts';
import type { EventEnvelope } from '@trellis/shared/messaging';
import type { PersonKeyStore } from '@trellis/shared/privacy';

/**
 * ParticipantDataErased (docs/architecture.md §7): the person's data key is deleted, so every request message, decline
 * comment and reflection they wrote — in commits, backups and replays alike — can no longer be read. The pool's row
 * becomes a tombstone in its own projection; events on matching.events.v1 never held their free text.
 */
export class ErasureReactor {
  constructor(private readonly keys: PersonKeyStore) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    if (envelope.type !== 'ParticipantDataErased') return;
    const { personId } = envelope.data as ProfilesEventData<'ParticipantDataErased'>;
    await this.keys.shred(personId);
  }
}
