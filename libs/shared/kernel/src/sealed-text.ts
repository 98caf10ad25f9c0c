/**
 * Free text (names, messages, goals, reflections) after the application sealed it with the person's own key
 * (docs/architecture.md §7). The domain only checks that it is there and carries it into events; it never sees the
 * words. The rest of the value (key owner, nonce, ciphertext) is the application's business.
 */
export interface SealedText {
  /** Format marker of the application's encryption (e.g. `aes-256-gcm:v1`). */
  readonly enc: string;
}
