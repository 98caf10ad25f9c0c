import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { newCommandId } from '../../../lib/command-id';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { MY_PREFERENCES, SET_PREFERRED_MENTORS } from '../api/preferences';
import { togglePreferred } from '../lib/preferred-mentors';

export interface PreferredMentors {
  /** Null until the preferences are known (or when they cannot be read): no marking offered then. */
  preferred: readonly string[] | null;
  max: number;
  pending: boolean;
  failure: DescribedError | null;
  toggle: (mentorPersonId: string) => Promise<void>;
}

/** A mentee's preferred mentors in a program, and marking or unmarking one, each change with its own command id. */
export function usePreferredMentors(programId: string): PreferredMentors {
  const { data } = useQuery(MY_PREFERENCES, { variables: { programId } });
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [save, saving] = useMutation(SET_PREFERRED_MENTORS, {
    refetchQueries: [{ query: MY_PREFERENCES, variables: { programId } }],
    awaitRefetchQueries: true,
  });
  const preferences = data?.myMatchingPreferences ?? null;
  return {
    preferred: preferences?.preferredMentorPersonIds ?? null,
    max: preferences?.maxPreferredMentors ?? 0,
    pending: saving.loading,
    failure,
    toggle: async (mentorPersonId) => {
      if (!preferences) return;
      setFailure(null);
      try {
        await save({
          variables: {
            programId,
            mentorPersonIds: togglePreferred(preferences.preferredMentorPersonIds, mentorPersonId),
            commandId: newCommandId(),
          },
        });
      } catch (error) {
        setFailure(describeError(error));
      }
    },
  };
}
