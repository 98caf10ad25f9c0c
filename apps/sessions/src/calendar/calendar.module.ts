import { Module } from '@nestjs/common';
import { calendarUidDomainFromEnv } from '@trellis/sessions/contracts';
import { MONGO_CONNECTION } from '@trellis/shared/platform';
import { PersonKeyStore } from '@trellis/shared/privacy';
import type { Connection } from 'mongoose';
import { SessionsReadModels } from '../core/read-models';
import { SessionsStore } from '../core/sessions-store';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeeds } from './calendar-feeds';

/** Private calendar feed URLs: the feeds themselves and `GET /calendar/feeds/<token>.ics`. */
@Module({
  controllers: [CalendarFeedController],
  providers: [
    {
      provide: CalendarFeeds,
      useFactory: (c: Connection, store: SessionsStore, rm: SessionsReadModels, keys: PersonKeyStore) =>
        new CalendarFeeds(c, store, rm, keys, calendarUidDomainFromEnv(process.env)),
      inject: [MONGO_CONNECTION, SessionsStore, SessionsReadModels, PersonKeyStore],
    },
  ],
  exports: [CalendarFeeds],
})
export class CalendarModule {}
