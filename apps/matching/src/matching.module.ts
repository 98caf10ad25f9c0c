import { type DynamicModule, Module } from '@nestjs/common';
import { CirclesModule } from './circles/circles.module';
import { MatchingCoreModule } from './core/matching-core.module';
import type { MatchingOptions } from './core/matching-options';
import { MentorshipsModule } from './mentorships/mentorships.module';
import { PoolModule } from './pool/pool.module';
import { RecommendationsModule } from './recommendations/recommendations.module';
import { RequestsModule } from './requests/requests.module';
import { RoundsModule } from './rounds/rounds.module';

/** Topic and consumer-group names; tests use their own so they never join the real service's groups. */
export type MatchingNames = MatchingOptions;

/** The matching service: its shared core and one module per feature. */
@Module({})
export class MatchingModule {
  static register(names: MatchingNames = {}): DynamicModule {
    return {
      module: MatchingModule,
      imports: [
        MatchingCoreModule.register(names),
        PoolModule,
        RequestsModule,
        RecommendationsModule,
        MentorshipsModule,
        RoundsModule,
        CirclesModule,
      ],
    };
  }
}
