import { act, renderHook } from '@testing-library/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { useAction } from './use-action';

describe('useAction', () => {
  it('keeps the refusal of a failed change and clears it on the next attempt', async () => {
    const { result } = renderHook(() => useAction());
    const errors = [{ message: 'Rating must be 1 to 5', extensions: { code: 'BAD_USER_INPUT', field: 'rating' } }];
    const refusal = new CombinedGraphQLErrors({ data: null, errors }, errors);
    let accepted = true;
    await act(async () => {
      accepted = await result.current.run(() => Promise.reject(refusal));
    });
    expect(accepted).toBe(false);
    expect(result.current.failure).toEqual({ kind: 'badUserInput', field: 'rating', detail: 'Rating must be 1 to 5' });
    await act(async () => {
      accepted = await result.current.run(() => Promise.resolve());
    });
    expect(accepted).toBe(true);
    expect(result.current.failure).toBeNull();
  });
});
