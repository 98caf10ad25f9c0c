import { type DynamicModule, Module } from '@nestjs/common';
import type { AuthConfig } from '@trellis/shared/auth';
import { SubgraphGraphqlModule } from '@trellis/shared/graphql';
import { PlatformModule, type ServiceConfig } from '@trellis/shared/platform';
import { ContactsModule } from './contacts/contacts.module';
import { ProfilesCoreModule } from './core/profiles-core.module';
import { ProfilesModule } from './profiles/profiles.module';
import { SeedModule } from './seed/seed.module';

export interface ProfilesAppOptions {
  /** Overrides on top of the environment; tests point the app at their own database. */
  config?: Partial<ServiceConfig>;
  auth?: AuthConfig;
}

@Module({})
export class AppModule {
  static register(options: ProfilesAppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'profiles', mongo: true, kafka: true, config: options.config }),
        SubgraphGraphqlModule.forRoot({ service: 'profiles', auth: options.auth }),
        ProfilesCoreModule,
        ProfilesModule,
        ContactsModule,
        SeedModule,
      ],
    };
  }
}
