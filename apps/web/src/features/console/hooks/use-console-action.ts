import { useCallback, useState } from 'react';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';

/** Runs one change and keeps its refusal for the form that caused it; resolves true when the change was accepted. */
export function useConsoleAction(): {
  failure: DescribedError | null;
  run: (change: () => Promise<unknown>) => Promise<boolean>;
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
  return { failure, run };
}
