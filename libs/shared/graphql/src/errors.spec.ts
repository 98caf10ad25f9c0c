import { AuthenticationError } from '@trellis/shared/auth';
import { ConcurrencyError, DomainError } from '@trellis/shared/event-store';
import { runWithCorrelation, createLogger } from '@trellis/shared/observability';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { classifyError, createErrorFormatter } from './errors';

const resolverError = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['f'] });

describe('public error classification', () => {
  it('keeps domain, authentication and validation errors with their codes', () => {
    expect(classifyError(resolverError(new DomainError('FORBIDDEN', 'Only managers may do this')))).toEqual({
      code: 'FORBIDDEN',
      message: 'Only managers may do this',
      extensions: undefined,
    });
    expect(classifyError(resolverError(new AuthenticationError('expired', 'expired token')))?.code).toBe(
      'UNAUTHENTICATED',
    );
    const zod = z.object({ capacity: z.number().min(1) }).safeParse({ capacity: 0 });
    expect(classifyError(resolverError(zod.error!))).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'capacity' },
    });
    expect(classifyError(resolverError(new ConcurrencyError('s-1', 3, 4)))?.code).toBe('CONFLICT');
  });

  it('publishes the details of a refusal that help fix it, and no others', () => {
    const clash = new DomainError('CONFLICT', 'This time overlaps session s-9', {
      clashingSessionId: 's-9',
      personIds: ['p-1'],
    });
    expect(classifyError(resolverError(clash))).toEqual({
      code: 'CONFLICT',
      message: 'This time overlaps session s-9',
      extensions: { clashingSessionId: 's-9' },
    });
    const fromSubgraph = new GraphQLError('outside availability', {
      extensions: { code: 'CONFLICT', outsideAvailabilityPersonIds: ['p-2'], outsideAvailability: [{ windows: [] }] },
    });
    expect(classifyError(fromSubgraph)?.extensions).toEqual({ outsideAvailabilityPersonIds: ['p-2'] });
    const unanswered = new DomainError('BAD_USER_INPUT', 'Question 2 must be answered.', {
      field: 'answers',
      questionId: 'q-2',
    });
    expect(classifyError(resolverError(unanswered))?.extensions).toEqual({ field: 'answers', questionId: 'q-2' });
  });

  it('passes a subgraph’s public error through the gateway, but not an unmasked INTERNAL', () => {
    const fromSubgraph = new GraphQLError('No such program', { extensions: { code: 'NOT_FOUND', serviceName: 'x' } });
    expect(classifyError(fromSubgraph)).toEqual({ code: 'NOT_FOUND', message: 'No such program', extensions: {} });
    const masked = new GraphQLError('Internal error; quote …', {
      extensions: { code: 'INTERNAL', correlationId: 'c-1' },
    });
    expect(classifyError(masked)?.extensions).toEqual({ correlationId: 'c-1' });
    expect(classifyError(new GraphQLError('boom', { extensions: { code: 'INTERNAL' } }))).toBeUndefined();
    expect(classifyError(new GraphQLError('x', { extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } }))).toBeUndefined();
  });

  it('tells the client to retry when MongoDB or the broker is away, without their error text', () => {
    const format = createErrorFormatter(createLogger('test', { level: 'silent' }));
    const selection = Object.assign(new Error('Server selection timed out after 30000 ms: 127.0.0.1:27017'), {
      name: 'MongoServerSelectionError',
    });
    const refused = new Error('write failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), { code: 'ECONNREFUSED' }),
    });
    const broker = Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), {
      name: 'KafkaJSConnectionError',
    });
    for (const error of [selection, refused, broker]) {
      expect(format({ message: error.message, path: ['enroll'] }, resolverError(error))).toEqual({
        message: 'A service this needs is unavailable for a moment; retry the operation.',
        path: ['enroll'],
        extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterMs: 1000 },
      });
    }
    // Passed on by the gateway with its hint.
    const fromSubgraph = new GraphQLError('A service this needs is unavailable for a moment; retry the operation.', {
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterMs: 1000, serviceName: 'profiles' },
    });
    expect(classifyError(fromSubgraph)).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      extensions: { retryable: true, retryAfterMs: 1000 },
    });
  });

  it('masks anything else with the current correlation id, keeping no trace of the original', () => {
    const format = createErrorFormatter(createLogger('test', { level: 'silent' }));
    const raw = Object.assign(new Error('E11000 duplicate key error collection: secrets'), { code: 11000 });
    const formatted = runWithCorrelation({ correlationId: 'corr-12345678' }, () =>
      format(
        { message: raw.message, path: ['f'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] } },
        resolverError(raw),
      ),
    );
    expect(formatted).toEqual({
      message: 'Internal error; quote correlation id corr-12345678 when reporting it.',
      path: ['f'],
      extensions: { code: 'INTERNAL', correlationId: 'corr-12345678' },
    });
  });
});
