import { describe, expect, it } from 'vitest';
import { unreadConversations } from './unread-conversations';

describe('unread conversations', () => {
  it('keeps those with unread messages in the API’s order and adds them up', () => {
    expect(
      unreadConversations([
        { mentorshipId: 'm-1', unreadCount: 2 },
        { mentorshipId: 'm-2', unreadCount: 0 },
        { mentorshipId: 'm-3', unreadCount: 5 },
      ]),
    ).toEqual({
      total: 7,
      withUnread: [
        { mentorshipId: 'm-1', unreadCount: 2 },
        { mentorshipId: 'm-3', unreadCount: 5 },
      ],
    });
    expect(unreadConversations([])).toEqual({ total: 0, withUnread: [] });
  });
});
