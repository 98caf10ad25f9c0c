import { MATCHING_TOPIC } from '@trellis/matching/contracts';
import { PROFILES_TOPIC } from '@trellis/profiles/contracts';

/** Topic and consumer-group names; tests use their own so they never join the real service's groups. */
export interface MatchingOptions {
  profilesTopic?: string;
  matchingTopic?: string;
  /** Prefix of consumer group names (`matching` in production; unique per test). */
  groupPrefix?: string;
  expiryPollMs?: number;
}

export type MatchingSettings = Required<Omit<MatchingOptions, 'expiryPollMs'>> & Pick<MatchingOptions, 'expiryPollMs'>;

export const MATCHING_SETTINGS = Symbol('MATCHING_SETTINGS');

export function matchingSettings(options: MatchingOptions): MatchingSettings {
  return {
    profilesTopic: options.profilesTopic ?? PROFILES_TOPIC,
    matchingTopic: options.matchingTopic ?? MATCHING_TOPIC,
    groupPrefix: options.groupPrefix ?? 'matching',
    ...(options.expiryPollMs ? { expiryPollMs: options.expiryPollMs } : {}),
  };
}
