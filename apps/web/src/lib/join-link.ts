/**
 * The link to join a session's call: only an online session's place that is a web address the browser can open
 * safely (https), so a place such as "Room 4" or a mistyped link never becomes a button.
 */
export function joinLinkOf(session: { mode: string; place?: string | null | undefined }): string | null {
  if (session.mode !== 'VIRTUAL' || !session.place?.startsWith('https://')) return null;
  return session.place;
}
