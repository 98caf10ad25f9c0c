import { Module } from '@nestjs/common';
import { MONGO_CONNECTION } from '@trellis/shared/platform';
import { PersonKeyStore } from '@trellis/shared/privacy';
import type { Connection } from 'mongoose';
import { ProfilesStore } from '../core/profiles-store';
import { ProfilesReadModels } from '../core/read-models';
import { ProfileSealer } from '../core/sealing';
import { ParticipantResolver, ProgramResolver } from '../graphql/profiles.resolver';
import { BulkEnrollment } from './bulk-enrollment';
import { OrganizationPeopleService } from './organization-people.service';
import { ParticipantImportService } from './participant-import.service';
import { ProfilesService } from './profiles.service';

/** Programs, participants and their profiles: the use cases and their GraphQL resolvers. */
@Module({
  providers: [
    {
      provide: ProfilesService,
      useFactory: (store: ProfilesStore, rm: ProfilesReadModels, sealer: ProfileSealer, keys: PersonKeyStore) =>
        new ProfilesService(store, rm, sealer, keys),
      inject: [ProfilesStore, ProfilesReadModels, ProfileSealer, PersonKeyStore],
    },
    {
      provide: BulkEnrollment,
      useFactory: (store: ProfilesStore, sealer: ProfileSealer, keys: PersonKeyStore) =>
        new BulkEnrollment(store, sealer, keys),
      inject: [ProfilesStore, ProfileSealer, PersonKeyStore],
    },
    {
      provide: ParticipantImportService,
      useFactory: (
        service: ProfilesService,
        store: ProfilesStore,
        rm: ProfilesReadModels,
        bulk: BulkEnrollment,
        connection: Connection,
      ) => new ParticipantImportService(service, store, rm, bulk, connection),
      inject: [ProfilesService, ProfilesStore, ProfilesReadModels, BulkEnrollment, MONGO_CONNECTION],
    },
    {
      provide: OrganizationPeopleService,
      useFactory: (service: ProfilesService, rm: ProfilesReadModels, sealer: ProfileSealer) =>
        new OrganizationPeopleService(service, rm, sealer),
      inject: [ProfilesService, ProfilesReadModels, ProfileSealer],
    },
    ProgramResolver,
    ParticipantResolver,
  ],
  exports: [ProfilesService, BulkEnrollment],
})
export class ProfilesModule {}
