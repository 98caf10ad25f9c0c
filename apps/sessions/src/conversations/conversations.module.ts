import { Module } from '@nestjs/common';
import type { Logger } from '@trellis/shared/observability';
import { EventSourcingModule, ROOT_LOGGER } from '@trellis/shared/platform';
import { ConversationStore } from '../core/conversation-store';
import { SessionsReadModels } from '../core/read-models';
import { SealedTexts } from '../core/sealed-texts';
import type { SessionsDirectory } from '../core/sessions-directory';
import { SESSIONS_DIRECTORY, SESSIONS_WIRING, type SessionsWiring } from '../core/sessions-wiring';
import { ConversationRetentionMonitor } from './conversation-retention.monitor';
import { ConversationsResolver } from './conversations.resolver';
import { ConversationsService } from './conversations.service';
import { ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';

/**
 * Conversations: a mentorship's private messages, opened and closed by the mentorship lifecycle reactor, the
 * moderation of reported messages by the program's managers, and the retention run that shreds ended mentorships'
 * messages when their program keeps them for a limited time.
 */
@Module({
  imports: [
    EventSourcingModule.forFeature({
      providers: [
        {
          provide: ConversationRetentionMonitor,
          useFactory: (
            store: ConversationStore,
            rm: SessionsReadModels,
            d: SessionsDirectory,
            texts: SealedTexts,
            logger: Logger,
            w: SessionsWiring,
          ) =>
            new ConversationRetentionMonitor(
              store,
              rm,
              d.programSettings,
              texts,
              logger.child({ component: 'conversation-retention' }),
              w.retentionIntervalMs,
            ),
          inject: [
            ConversationStore,
            SessionsReadModels,
            SESSIONS_DIRECTORY,
            SealedTexts,
            ROOT_LOGGER,
            SESSIONS_WIRING,
          ],
        },
      ],
      consumers: [
        {
          useFactory: (retention: ConversationRetentionMonitor) => ({ consumer: retention }),
          inject: [ConversationRetentionMonitor],
        },
      ],
    }),
  ],
  providers: [
    {
      provide: ConversationsService,
      useFactory: (store: ConversationStore, readModels: SessionsReadModels, texts: SealedTexts) =>
        new ConversationsService(store, readModels, texts),
      inject: [ConversationStore, SessionsReadModels, SealedTexts],
    },
    {
      provide: ModerationService,
      useFactory: (
        store: ConversationStore,
        readModels: SessionsReadModels,
        texts: SealedTexts,
        d: SessionsDirectory,
      ) => new ModerationService(store, readModels, texts, d.memberships),
      inject: [ConversationStore, SessionsReadModels, SealedTexts, SESSIONS_DIRECTORY],
    },
    ConversationsResolver,
    ModerationResolver,
  ],
  exports: [ConversationsService],
})
export class ConversationsModule {}
