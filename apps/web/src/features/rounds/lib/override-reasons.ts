import type { RoundOverrideReason } from '../../../gql/graphql';

export const OVERRIDE_REASONS: readonly RoundOverrideReason[] = [
  'BETTER_FIT',
  'PARTICIPANT_PREFERENCE',
  'KNOWN_CONFLICT',
  'MANAGER_JUDGEMENT',
  'OTHER',
];

const isReason = (value: string): value is RoundOverrideReason =>
  (OVERRIDE_REASONS as readonly string[]).includes(value);

/**
 * The history reports a reason as the service stores it (`better-fit`), the mutations take the GraphQL enum
 * (`BETTER_FIT`): both name the same catalogue entry. Anything unknown (a reason added later) reads as OTHER.
 */
export function overrideReasonOf(stored: string | null | undefined): RoundOverrideReason | null {
  if (!stored) return null;
  const value = stored.toUpperCase().replace(/-/g, '_');
  return isReason(value) ? value : 'OTHER';
}
