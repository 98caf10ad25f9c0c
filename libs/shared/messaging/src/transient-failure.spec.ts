import { isTransientFailure } from './transient-failure';

describe('isTransientFailure', () => {
  it.each([
    [
      'MongoDB unreachable',
      Object.assign(new Error('server selection timed out'), { name: 'MongoServerSelectionError' }),
    ],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), { code: 'ECONNREFUSED' }),
    ],
    ['an error that says so', Object.assign(new Error('revision 4 must wait for 3'), { transient: true })],
    [
      'a wrapped outage',
      new Error('projection failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) }),
    ],
  ])('waits out %s', (_what, error) => {
    expect(isTransientFailure(error)).toBe(true);
  });

  it.each([
    ['a domain refusal', Object.assign(new Error('mentor is at capacity'), { name: 'DomainError', code: 'CONFLICT' })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'personId')")],
    ['a thrown string', 'boom'],
  ])('dead-letters %s after its attempts', (_what, error) => {
    expect(isTransientFailure(error)).toBe(false);
  });
});
