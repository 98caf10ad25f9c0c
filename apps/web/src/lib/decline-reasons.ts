import type { DeclineReason } from '../gql/graphql';

/** The reasons a person may give for saying no to a request or a proposal, in the order the pickers offer them. */
export const DECLINE_REASONS: DeclineReason[] = [
  'NO_CAPACITY',
  'SCHEDULE_CONFLICT',
  'DIFFERENT_GOALS',
  'NOT_A_GOOD_FIT',
  'PERSONAL_REASONS',
  'OTHER',
];
