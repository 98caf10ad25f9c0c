import { MATCHING_TOPIC } from '@trellis/matching/contracts';
import { NOTIFICATIONS_TOPIC } from '@trellis/notifications/contracts';
import {
  DEFAULT_UNREAD_MESSAGE_AFTER_MS,
  DEFAULT_WEBHOOK_POLICY,
  type WebhookPolicy,
} from '@trellis/notifications/domain';
import { PROFILES_TOPIC } from '@trellis/profiles/contracts';
import { calendarUidDomainFromEnv, SESSIONS_EVENTS_TOPIC } from '@trellis/sessions/contracts';

export const NOTIFICATIONS_WIRING = Symbol('NOTIFICATIONS_WIRING');

/** Everything a test (or a deployment) may point elsewhere: topics, groups, peers, secrets, timings. */
export interface NotificationsWiring {
  profilesTopic: string;
  matchingTopic: string;
  sessionsTopic: string;
  notificationsTopic: string;
  reactorGroup: string;
  profilesUrl: string;
  internalToken: string;
  smtpUrl?: string;
  mailFrom: string;
  /** The sessions service's TRELLIS_CALENDAR_UID_DOMAIN: an emailed invitation and the feed name one session alike. */
  calendarUidDomain: string;
  appUrl: string;
  publicUrl: string;
  unsubscribeSecret: string;
  tickMs: number;
  /** How long a conversation message may stay unread before its recipient is told (TRELLIS_UNREAD_MESSAGE_MINUTES). */
  unreadMessageAfterMs: number;
  /** Partitions the reactor handles in parallel (order holds per partition, so per stream). */
  reactorConcurrency: number;
  /** Events of one partition handled in parallel (one stream's events stay in order). */
  reactorEventConcurrency: number;
  /** Recipients the dispatcher sends to in parallel (one recipient's emails stay in order). */
  senderConcurrency: number;
  /** Email/digest retry backoff (see RetryBackoff). */
  emailRetry: { baseMs: number; capMs: number };
  /** Test hook (crash tests): runs right after SMTP accepted a message, before that is recorded. */
  afterSmtpAccept?: (deliveryId: string) => void;
  leaseTtlMs: number;
  webhookPolicy: WebhookPolicy;
  allowLoopbackWebhooks: boolean;
  clock: () => Date;
}

function secret(name: string, env: NodeJS.ProcessEnv): string {
  const value = env[name];
  if (value && value.length >= 16) return value;
  if (env['NODE_ENV'] === 'production') throw new Error(`${name} must be set (16+ characters) in production`);
  return `development-only-${name.toLowerCase()}`;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 256) throw new Error(`${name} must be an integer from 1 to 256`);
  return value;
}

function unreadMessageAfterMs(env: NodeJS.ProcessEnv): number {
  const raw = env['TRELLIS_UNREAD_MESSAGE_MINUTES'];
  if (raw === undefined) return DEFAULT_UNREAD_MESSAGE_AFTER_MS;
  const minutes = Number(raw);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 7 * 24 * 60)
    throw new Error('TRELLIS_UNREAD_MESSAGE_MINUTES must be a whole number of minutes from 1 to 10080 (a week)');
  return minutes * 60_000;
}

export function wiringFromEnv(env: NodeJS.ProcessEnv = process.env): NotificationsWiring {
  return {
    profilesTopic: PROFILES_TOPIC,
    matchingTopic: MATCHING_TOPIC,
    sessionsTopic: SESSIONS_EVENTS_TOPIC,
    notificationsTopic: NOTIFICATIONS_TOPIC,
    reactorGroup: 'notifications.reactor',
    profilesUrl: env['TRELLIS_PROFILES_URL'] ?? 'http://127.0.0.1:4001',
    internalToken: secret('TRELLIS_INTERNAL_TOKEN', env),
    mailFrom: env['TRELLIS_MAIL_FROM'] ?? 'Trellis <no-reply@trellis.local>',
    calendarUidDomain: calendarUidDomainFromEnv(env),
    appUrl: env['TRELLIS_APP_URL'] ?? 'http://127.0.0.1:4000',
    publicUrl: env['TRELLIS_NOTIFICATIONS_PUBLIC_URL'] ?? 'http://127.0.0.1:4004',
    unsubscribeSecret: secret('TRELLIS_UNSUBSCRIBE_SECRET', env),
    tickMs: 250,
    unreadMessageAfterMs: unreadMessageAfterMs(env),
    reactorConcurrency: positiveInt(env, 'TRELLIS_NOTIFICATIONS_REACTOR_CONCURRENCY', 6),
    reactorEventConcurrency: positiveInt(env, 'TRELLIS_NOTIFICATIONS_EVENT_CONCURRENCY', 16),
    senderConcurrency: positiveInt(env, 'TRELLIS_NOTIFICATIONS_SENDER_CONCURRENCY', 16),
    emailRetry: { baseMs: 250, capMs: 10_000 },
    leaseTtlMs: 5000,
    webhookPolicy: DEFAULT_WEBHOOK_POLICY,
    allowLoopbackWebhooks: env['NODE_ENV'] !== 'production',
    clock: () => new Date(),
  };
}
