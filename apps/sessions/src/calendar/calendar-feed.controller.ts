import { Controller, Get, Header, HttpException, HttpStatus, Param } from '@nestjs/common';
import { CalendarFeeds } from './calendar-feeds';

/** GET /calendar/feeds/<token>.ics — what a subscribed calendar app polls; no login, the token is the credential. */
@Controller('calendar/feeds')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeeds) {}

  @Get(':file')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  async feed(@Param('file') file: string): Promise<string> {
    const ics = await this.feeds.render(file.replace(/\.ics$/, ''));
    if (ics === null) throw new HttpException('No such calendar feed', HttpStatus.NOT_FOUND);
    return ics;
  }
}
