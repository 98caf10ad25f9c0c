import { Module } from '@nestjs/common';
import { matchingContracts } from '@trellis/matching/contracts';
import { EventStore } from '@trellis/shared/event-store';
import { ContractRegistry } from '@trellis/shared/messaging';
import { EventSourcingModule, type FeatureConsumer } from '@trellis/shared/platform';
import { PersonKeyStore } from '@trellis/shared/privacy';
import { MatchingCommands } from '../commands/matching-commands';
import { MatchingConsumers } from '../core/matching-consumers';
import { MATCHING_SETTINGS, type MatchingSettings } from '../core/matching-options';
import { ProgramManagerDirectory } from '../core/program-managers';
import { CandidatePool } from '../pool/candidate-pool.projection';
import { RecommendationsModule } from '../recommendations/recommendations.module';
import { RecommendationsService } from '../recommendations/recommendations.service';
import { RequestsModule } from '../requests/requests.module';
import { NextBestOffer } from '../rounds/next-best-offer';
import { MentorshipsResolver } from './mentorships.resolver';
import { MentorshipsService } from './mentorships.service';
import { ParticipantMatchingResolver } from './participant-matching.resolver';
import { ProposalsResolver } from './proposals.resolver';
import { relationshipsProjection } from './relationships.projection';

/**
 * Mentorships and the proposals that lead to them: answering proposals (with the next-best offer after a decline),
 * pausing, ending and rematching, and each participant's relationships from the service's own events.
 */
@Module({
  imports: [
    RecommendationsModule,
    RequestsModule,
    EventSourcingModule.forFeature({
      consumers: [
        {
          useFactory: (consumers: MatchingConsumers, settings: MatchingSettings): FeatureConsumer =>
            consumers.projection(
              relationshipsProjection(settings.matchingTopic),
              `${settings.groupPrefix}.relationships`,
              new ContractRegistry(matchingContracts),
            ),
          inject: [MatchingConsumers, MATCHING_SETTINGS],
        },
      ],
    }),
  ],
  providers: [
    {
      provide: NextBestOffer,
      useFactory: (store: EventStore, pool: CandidatePool, recommendations: RecommendationsService) =>
        new NextBestOffer(store, pool, recommendations),
      inject: [EventStore, CandidatePool, RecommendationsService],
    },
    {
      provide: MentorshipsService,
      useFactory: (
        commands: MatchingCommands,
        managers: ProgramManagerDirectory,
        keys: PersonKeyStore,
        nextBest: NextBestOffer,
      ) =>
        new MentorshipsService(commands, managers, keys, async (ctx, declined) => {
          await nextBest.afterDecline(ctx, declined);
        }),
      inject: [MatchingCommands, ProgramManagerDirectory, PersonKeyStore, NextBestOffer],
    },
    MentorshipsResolver,
    ProposalsResolver,
    ParticipantMatchingResolver,
  ],
  exports: [MentorshipsService],
})
export class MentorshipsModule {}
