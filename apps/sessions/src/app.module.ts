import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type ServiceConfig } from '@trellis/shared/platform';
import { SessionsModule, type SessionsWiring } from './sessions.module';

export interface SessionsAppOptions {
  /** Overrides on top of the environment; tests point the app at their own database. */
  config?: Partial<ServiceConfig>;
  wiring?: Partial<SessionsWiring>;
}

@Module({})
export class AppModule {
  static register(options: SessionsAppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'sessions', mongo: true, kafka: true, config: options.config }),
        SessionsModule.register(options.wiring),
      ],
    };
  }
}
