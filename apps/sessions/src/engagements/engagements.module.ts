import { Module } from '@nestjs/common';
import type { Logger } from '@trellis/shared/observability';
import { EventSourcingModule, ROOT_LOGGER } from '@trellis/shared/platform';
import { ConversationStore } from '../core/conversation-store';
import { CONSUMER_CONTEXT, type ConsumerContext } from '../core/consumer-context';
import { SessionsReadModels } from '../core/read-models';
import { SealedTexts } from '../core/sealed-texts';
import { SessionsStore } from '../core/sessions-store';
import type { SessionsDirectory } from '../core/sessions-directory';
import { SESSIONS_DIRECTORY, SESSIONS_WIRING, type SessionsWiring } from '../core/sessions-wiring';
import { EngagementCommandsService } from './engagement-commands.service';
import { EngagementHealthMonitor } from './engagement-health.monitor';
import { EngagementNudgesResolver } from './engagement-nudges.resolver';
import { EngagementNudgesService } from './engagement-nudges.service';
import { mentorshipLifecycleReactor } from './mentorship-lifecycle.reactor';

/** Engagements: their commands, managers' nudges, the MentorshipStarted/Ended reactor and the daily health run. */
@Module({
  imports: [
    EventSourcingModule.forFeature({
      providers: [
        {
          provide: EngagementHealthMonitor,
          useFactory: (store: SessionsStore, rm: SessionsReadModels, logger: Logger, w: SessionsWiring) =>
            new EngagementHealthMonitor(
              store,
              rm,
              logger.child({ component: 'engagement-health' }),
              w.healthIntervalMs,
            ),
          inject: [SessionsStore, SessionsReadModels, ROOT_LOGGER, SESSIONS_WIRING],
        },
      ],
      consumers: [
        { useFactory: (health: EngagementHealthMonitor) => ({ consumer: health }), inject: [EngagementHealthMonitor] },
        {
          useFactory: (
            context: ConsumerContext,
            store: SessionsStore,
            conversations: ConversationStore,
            w: SessionsWiring,
          ) => ({
            consumer: mentorshipLifecycleReactor({
              kafka: context.kafka,
              store,
              conversations,
              topic: w.matchingTopic,
              group: w.lifecycleGroup,
              logger: context.logger,
              metrics: context.metrics,
              status: context.status,
              topicSettings: context.topicSettings,
              ...context.retry,
            }),
          }),
          inject: [CONSUMER_CONTEXT, SessionsStore, ConversationStore, SESSIONS_WIRING],
        },
      ],
    }),
  ],
  providers: [
    {
      provide: EngagementCommandsService,
      useFactory: (store: SessionsStore, texts: SealedTexts) => new EngagementCommandsService(store, texts),
      inject: [SessionsStore, SealedTexts],
    },
    {
      provide: EngagementNudgesService,
      useFactory: (store: SessionsStore, d: SessionsDirectory) => new EngagementNudgesService(store, d.memberships),
      inject: [SessionsStore, SESSIONS_DIRECTORY],
    },
    EngagementNudgesResolver,
  ],
  exports: [EngagementCommandsService],
})
export class EngagementsModule {}
