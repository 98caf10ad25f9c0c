import { createHash } from 'node:crypto';
import type { CalendarAttachment } from '@trellis/notifications/domain';
import { sessionCalendarUid } from '@trellis/sessions/contracts';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingEmail {
  /** Stable per delivery: the same delivery always carries the same Message-ID. */
  deliveryId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
  calendar?: { attachment: CalendarAttachment; attendeeEmail: string; link: string } | undefined;
}

/** SMTP through nodemailer; a connection failure rejects, and the dispatcher retries later. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly calendarUidDomain: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl, {
      pool: true,
      maxConnections: 8,
      maxMessages: 1000,
      connectionTimeout: 3000,
      greetingTimeout: 3000,
      socketTimeout: 10_000,
    } as nodemailer.TransportOptions);
  }

  async send(email: OutgoingEmail): Promise<void> {
    const hash = createHash('sha256').update(email.deliveryId).digest('hex').slice(0, 32);
    await this.transport.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: `<${hash}@notifications.trellis>`,
      headers: { 'X-Trellis-Delivery': hash },
      // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to the URL, no login needed.
      list: { unsubscribe: { url: email.unsubscribeUrl, comment: 'Unsubscribe' } },
      ...(email.calendar ? { icalEvent: calendarPart(email.calendar, this.calendarUidDomain) } : {}),
    });
    // nodemailer cannot set List-Unsubscribe-Post through `list`; headers above carry the rest.
  }

  close(): void {
    this.transport.close();
  }
}

function calendarPart(calendar: NonNullable<OutgoingEmail['calendar']>, uidDomain: string) {
  const { attachment } = calendar;
  const cancel = attachment.method === 'CANCEL';
  const cal = ical({
    prodId: { company: 'Trellis', product: 'notifications' },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  cal.createEvent({
    id: sessionCalendarUid(attachment.sessionId, uidDomain),
    sequence: attachment.sequence,
    start: new Date(attachment.startsAt),
    end: new Date(attachment.endsAt),
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    summary: 'Mentoring session',
    url: calendar.link,
    organizer: { name: 'Trellis', email: 'no-reply@trellis.invalid' },
    attendees: [{ email: calendar.attendeeEmail }],
  });
  return { method: cancel ? 'CANCEL' : 'REQUEST', filename: 'invite.ics', content: cal.toString() };
}
