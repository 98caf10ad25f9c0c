import { describeError } from '../../../lib/graphql-errors';

/**
 * Whether the API refused a console query: another organization's program is "not found", another program's
 * "forbidden". The console answers both with the same refusal, so neither tells whether the thing exists.
 */
export function isRefused(error: unknown): boolean {
  const kind = describeError(error).kind;
  return kind === 'notFound' || kind === 'forbidden';
}
