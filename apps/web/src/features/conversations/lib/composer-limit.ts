/** What the API accepts in one message (the sessions service's `message` text rule). */
export const MESSAGE_MAX_LENGTH = 4000;
/** The count of characters left is shown this close to the limit, so it does not distract from a short message. */
export const SHOW_REMAINING_WITHIN = 500;

/** Characters left before the limit (negative when over it), or undefined while the message is far from it. */
export function remainingCharacters(text: string, max = MESSAGE_MAX_LENGTH): number | undefined {
  // The API checks the trimmed text.
  const left = max - text.trim().length;
  return left <= SHOW_REMAINING_WITHIN ? left : undefined;
}

/** Enter sends, Shift+Enter starts a new line; Enter while composing with an input method finishes the word. */
export function isSendKey(event: { key: string; shiftKey: boolean; isComposing?: boolean }): boolean {
  return event.key === 'Enter' && !event.shiftKey && event.isComposing !== true;
}
