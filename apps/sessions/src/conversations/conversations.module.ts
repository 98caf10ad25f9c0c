import { Module } from '@nestjs/common';
import { ConversationStore } from '../core/conversation-store';
import { SessionsReadModels } from '../core/read-models';
import { SealedTexts } from '../core/sealed-texts';
import type { SessionsDirectory } from '../core/sessions-directory';
import { SESSIONS_DIRECTORY } from '../core/sessions-wiring';
import { ConversationsResolver } from './conversations.resolver';
import { ConversationsService } from './conversations.service';
import { ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';

/**
 * Conversations: a mentorship's private messages, opened and closed by the mentorship lifecycle reactor, and the
 * moderation of reported messages by the program's managers.
 */
@Module({
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
