import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { describeError } from './graphql-errors';

const graphqlErrors = (...errors: Array<{ message: string; extensions?: Record<string, unknown> }>) =>
  new CombinedGraphQLErrors({ data: null, errors }, errors);

const serverError = (status: number, body: string) =>
  new ServerError('failed', { response: new Response(body, { status }), bodyText: body });

describe('describeError', () => {
  it('passes the server’s explanation of refused input on', () => {
    const error = graphqlErrors({ message: 'capacity must be at least 1', extensions: { code: 'BAD_USER_INPUT' } });
    expect(describeError(error)).toEqual({ kind: 'badUserInput', detail: 'capacity must be at least 1' });
  });

  it('names the field refused input concerns, for the form to show the message on it', () => {
    const error = graphqlErrors({
      message: '"C++!" is not a valid entry for skillsSought',
      extensions: { code: 'BAD_USER_INPUT', field: 'skillsSought' },
    });
    expect(describeError(error)).toEqual({
      kind: 'badUserInput',
      detail: '"C++!" is not a valid entry for skillsSought',
      field: 'skillsSought',
    });
  });

  it('names the question of a survey refused input concerns, for the answer page to show it there', () => {
    const error = graphqlErrors({
      message: 'Question 2 must be answered.',
      extensions: { code: 'BAD_USER_INPUT', field: 'answers', questionId: 'q2' },
    });
    expect(describeError(error)).toEqual({
      kind: 'badUserInput',
      detail: 'Question 2 must be answered.',
      field: 'answers',
      questionId: 'q2',
    });
  });

  it('reports a conflict with its explanation', () => {
    const error = graphqlErrors({ message: 'already accepted', extensions: { code: 'CONFLICT' } });
    expect(describeError(error)).toEqual({ kind: 'conflict', detail: 'already accepted' });
  });

  it('names the session a new time clashes with, and says when only availability is in the way', () => {
    const clash = graphqlErrors({
      message: 'This time overlaps session s-1',
      extensions: { code: 'CONFLICT', clashingSessionId: 's-1', personIds: ['p-1'] },
    });
    expect(describeError(clash)).toEqual({
      kind: 'conflict',
      detail: 'This time overlaps session s-1',
      clashingSessionId: 's-1',
    });
    const outside = graphqlErrors({
      message: 'This time is outside the stated availability of one attendee',
      extensions: { code: 'CONFLICT', outsideAvailabilityPersonIds: ['p-2'] },
    });
    expect(describeError(outside)).toMatchObject({ kind: 'conflict', outsideAvailability: true });
  });

  it('retries an unavailable service after the longest wait the gateway asks for', () => {
    const error = graphqlErrors(
      { message: 'profiles is unavailable', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterMs: 500 } },
      { message: 'matching is unavailable', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterMs: 2000 } },
    );
    expect(describeError(error)).toEqual({ kind: 'unavailable', retryAfterMs: 2000 });
  });

  it('waits a second when an unavailable service names no wait', () => {
    const error = graphqlErrors({ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(describeError(error)).toEqual({ kind: 'unavailable', retryAfterMs: 1000 });
  });

  it('does not offer a retry that cannot help: refused input wins over unavailability', () => {
    const error = graphqlErrors(
      { message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterMs: 100 } },
      { message: 'bad name', extensions: { code: 'BAD_USER_INPUT' } },
    );
    expect(describeError(error).kind).toBe('badUserInput');
  });

  it('maps access codes and unknown codes', () => {
    expect(describeError(graphqlErrors({ message: 'x', extensions: { code: 'FORBIDDEN' } })).kind).toBe('forbidden');
    expect(describeError(graphqlErrors({ message: 'x', extensions: { code: 'NOT_FOUND' } })).kind).toBe('notFound');
    expect(describeError(graphqlErrors({ message: 'x', extensions: { code: 'INTERNAL' } })).kind).toBe('unknown');
    expect(describeError(graphqlErrors({ message: 'x' })).kind).toBe('unknown');
  });

  it('reads GraphQL errors from a non-2xx response body', () => {
    const body = JSON.stringify({ errors: [{ message: 'no token', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(describeError(serverError(401, body))).toEqual({ kind: 'unauthenticated' });
  });

  it('treats a bare 5xx or 429 as retryable unavailability and a failed fetch as a network error', () => {
    expect(describeError(serverError(503, 'Service Unavailable'))).toEqual({ kind: 'unavailable', retryAfterMs: 1000 });
    expect(describeError(serverError(429, ''))).toEqual({ kind: 'unavailable', retryAfterMs: 1000 });
    expect(describeError(new TypeError('Failed to fetch'))).toEqual({ kind: 'network' });
    expect(describeError(new Error('?'))).toEqual({ kind: 'unknown' });
  });
});
