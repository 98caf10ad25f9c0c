import type { INestApplication } from '@nestjs/common';
import { PersonKeyStore } from '@trellis/shared/privacy';
import { ConversationsService } from '../conversations/conversations.service';
import { ConversationStore } from '../core/conversation-store';
import { SessionsReadModels } from '../core/read-models';
import { SealedTexts } from '../core/sealed-texts';
import type { SessionsDirectory } from '../core/sessions-directory';
import { SessionsStore } from '../core/sessions-store';
import { SESSIONS_DIRECTORY } from '../core/sessions-wiring';
import { EngagementCommandsService } from '../engagements/engagement-commands.service';
import { SchedulingService } from '../scheduling/scheduling.service';
import { SessionCommandsService } from '../scheduling/session-commands.service';
import { SessionsQueryService } from '../views/sessions-query.service';

/**
 * The running app's use cases on a clock the test sets: the only way to book or write things in the past, or to let
 * time pass, without waiting. They share the app's stores and read models.
 */
export function clockedUseCases(app: INestApplication, clock: () => Date) {
  const store = app.get(SessionsStore);
  const readModels = app.get(SessionsReadModels);
  const directory = app.get<symbol, SessionsDirectory>(SESSIONS_DIRECTORY);
  const keys = app.get(PersonKeyStore);
  const texts = new SealedTexts(keys);
  return {
    scheduling: new SchedulingService(store, readModels, directory, texts, clock),
    sessionCommands: new SessionCommandsService(store, texts, clock),
    engagements: new EngagementCommandsService(store, texts, clock),
    queries: new SessionsQueryService(store, readModels, keys, texts, directory.memberships, clock),
    conversations: new ConversationsService(app.get(ConversationStore), readModels, texts, clock),
  };
}
