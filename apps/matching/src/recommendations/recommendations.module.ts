import { Module } from '@nestjs/common';
import { Relationships } from '../mentorships/relationships.projection';
import { CandidatePool } from '../pool/candidate-pool.projection';
import { RecommendationsResolver } from './recommendations.resolver';
import { RecommendationsService } from './recommendations.service';

/** Mentors recommended to a mentee from the pool, best fit first, spread by demand. */
@Module({
  providers: [
    {
      provide: RecommendationsService,
      useFactory: (pool: CandidatePool, relationships: Relationships) =>
        new RecommendationsService(pool, relationships),
      inject: [CandidatePool, Relationships],
    },
    RecommendationsResolver,
  ],
  exports: [RecommendationsService],
})
export class RecommendationsModule {}
