import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NotificationCategory, TemplateId } from '@trellis/notifications/contracts';
import type { NotificationIntent, SourceEvent } from './rules';

/** What an organization's endpoint receives: what happened and to what, never to whom (no personal data). */
export interface WebhookPayload {
  id: string;
  webhookId: string;
  category: NotificationCategory;
  template: TemplateId;
  occurredAt: string;
  programId: string | null;
  subject: { kind: string; id: string };
}

export function webhookPayload(webhookId: string, event: SourceEvent, intent: NotificationIntent): WebhookPayload {
  return {
    id: `${event.id}:${intent.templateId}`,
    webhookId,
    category: intent.category,
    template: intent.templateId,
    occurredAt: event.occurredAt,
    programId: event.programId ?? (typeof event.data['programId'] === 'string' ? event.data['programId'] : null),
    subject: intent.subject,
  };
}

export const WEBHOOK_SIGNATURE_HEADER = 'x-trellis-signature';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp is signed too, so a receiver can refuse
 * replays older than its tolerance.
 */
export function signWebhookPayload(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const t = Number(parts['t']);
  const v1 = parts['v1'];
  if (!Number.isInteger(t) || !v1 || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(v1);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface WebhookPolicy {
  /** Delay before retry n (index 0 = after the first failure). Its length bounds the attempts per delivery. */
  retryDelaysMs: readonly number[];
  /** Consecutive failed attempts (across deliveries) after which the endpoint is disabled. */
  disableAfterFailures: number;
}

export const DEFAULT_WEBHOOK_POLICY: WebhookPolicy = {
  retryDelaysMs: [10_000, 60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000],
  disableAfterFailures: 15,
};

export type WebhookFailureDecision = {
  delivery: { retryAt: Date } | { gaveUp: true };
  disableEndpoint: boolean;
  consecutiveFailures: number;
};

/** After a failed attempt (`attempt` counts from 1), when to retry the delivery and whether to disable the endpoint. */
export function decideWebhookFailure(
  policy: WebhookPolicy,
  attempt: number,
  consecutiveFailuresBefore: number,
  now: Date,
): WebhookFailureDecision {
  const consecutiveFailures = consecutiveFailuresBefore + 1;
  const disableEndpoint = consecutiveFailures >= policy.disableAfterFailures;
  const delay = policy.retryDelaysMs[attempt - 1];
  return {
    delivery: delay === undefined || disableEndpoint ? { gaveUp: true } : { retryAt: new Date(now.getTime() + delay) },
    disableEndpoint,
    consecutiveFailures,
  };
}

/** Only https endpoints (http on loopback for local development and tests). */
export function isAllowedWebhookUrl(value: string, allowLoopbackHttp: boolean): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return allowLoopbackHttp && url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
