import { Module } from '@nestjs/common';
import { matchingContracts } from '@trellis/matching/contracts';
import { profilesContracts } from '@trellis/profiles/contracts';
import { EventStore } from '@trellis/shared/event-store';
import { ContractRegistry } from '@trellis/shared/messaging';
import { EventSourcingModule, type FeatureConsumer, MONGO_CONNECTION } from '@trellis/shared/platform';
import type { Connection } from 'mongoose';
import { MatchingConsumers } from '../core/matching-consumers';
import { MATCHING_SETTINGS, type MatchingSettings } from '../core/matching-options';
import { ProgramManagerDirectory } from '../core/program-managers';
import { CandidatePool } from '../pool/candidate-pool.projection';
import { PreferencesModule } from '../preferences/preferences.module';
import { PreferencesService } from '../preferences/preferences.service';
import { CircleDeparturesReactor } from './circle-departures.reactor';
import { CircleFillService } from './circle-fill.service';
import { Circles, circlesProjection } from './circles.projection';
import { CirclesResolver } from './circles.resolver';
import { CirclesService } from './circles.service';

/** The circles read model and the circle commands, which the departures reactor issues too. */
const circlesEventSourcing = EventSourcingModule.forFeature({
  providers: [
    { provide: Circles, useFactory: (c: Connection) => new Circles(c), inject: [MONGO_CONNECTION] },
    {
      provide: CirclesService,
      useFactory: (store: EventStore, pool: CandidatePool, managers: ProgramManagerDirectory, readModel: Circles) =>
        new CirclesService(store, pool, managers, readModel),
      inject: [EventStore, CandidatePool, ProgramManagerDirectory, Circles],
    },
  ],
  consumers: [
    {
      useFactory: (
        consumers: MatchingConsumers,
        settings: MatchingSettings,
        circles: CirclesService,
      ): FeatureConsumer[] => {
        const { groupPrefix: prefix, matchingTopic, profilesTopic } = settings;
        const departures = new CircleDeparturesReactor(circles);
        return [
          consumers.projection(
            circlesProjection(matchingTopic),
            `${prefix}.circles`,
            new ContractRegistry(matchingContracts),
          ),
          consumers.reactor(
            `${prefix}.circle-departures`,
            [profilesTopic],
            new ContractRegistry(profilesContracts),
            (e) => departures.handle(e),
          ),
        ];
      },
      inject: [MatchingConsumers, MATCHING_SETTINGS, CirclesService],
    },
  ],
});

/**
 * Group mentoring on the same event store, pool and managers: the circle and circle-fill commands, the circles read
 * model (consumer group `matching.circles` on matching.events.v1) and leaving circles on withdrawal or erasure.
 */
@Module({
  imports: [circlesEventSourcing, PreferencesModule],
  providers: [
    {
      provide: CircleFillService,
      useFactory: (store: EventStore, pool: CandidatePool, circles: CirclesService, preferences: PreferencesService) =>
        new CircleFillService(store, pool, circles, preferences),
      inject: [EventStore, CandidatePool, CirclesService, PreferencesService],
    },
    CirclesResolver,
  ],
  // The feature's event sourcing re-exported: it provides the circles service and read model.
  exports: [CircleFillService, circlesEventSourcing],
})
export class CirclesModule {}
