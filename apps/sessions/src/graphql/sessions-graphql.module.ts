import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { ViewsModule } from '../views/views.module';
import { SessionsResolver } from './sessions.resolver';

/** The sessions subgraph's queries and mutations, one resolver over scheduling, engagements, views and calendar. */
@Module({
  imports: [SchedulingModule, EngagementsModule, ViewsModule, CalendarModule],
  providers: [SessionsResolver],
})
export class SessionsGraphqlModule {}
