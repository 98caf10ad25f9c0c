import { Module } from '@nestjs/common';
import { ConversationStore } from '../core/conversation-store';
import { SessionsReadModels } from '../core/read-models';
import { SealedTexts } from '../core/sealed-texts';
import { ConversationsResolver } from './conversations.resolver';
import { ConversationsService } from './conversations.service';

/** Conversations: a mentorship's private messages, opened and closed by the mentorship lifecycle reactor. */
@Module({
  providers: [
    {
      provide: ConversationsService,
      useFactory: (store: ConversationStore, readModels: SessionsReadModels, texts: SealedTexts) =>
        new ConversationsService(store, readModels, texts),
      inject: [ConversationStore, SessionsReadModels, SealedTexts],
    },
    ConversationsResolver,
  ],
  exports: [ConversationsService],
})
export class ConversationsModule {}
