import { type DynamicModule, Module } from '@nestjs/common';
import { PersonKeyStore } from '@trellis/shared/privacy';
import { SessionsReadModels } from '../core/read-models';
import { SessionsStore } from '../core/sessions-store';
import { SessionsQueryService } from '../views/sessions-query.service';
import { AgendaResolver } from './agenda.resolver';
import { AgendaService } from './agenda.service';

/** A person's own agenda across mentorships: upcoming sessions and goals due soon (the web app's home page). */
@Module({})
export class AgendaModule {
  /** `sessions` is the registered SessionsModule, whose store, read models and keys this module reads. */
  static register(sessions: DynamicModule): DynamicModule {
    return {
      module: AgendaModule,
      imports: [sessions],
      providers: [
        {
          provide: AgendaService,
          useFactory: (
            rm: SessionsReadModels,
            store: SessionsStore,
            queries: SessionsQueryService,
            keys: PersonKeyStore,
          ) => new AgendaService(rm, store, queries, keys),
          inject: [SessionsReadModels, SessionsStore, SessionsQueryService, PersonKeyStore],
        },
        AgendaResolver,
      ],
    };
  }
}
