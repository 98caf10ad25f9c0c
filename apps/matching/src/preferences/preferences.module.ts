import { Module } from '@nestjs/common';
import { EventStore } from '@trellis/shared/event-store';
import { MatchingCommands } from '../commands/matching-commands';
import { CandidatePool } from '../pool/candidate-pool.projection';
import { PreferencesResolver } from './preferences.resolver';
import { PreferencesService } from './preferences.service';

/** Participants' matching preferences, which rounds read when they compute. */
@Module({
  providers: [
    {
      provide: PreferencesService,
      useFactory: (store: EventStore, commands: MatchingCommands, pool: CandidatePool) =>
        new PreferencesService(store, commands, pool),
      inject: [EventStore, MatchingCommands, CandidatePool],
    },
    PreferencesResolver,
  ],
  exports: [PreferencesService],
})
export class PreferencesModule {}
