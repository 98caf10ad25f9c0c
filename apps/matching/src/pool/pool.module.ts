import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { profilesContracts } from '@trellis/profiles/contracts';
import { ReactorInbox } from '@trellis/shared/event-store';
import { membershipsProjection } from '@trellis/shared/memberships';
import { ContractRegistry } from '@trellis/shared/messaging';
import { MONGO_CONNECTION } from '@trellis/shared/platform';
import { PersonKeyStore } from '@trellis/shared/privacy';
import type { Connection } from 'mongoose';
import { MatchingCommands } from '../commands/matching-commands';
import { MatchingConsumers } from '../core/matching-consumers';
import { MATCHING_SETTINGS, type MatchingSettings } from '../core/matching-options';
import { CandidatePool, candidatePoolProjection } from './candidate-pool.projection';
import { ErasureReactor } from './erasure.reactor';
import { MentorBooksReactor } from './mentor-books.reactor';

/**
 * The candidate pool from the profiles service's events: programs, participants and memberships as matching reads
 * them, mentors' books of seats, and erasure of a person's key.
 */
@Module({
  providers: [
    {
      provide: MentorBooksReactor,
      useFactory: (commands: MatchingCommands, pool: CandidatePool, c: Connection, settings: MatchingSettings) =>
        new MentorBooksReactor(commands, pool, new ReactorInbox(c, `${settings.groupPrefix}.mentor-books`)),
      inject: [MatchingCommands, CandidatePool, MONGO_CONNECTION, MATCHING_SETTINGS],
    },
    {
      provide: ErasureReactor,
      useFactory: (keys: PersonKeyStore) => new ErasureReactor(keys),
      inject: [PersonKeyStore],
    },
  ],
})
export class PoolModule implements OnModuleInit {
  constructor(
    @Inject(MatchingConsumers) private readonly consumers: MatchingConsumers,
    @Inject(MATCHING_SETTINGS) private readonly settings: MatchingSettings,
    @Inject(MentorBooksReactor) private readonly mentorBooks: MentorBooksReactor,
    @Inject(ErasureReactor) private readonly erasure: ErasureReactor,
  ) {}

  onModuleInit(): void {
    const { groupPrefix: prefix, profilesTopic } = this.settings;
    const profiles = new ContractRegistry(profilesContracts);
    this.consumers.projection(candidatePoolProjection(profilesTopic), `${prefix}.candidate-pool`, profiles);
    this.consumers.projection(
      { ...membershipsProjection(prefix), topics: [profilesTopic] },
      `${prefix}.memberships`,
      profiles,
    );
    this.consumers.reactor(`${prefix}.mentor-books`, [profilesTopic], profiles, (e) => this.mentorBooks.handle(e));
    this.consumers.reactor(`${prefix}.erasure`, [profilesTopic], profiles, (e) => this.erasure.handle(e));
  }
}
