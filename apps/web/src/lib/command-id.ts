/**
 * The idempotency key of one user action. Made once per action and put in that mutation's variables, so a retry of
 * the same send (by Apollo or the network) carries the same id and is answered with the first result, while the next
 * action gets an id of its own.
 */
export function newCommandId(): string {
  return crypto.randomUUID();
}
