import { type DynamicModule, Module } from '@nestjs/common';
import type { AuthConfig } from '@trellis/shared/auth';
import { SubgraphGraphqlModule } from '@trellis/shared/graphql';
import { PlatformModule, type ServiceConfig } from '@trellis/shared/platform';
import { AgendaModule } from './agenda/agenda.module';
import { CalendarModule } from './calendar/calendar.module';
import { SessionsCoreModule } from './core/sessions-core.module';
import type { SessionsWiring } from './core/sessions-wiring';
import { ConversationsModule } from './conversations/conversations.module';
import { EngagementsModule } from './engagements/engagements.module';
import { SessionsGraphqlModule } from './graphql/sessions-graphql.module';
import { InsightsModule } from './insights/insights.module';
import { ProfilesModule } from './profiles/profiles.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { SurveysModule } from './surveys/surveys.module';
import { ViewsModule } from './views/views.module';

export interface SessionsAppOptions {
  /** Overrides on top of the environment; tests point the app at their own database. */
  config?: Partial<ServiceConfig>;
  wiring?: Partial<SessionsWiring>;
  auth?: AuthConfig;
}

@Module({})
export class AppModule {
  static register(options: SessionsAppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'sessions', mongo: true, kafka: true, config: options.config }),
        SubgraphGraphqlModule.forRoot({ service: 'sessions', ...(options.auth ? { auth: options.auth } : {}) }),
        SessionsCoreModule.register(options.wiring),
        SchedulingModule,
        EngagementsModule,
        ConversationsModule,
        ViewsModule,
        CalendarModule,
        ProfilesModule,
        InsightsModule,
        AgendaModule,
        SurveysModule,
        SessionsGraphqlModule,
      ],
    };
  }
}
