import { Module } from '@nestjs/common';
import { SessionsReadModels } from '../core/read-models';
import { SealedTexts } from '../core/sealed-texts';
import type { SessionsDirectory } from '../core/sessions-directory';
import { SessionsStore } from '../core/sessions-store';
import { SESSIONS_DIRECTORY } from '../core/sessions-wiring';
import { SchedulingService } from './scheduling.service';
import { SessionCommandsService } from './session-commands.service';

/** Scheduling, rescheduling and cancelling sessions, and the other session commands. */
@Module({
  providers: [
    {
      provide: SchedulingService,
      useFactory: (store: SessionsStore, rm: SessionsReadModels, d: SessionsDirectory, texts: SealedTexts) =>
        new SchedulingService(store, rm, d, texts),
      inject: [SessionsStore, SessionsReadModels, SESSIONS_DIRECTORY, SealedTexts],
    },
    {
      provide: SessionCommandsService,
      useFactory: (store: SessionsStore, texts: SealedTexts) => new SessionCommandsService(store, texts),
      inject: [SessionsStore, SealedTexts],
    },
  ],
  exports: [SchedulingService, SessionCommandsService],
})
export class SchedulingModule {}
