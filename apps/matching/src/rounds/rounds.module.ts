import { Module } from '@nestjs/common';
import { MONGO_CONNECTION } from '@trellis/shared/platform';
import type { Connection } from 'mongoose';
import { MatchingCommands } from '../commands/matching-commands';
import { ProgramManagerDirectory } from '../core/program-managers';
import { Relationships } from '../mentorships/relationships.projection';
import { CandidatePool } from '../pool/candidate-pool.projection';
import { RoundPairResolver } from './round-pair.resolver';
import { RoundSnapshots } from './round-snapshots';
import { RoundsResolver } from './rounds.resolver';
import { RoundsService } from './rounds.service';

/** Program managers' matching rounds over the candidate pool, with their recorded inputs. */
@Module({
  providers: [
    {
      provide: RoundsService,
      useFactory: (
        commands: MatchingCommands,
        pool: CandidatePool,
        relationships: Relationships,
        managers: ProgramManagerDirectory,
        c: Connection,
      ) => new RoundsService(commands, pool, relationships, managers, new RoundSnapshots(c)),
      inject: [MatchingCommands, CandidatePool, Relationships, ProgramManagerDirectory, MONGO_CONNECTION],
    },
    RoundsResolver,
    RoundPairResolver,
  ],
  exports: [RoundsService],
})
export class RoundsModule {}
