import { randomUUID } from 'node:crypto';
import type { ProfilesEventData } from '@trellis/profiles/contracts';
import type { CommitMeta, ReactorInbox } from '@trellis/shared/event-store';
import type { EventEnvelope } from '@trellis/shared/messaging';
import { mentorBookStreamId, type MentorBookCommand } from '@trellis/matching/domain';
import type { MatchingCommands } from '../commands/matching-commands';
import type { CandidatePool } from './candidate-pool.projection';

/**
 * Keeps one MentorBook per mentor per program in step with profiles: enrolment as a mentor opens it, capacity
 * changes set it, withdrawal closes it. Each event is applied once (reactor inbox), so a redelivered old
 * enrolment cannot set an old capacity back.
 */
export class MentorBooksReactor {
  constructor(
    private readonly commands: MatchingCommands,
    private readonly pool: CandidatePool,
    private readonly inbox: ReactorInbox,
  ) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    const command = await this.commandFor(envelope);
    if (!command) return;
    const { programId, personId } = envelope.data as { programId: string; personId: string };
    await this.inbox.once(envelope.id, async () => {
      const meta: CommitMeta = {
        tenantId: envelope.tenantId,
        programId,
        correlationId: envelope.correlationId,
        causationId: envelope.id,
        actor: 'system:mentor-books',
      };
      const result = await this.commands.mentorBooks.handle({
        streamId: mentorBookStreamId(programId, personId),
        command,
        commitId: randomUUID(),
        meta,
      });
      // NOT_FOUND: a capacity change or withdrawal of someone who never was a mentor; nothing to keep in step.
      if (!result.ok && result.error.code !== 'NOT_FOUND') throw result.error;
    });
  }

  private async commandFor(envelope: EventEnvelope): Promise<MentorBookCommand | null> {
    switch (envelope.type) {
      case 'ParticipantEnrolled': {
        const d = envelope.data as ProfilesEventData<'ParticipantEnrolled'>;
        if (!d.roles.includes('mentor')) return null;
        return {
          type: 'OpenMentorBook',
          programId: d.programId,
          mentorPersonId: d.personId,
          mentorParticipantId: d.participantId,
          capacity: d.mentorCapacity,
        };
      }
      case 'ParticipantRoleAdded': {
        const d = envelope.data as ProfilesEventData<'ParticipantRoleAdded'>;
        if (d.role !== 'mentor') return null;
        // The event carries no capacity: take the pool's (or the program default) as it stands now.
        const row = await this.pool.participant(envelope.tenantId, d.programId, d.personId);
        const program = await this.pool.program(envelope.tenantId, d.programId);
        const capacity = row?.mentorCapacity || program?.settings?.defaultMentorCapacity || 1;
        return {
          type: 'OpenMentorBook',
          programId: d.programId,
          mentorPersonId: d.personId,
          mentorParticipantId: d.participantId,
          capacity,
        };
      }
      case 'MentorCapacityChanged':
        return {
          type: 'SetMentorCapacity',
          capacity: (envelope.data as ProfilesEventData<'MentorCapacityChanged'>).capacity,
        };
      case 'ParticipantWithdrew':
      case 'ParticipantDataErased':
        return { type: 'CloseMentorBook' };
      default:
        return null;
    }
  }
}
