import type { NotificationCategory } from '@trellis/notifications/contracts';
import { signUnsubscribeToken } from '@trellis/notifications/domain';

/** The signed one-click unsubscribe link an email or digest carries, on this service's public address. */
export function unsubscribeLink(
  publicUrl: string,
  secret: string,
  tenantId: string,
  personId: string,
  category: NotificationCategory,
): string {
  const token = signUnsubscribeToken({ tenantId, personId, category }, secret);
  return `${publicUrl.replace(/\/$/, '')}/unsubscribe?token=${token}`;
}
