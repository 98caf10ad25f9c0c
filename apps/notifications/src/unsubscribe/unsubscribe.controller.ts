import { Controller, Get, Header, HttpCode, HttpException, HttpStatus, Inject, Post, Query } from '@nestjs/common';
import { verifyUnsubscribeToken } from '@trellis/notifications/domain';
import { DomainError } from '@trellis/shared/kernel';
import { NotificationsService } from '../graphql/notifications.service';
import { NOTIFICATIONS_WIRING, type NotificationsWiring } from '../notifications.wiring';

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif"><h1>${title}</h1>${body}</body></html>`;

/**
 * One-click unsubscribe (RFC 8058) without logging in: the signed token is the authority. GET only shows a button —
 * mail scanners follow links, and a prefetch must not unsubscribe anyone; mail clients POST directly.
 */
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly notifications: NotificationsService,
    @Inject(NOTIFICATIONS_WIRING) private readonly wiring: NotificationsWiring,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  confirm(@Query('token') token: string | undefined): string {
    const claim = this.verify(token);
    return page(
      'Unsubscribe',
      `<p>Stop emails about <b>${claim.category}</b>? You will still see them in the app.</p>` +
        `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button>Unsubscribe</button></form>`,
    );
  }

  @Post()
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  async apply(@Query('token') token: string | undefined): Promise<string> {
    const claim = this.verify(token);
    await this.notifications.unsubscribe(claim.tenantId, claim.personId, claim.category);
    return page('Unsubscribed', `<p>You will no longer get emails about <b>${claim.category}</b>.</p>`);
  }

  private verify(token: string | undefined) {
    try {
      return verifyUnsubscribeToken(token ?? '', this.wiring.unsubscribeSecret);
    } catch (error) {
      if (error instanceof DomainError) {
        throw new HttpException({ code: 'BAD_USER_INPUT', message: error.message }, HttpStatus.BAD_REQUEST);
      }
      throw error;
    }
  }
}
