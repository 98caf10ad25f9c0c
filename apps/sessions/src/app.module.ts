import { type DynamicModule, Module } from '@nestjs/common';
import type { AuthConfig } from '@trellis/shared/auth';
import { SubgraphGraphqlModule } from '@trellis/shared/graphql';
import { PlatformModule, type ServiceConfig } from '@trellis/shared/platform';
import { AgendaModule } from './agenda/agenda.module';
import { InsightsModule } from './insights/insights.module';
import { SessionsModule, type SessionsWiring } from './sessions.module';

export interface SessionsAppOptions {
  /** Overrides on top of the environment; tests point the app at their own database. */
  config?: Partial<ServiceConfig>;
  wiring?: Partial<SessionsWiring>;
  auth?: AuthConfig;
}

@Module({})
export class AppModule {
  static register(options: SessionsAppOptions = {}): DynamicModule {
    const sessions = SessionsModule.register(options.wiring);
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'sessions', mongo: true, kafka: true, config: options.config }),
        SubgraphGraphqlModule.forRoot({ service: 'sessions', ...(options.auth ? { auth: options.auth } : {}) }),
        sessions,
        InsightsModule,
        AgendaModule.register(sessions),
      ],
    };
  }
}
