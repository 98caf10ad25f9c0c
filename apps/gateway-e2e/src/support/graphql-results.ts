import type { GraphqlResult } from '@trellis/shared/stack';

/** The public error codes of a response, in order. */
export function errorCodes(result: { errors?: GraphqlResult['errors'] }): unknown[] {
  return (result.errors ?? []).map((e) => e.extensions?.['code']);
}

/** The data of a response that must have succeeded; otherwise the test fails showing the errors. */
export function dataOf<T>(result: GraphqlResult<T>): T {
  expect(result.errors).toBeUndefined();
  expect(result.data).toBeTruthy();
  return result.data as T;
}

/**
 * Someone with no business here: refused with FORBIDDEN or NOT_FOUND, or — for a query about the caller's own
 * items — an empty answer, which reveals no more than NOT_FOUND. Nothing in the response may name what was hidden.
 */
export function expectHidden(result: GraphqlResult, secrets: string[], kind: 'query' | 'mutation' = 'query'): void {
  const codes = errorCodes(result);
  if (codes.length || kind === 'mutation') {
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(['FORBIDDEN', 'NOT_FOUND']).toContain(code);
  } else {
    for (const value of Object.values(result.data ?? {})) {
      expect(value === null || (Array.isArray(value) && value.length === 0)).toBe(true);
    }
  }
  const text = JSON.stringify(result);
  for (const secret of secrets) expect(text).not.toContain(secret);
}
