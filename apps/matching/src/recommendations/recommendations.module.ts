import { Module } from '@nestjs/common';
import { Relationships } from '../mentorships/relationships.projection';
import { CandidatePool } from '../pool/candidate-pool.projection';
import { PreferencesModule } from '../preferences/preferences.module';
import { PreferencesService } from '../preferences/preferences.service';
import { RecommendationsResolver } from './recommendations.resolver';
import { RecommendationsService } from './recommendations.service';

/** Mentors recommended to a mentee from the pool, best fit first, spread by demand. */
@Module({
  imports: [PreferencesModule],
  providers: [
    {
      provide: RecommendationsService,
      useFactory: (pool: CandidatePool, relationships: Relationships, preferences: PreferencesService) =>
        new RecommendationsService(pool, relationships, preferences),
      inject: [CandidatePool, Relationships, PreferencesService],
    },
    RecommendationsResolver,
  ],
  exports: [RecommendationsService],
})
export class RecommendationsModule {}
