import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { EventStore } from '@trellis/shared/event-store';
import { EventSourcingModule, MONGO_CONNECTION } from '@trellis/shared/platform';
import { PersonKeyStore } from '@trellis/shared/privacy';
import type { Connection } from 'mongoose';
import { profilesOutbox } from './profiles-outbox';
import { ProfilesStore } from './profiles-store';
import { ProfilesReadModels } from './read-models';
import { ProfileSealer } from './sealing';

/**
 * What every profiles feature shares: the event store with its outbox relay to profiles.events.v1, the read models,
 * the command runner and the sealer of personal text.
 */
@Global()
@Module({
  imports: [EventSourcingModule.forRoot({ outbox: profilesOutbox })],
  providers: [
    {
      provide: ProfilesReadModels,
      useFactory: async (c: Connection, store: EventStore) => {
        const readModels = new ProfilesReadModels(c, store);
        await readModels.ensureIndexes();
        return readModels;
      },
      inject: [MONGO_CONNECTION, EventStore],
    },
    { provide: ProfileSealer, useFactory: (keys: PersonKeyStore) => new ProfileSealer(keys), inject: [PersonKeyStore] },
    {
      provide: ProfilesStore,
      useFactory: (store: EventStore, rm: ProfilesReadModels) => new ProfilesStore(store, rm),
      inject: [EventStore, ProfilesReadModels],
    },
  ],
  exports: [ProfilesReadModels, ProfileSealer, ProfilesStore],
})
export class ProfilesCoreModule implements OnModuleInit {
  constructor(@Inject(ProfilesReadModels) private readonly readModels: ProfilesReadModels) {}

  async onModuleInit(): Promise<void> {
    // The outbox relay starts only once the app has bootstrapped, so the set of unpublished commits reconciled here is
    // exactly what a crash could have left behind.
    await this.readModels.reconcileUnpublished();
  }
}
