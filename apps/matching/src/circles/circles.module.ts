import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { matchingContracts } from '@trellis/matching/contracts';
import { profilesContracts } from '@trellis/profiles/contracts';
import { EventStore } from '@trellis/shared/event-store';
import { ContractRegistry } from '@trellis/shared/messaging';
import { MONGO_CONNECTION } from '@trellis/shared/platform';
import type { Connection } from 'mongoose';
import { MatchingConsumers } from '../core/matching-consumers';
import { MATCHING_SETTINGS, type MatchingSettings } from '../core/matching-options';
import { ProgramManagerDirectory } from '../core/program-managers';
import { CandidatePool } from '../pool/candidate-pool.projection';
import { CircleDeparturesReactor } from './circle-departures.reactor';
import { CircleFillService } from './circle-fill.service';
import { Circles, circlesProjection } from './circles.projection';
import { CirclesResolver } from './circles.resolver';
import { CirclesService } from './circles.service';

/**
 * Group mentoring on the same event store, pool and managers: the circle and circle-fill commands, the circles read
 * model (consumer group `matching.circles` on matching.events.v1) and leaving circles on withdrawal or erasure.
 */
@Module({
  providers: [
    { provide: Circles, useFactory: (c: Connection) => new Circles(c), inject: [MONGO_CONNECTION] },
    {
      provide: CirclesService,
      useFactory: (store: EventStore, pool: CandidatePool, managers: ProgramManagerDirectory, readModel: Circles) =>
        new CirclesService(store, pool, managers, readModel),
      inject: [EventStore, CandidatePool, ProgramManagerDirectory, Circles],
    },
    {
      provide: CircleFillService,
      useFactory: (store: EventStore, pool: CandidatePool, circles: CirclesService) =>
        new CircleFillService(store, pool, circles),
      inject: [EventStore, CandidatePool, CirclesService],
    },
    {
      provide: CircleDeparturesReactor,
      useFactory: (circles: CirclesService) => new CircleDeparturesReactor(circles),
      inject: [CirclesService],
    },
    CirclesResolver,
  ],
  exports: [CirclesService, CircleFillService, Circles],
})
export class CirclesModule implements OnModuleInit {
  constructor(
    @Inject(MatchingConsumers) private readonly consumers: MatchingConsumers,
    @Inject(MATCHING_SETTINGS) private readonly settings: MatchingSettings,
    @Inject(CircleDeparturesReactor) private readonly departures: CircleDeparturesReactor,
  ) {}

  onModuleInit(): void {
    const { groupPrefix: prefix, matchingTopic, profilesTopic } = this.settings;
    this.consumers.projection(
      circlesProjection(matchingTopic),
      `${prefix}.circles`,
      new ContractRegistry(matchingContracts),
    );
    this.consumers.reactor(
      `${prefix}.circle-departures`,
      [profilesTopic],
      new ContractRegistry(profilesContracts),
      (e) => this.departures.handle(e),
    );
  }
}
