import { GraphQLError } from 'graphql';
import { findRetryable, serviceUnavailable, withRetryableErrors } from './retryable-errors';

describe('retryable errors', () => {
  const masked = (formatted: { message: string }) => ({
    message: 'Internal error',
    extensions: { code: 'INTERNAL', was: formatted.message },
  });
  const format = withRetryableErrors(masked);

  it('lets SERVICE_UNAVAILABLE through with retryable, retryAfterMs and the subgraph, however Apollo wrapped it', () => {
    const thrown = serviceUnavailable('matching', 500);
    const wrapped = new GraphQLError('wrapped', { originalError: thrown, path: ['requestMentor'] });
    expect(findRetryable(wrapped)).toBe(thrown);
    expect(format({ message: 'wrapped', path: ['requestMentor'] }, wrapped)).toEqual({
      message: thrown.message,
      path: ['requestMentor'],
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterMs: 500, subgraph: 'matching' },
    });
  });

  it('passes on a subgraph’s own SERVICE_UNAVAILABLE (its database or broker is away) with the hint', () => {
    const downstream = new GraphQLError('A service this needs is unavailable for a moment; retry the operation.', {
      path: ['enroll'],
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterMs: 1000, serviceName: 'profiles' },
    });
    expect(format({ message: downstream.message, path: ['enroll'] }, downstream)).toEqual({
      message: downstream.message,
      path: ['enroll'],
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterMs: 1000, subgraph: 'profiles' },
    });
  });

  it('leaves every other error to the masking formatter', () => {
    const other = new GraphQLError('connect ECONNREFUSED 10.0.0.7:4002');
    expect(findRetryable(other)).toBeUndefined();
    expect(format({ message: other.message }, other)).toEqual({
      message: 'Internal error',
      extensions: { code: 'INTERNAL', was: other.message },
    });
  });
});
