import { Module } from '@nestjs/common';
import { EventStore } from '@trellis/shared/event-store';
import { MONGO_CONNECTION } from '@trellis/shared/platform';
import type { Connection } from 'mongoose';
import { MatchingCommands } from '../commands/matching-commands';
import { ProgramManagerDirectory } from '../core/program-managers';
import { Relationships } from '../mentorships/relationships.projection';
import { CandidatePool } from '../pool/candidate-pool.projection';
import { PreferencesModule } from '../preferences/preferences.module';
import { PreferencesService } from '../preferences/preferences.service';
import { ProposalExplanationResolver } from './proposal-explanation.resolver';
import { RoundList } from './round-list';
import { RoundPagesResolver } from './round-pages.resolver';
import { RoundPairResolver } from './round-pair.resolver';
import { RoundSnapshots } from './round-snapshots';
import { RoundsResolver } from './rounds.resolver';
import { RoundsService } from './rounds.service';
import { UnmatchedMenteeResolver } from './unmatched-mentee.resolver';

/** Program managers' matching rounds over the candidate pool and the participants' preferences, with their recorded inputs. */
@Module({
  imports: [PreferencesModule],
  providers: [
    {
      provide: RoundList,
      // Its index exists before any round is listed, as the event store's own do.
      useFactory: async (store: EventStore, commands: MatchingCommands) => {
        const list = new RoundList(store, commands);
        await list.ensureIndexes();
        return list;
      },
      inject: [EventStore, MatchingCommands],
    },
    {
      provide: RoundsService,
      useFactory: (
        commands: MatchingCommands,
        pool: CandidatePool,
        relationships: Relationships,
        managers: ProgramManagerDirectory,
        c: Connection,
        list: RoundList,
        preferences: PreferencesService,
      ) => new RoundsService(commands, pool, relationships, managers, new RoundSnapshots(c), list, preferences),
      inject: [
        MatchingCommands,
        CandidatePool,
        Relationships,
        ProgramManagerDirectory,
        MONGO_CONNECTION,
        RoundList,
        PreferencesService,
      ],
    },
    RoundsResolver,
    RoundPairResolver,
    RoundPagesResolver,
    UnmatchedMenteeResolver,
    ProposalExplanationResolver,
  ],
  exports: [RoundsService],
})
export class RoundsModule {}
