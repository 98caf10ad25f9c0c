import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from its inputs: a retried command (or a process manager replaying an event) names the
 * same mentorship, the same commit, the same proposal, so retries are idempotent instead of duplicating.
 */
export function deriveId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
