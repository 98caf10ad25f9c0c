import { randomUUID } from 'node:crypto';
import { notificationsEventSchemas } from '@trellis/notifications/contracts';
import { deliveryKey, unreadMessageReminderId } from '@trellis/notifications/domain';
import { reminderFiringId } from './reminder-sender';

describe('reminder firing ids', () => {
  it('keep every delivery key of an unread-message reminder within what the inbox announcement accepts', () => {
    const [tenant, mentorship, person] = [randomUUID(), randomUUID(), randomUUID()];
    const row = { _id: `${tenant}|${unreadMessageReminderId(mentorship, person)}`, sequence: 12 };
    const notificationId = deliveryKey(reminderFiringId(row), person, 'in-app', 'conversation-unread');
    expect(
      notificationsEventSchemas.NotificationDelivered.safeParse({
        notificationId,
        recipientPersonId: person,
        category: 'conversations',
        priority: 'normal',
        templateId: 'conversation-unread',
        createdAt: new Date().toISOString(),
      }).success,
    ).toBe(true);
  });

  it('are the same for the same firing and differ for a moved reminder', () => {
    const long = `${randomUUID()}|${unreadMessageReminderId(randomUUID(), randomUUID())}`;
    expect(reminderFiringId({ _id: long, sequence: 3 })).toBe(reminderFiringId({ _id: long, sequence: 3 }));
    expect(reminderFiringId({ _id: long, sequence: 4 })).not.toBe(reminderFiringId({ _id: long, sequence: 3 }));
    expect(reminderFiringId({ _id: 'org|goal:g1:goal-2d', sequence: 0 })).toBe('reminder:org|goal:g1:goal-2d:0');
  });
});
