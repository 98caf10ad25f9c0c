import { useCallback, useState } from 'react';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';

/**
 * Runs one change at a time and keeps its refusal to show next to the control that caused it; a new attempt clears
 * the previous refusal. Resolves true when the change was accepted.
 */
export function useAction(): {
  failure: DescribedError | null;
  run: (change: () => Promise<unknown>) => Promise<boolean>;
  clear: () => void;
} {
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const run = useCallback(async (change: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await change();
      return true;
    } catch (error) {
      setFailure(describeError(error));
      return false;
    }
  }, []);
  const clear = useCallback(() => setFailure(null), []);
  return { failure, run, clear };
}
