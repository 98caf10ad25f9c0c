import { Module } from '@nestjs/common';
import { profilesContracts } from '@trellis/profiles/contracts';
import { ReactorInbox } from '@trellis/shared/event-store';
import { membershipsProjection } from '@trellis/shared/memberships';
import { ContractRegistry } from '@trellis/shared/messaging';
import { EventSourcingModule, type FeatureConsumer, MONGO_CONNECTION } from '@trellis/shared/platform';
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
  imports: [
    EventSourcingModule.forFeature({
      consumers: [
        {
          useFactory: (
            consumers: MatchingConsumers,
            settings: MatchingSettings,
            commands: MatchingCommands,
            pool: CandidatePool,
            c: Connection,
            keys: PersonKeyStore,
          ): FeatureConsumer[] => {
            const { groupPrefix: prefix, profilesTopic } = settings;
            const profiles = new ContractRegistry(profilesContracts);
            const mentorBooks = new MentorBooksReactor(commands, pool, new ReactorInbox(c, `${prefix}.mentor-books`));
            const erasure = new ErasureReactor(keys);
            return [
              consumers.projection(candidatePoolProjection(profilesTopic), `${prefix}.candidate-pool`, profiles),
              consumers.projection(
                { ...membershipsProjection(prefix), topics: [profilesTopic] },
                `${prefix}.memberships`,
                profiles,
              ),
              consumers.reactor(`${prefix}.mentor-books`, [profilesTopic], profiles, (e) => mentorBooks.handle(e)),
              consumers.reactor(`${prefix}.erasure`, [profilesTopic], profiles, (e) => erasure.handle(e)),
            ];
          },
          inject: [
            MatchingConsumers,
            MATCHING_SETTINGS,
            MatchingCommands,
            CandidatePool,
            MONGO_CONNECTION,
            PersonKeyStore,
          ],
        },
      ],
    }),
  ],
})
export class PoolModule {}
