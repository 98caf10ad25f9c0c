import { z } from 'zod';

/**
 * What the notifications service tells the rest of Trellis — above all the gateway, which turns NotificationDelivered
 * into the live inbox subscription (ADR 0003). Ids, enums and times only: the rendered text stays in the inbox.
 */
export const NOTIFICATIONS_TOPIC = 'notifications.events.v1';

export const NOTIFICATION_CATEGORIES = [
  'match-proposals',
  'mentorship-requests',
  'request-outcomes',
  'mentorship-started',
  'session-updates',
  'session-reminders',
  'feedback-requests',
  'engagement-health',
  'goal-reminders',
  'enrollment-invitations',
  'matching-rounds',
  'webhook-alerts',
  'conversations',
  'surveys',
] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];
export const notificationCategorySchema = z.enum(NOTIFICATION_CATEGORIES);

/** critical: never deferred, digested nor budgeted; low: may be folded into a digest. */
export const NOTIFICATION_PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;
export type NotificationPriority = (typeof NOTIFICATION_PRIORITIES)[number];
export const notificationPrioritySchema = z.enum(NOTIFICATION_PRIORITIES);

export const NOTIFICATION_CHANNELS = ['in-app', 'email', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const DIGEST_MODES = ['immediate', 'daily', 'weekly'] as const;
export type DigestMode = (typeof DIGEST_MODES)[number];

export const TEMPLATE_IDS = [
  'match-proposed',
  'mentor-requested',
  'request-accepted',
  'request-declined',
  'request-expired',
  'mentorship-started',
  'session-scheduled',
  'session-rescheduled',
  'session-cancelled',
  'session-reminder-24h',
  'session-reminder-1h',
  'feedback-requested',
  'engagement-at-risk',
  'engagement-stalled',
  'engagement-nudge',
  'goal-due-soon',
  'enrollment-invitation',
  'matching-round-published',
  'webhook-disabled',
  'conversation-warning',
  'conversation-unread',
  'survey-invitation',
  'survey-reminder',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
export const templateIdSchema = z.enum(TEMPLATE_IDS);

const id = z.string().min(1).max(200);

export const notificationsEventSchemas = {
  /** One inbox item reached its recipient; the gateway pushes it to that person's subscription only. */
  NotificationDelivered: z
    .object({
      notificationId: id,
      recipientPersonId: id,
      category: notificationCategorySchema,
      priority: notificationPrioritySchema,
      templateId: templateIdSchema,
      createdAt: z.string().datetime(),
    })
    .strict(),
  NotificationsRead: z
    .object({ recipientPersonId: id, notificationIds: z.array(id).max(1000), allRead: z.boolean() })
    .strict(),
  WebhookEndpointDisabled: z
    .object({ webhookId: id, consecutiveFailures: z.number().int().min(1), disabledAt: z.string().datetime() })
    .strict(),
} as const;

export type NotificationsEventType = keyof typeof notificationsEventSchemas;
export type NotificationsEventData<T extends NotificationsEventType> = z.infer<(typeof notificationsEventSchemas)[T]>;

/** In the shape of `EventContract` (@trellis/shared/messaging). */
export const notificationsContracts = Object.entries(notificationsEventSchemas).map(([type, data]) => ({
  type,
  schemaVersion: 1,
  data: data as unknown as z.ZodType<Record<string, unknown>>,
}));

/** Stream (message key) of a person's notifications: per-person order on one partition. */
export const notificationStreamId = (personId: string): string => `notifications-${personId}`;
export const webhookStreamId = (webhookId: string): string => `webhook-${webhookId}`;
