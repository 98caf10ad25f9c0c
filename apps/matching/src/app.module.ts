import { type DynamicModule, Module } from '@nestjs/common';
import type { AuthConfig } from '@trellis/shared/auth';
import { SubgraphGraphqlModule } from '@trellis/shared/graphql';
import { PlatformModule, type ServiceConfig } from '@trellis/shared/platform';
import { Participant } from './graphql/matching.types';
import { MatchingModule, type MatchingNames } from './matching.module';

export interface MatchingAppOptions {
  /** Overrides on top of the environment; tests point the app at their own database. */
  config?: Partial<ServiceConfig>;
  auth?: AuthConfig;
  names?: MatchingNames;
}

@Module({})
export class AppModule {
  static register(options: MatchingAppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'matching', mongo: true, kafka: true, config: options.config }),
        SubgraphGraphqlModule.forRoot({
          service: 'matching',
          auth: options.auth,
          // Participant is only reached through federation (_entities), never from a root field here.
          buildSchemaOptions: { orphanedTypes: [Participant] },
        }),
        MatchingModule.register(options.names),
      ],
    };
  }
}
