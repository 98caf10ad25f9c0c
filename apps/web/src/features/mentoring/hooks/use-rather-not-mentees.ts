import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { newCommandId } from '../../../lib/command-id';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { MY_RATHER_NOT, SET_RATHER_NOT } from '../api/preferences';

export interface RatherNotMentee {
  personId: string;
  /** Null when profiles no longer shows the person (erased, or left the program). */
  name: string | null;
}

export interface RatherNotMentees {
  /** Null until the list is known: nothing is offered then. */
  mentees: readonly RatherNotMentee[] | null;
  pending: boolean;
  failure: DescribedError | null;
  add: (menteePersonId: string) => Promise<boolean>;
  remove: (menteePersonId: string) => Promise<boolean>;
}

/** The mentees a mentor would rather not take in a program; each change is one command with its own id. */
export function useRatherNotMentees(programId: string): RatherNotMentees {
  const { data } = useQuery(MY_RATHER_NOT, { variables: { programId } });
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [save, saving] = useMutation(SET_RATHER_NOT, {
    refetchQueries: [{ query: MY_RATHER_NOT, variables: { programId } }],
    awaitRefetchQueries: true,
  });
  const preferences = data?.myMatchingPreferences ?? null;
  const ids = preferences?.ratherNotMenteePersonIds ?? null;
  const replace = async (menteePersonIds: string[]) => {
    setFailure(null);
    try {
      await save({ variables: { programId, menteePersonIds, commandId: newCommandId() } });
      return true;
    } catch (error) {
      setFailure(describeError(error));
      return false;
    }
  };
  return {
    mentees:
      preferences && ids
        ? ids.map((personId, i) => ({ personId, name: preferences.ratherNotMentees[i]?.displayName ?? null }))
        : null,
    pending: saving.loading,
    failure,
    add: (menteePersonId) =>
      ids === null || ids.includes(menteePersonId) ? Promise.resolve(true) : replace([...ids, menteePersonId]),
    remove: (menteePersonId) =>
      ids === null ? Promise.resolve(true) : replace(ids.filter((id) => id !== menteePersonId)),
  };
}
