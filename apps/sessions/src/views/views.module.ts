import { Module } from '@nestjs/common';
import { PersonKeyStore } from '@trellis/shared/privacy';
import { SessionsReadModels } from '../core/read-models';
import { SealedTexts } from '../core/sealed-texts';
import type { SessionsDirectory } from '../core/sessions-directory';
import { SessionsStore } from '../core/sessions-store';
import { SESSIONS_DIRECTORY } from '../core/sessions-wiring';
import { SessionsQueryService } from './sessions-query.service';

/** The read side: session, engagement and goal views with their texts opened, for those the policy lets read them. */
@Module({
  providers: [
    {
      provide: SessionsQueryService,
      useFactory: (
        store: SessionsStore,
        rm: SessionsReadModels,
        keys: PersonKeyStore,
        texts: SealedTexts,
        d: SessionsDirectory,
      ) => new SessionsQueryService(store, rm, keys, texts, d.memberships),
      inject: [SessionsStore, SessionsReadModels, PersonKeyStore, SealedTexts, SESSIONS_DIRECTORY],
    },
  ],
  exports: [SessionsQueryService],
})
export class ViewsModule {}
