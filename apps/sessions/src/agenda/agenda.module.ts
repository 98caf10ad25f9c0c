import { Module } from '@nestjs/common';
import { PersonKeyStore } from '@trellis/shared/privacy';
import { SessionsReadModels } from '../core/read-models';
import { SessionsStore } from '../core/sessions-store';
import { ViewsModule } from '../views/views.module';
import { SessionsQueryService } from '../views/sessions-query.service';
import { AgendaResolver } from './agenda.resolver';
import { AgendaService } from './agenda.service';

/** A person's own agenda across mentorships: upcoming sessions and goals due soon (the web app's home page). */
@Module({
  imports: [ViewsModule],
  providers: [
    {
      provide: AgendaService,
      useFactory: (rm: SessionsReadModels, store: SessionsStore, queries: SessionsQueryService, keys: PersonKeyStore) =>
        new AgendaService(rm, store, queries, keys),
      inject: [SessionsReadModels, SessionsStore, SessionsQueryService, PersonKeyStore],
    },
    AgendaResolver,
  ],
})
export class AgendaModule {}
