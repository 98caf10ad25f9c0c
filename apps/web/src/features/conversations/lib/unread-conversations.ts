interface Summary {
  mentorshipId: string;
  unreadCount: number;
}

/** The conversations with unread messages, most recent activity first as the API lists them, and their total. */
export function unreadConversations<S extends Summary>(summaries: readonly S[]): { total: number; withUnread: S[] } {
  const withUnread = summaries.filter((s) => s.unreadCount > 0);
  return { total: withUnread.reduce((sum, s) => sum + s.unreadCount, 0), withUnread };
}
