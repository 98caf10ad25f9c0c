import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** What the person is told; each kind has its message under `errors.<kind>` in the catalogues. */
export type ErrorKind =
  | 'badUserInput'
  | 'conflict'
  | 'unavailable'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'network'
  | 'unknown';

export interface DescribedError {
  kind: ErrorKind;
  /** Set when sending the same operation again may succeed; the gateway says how long to wait first. */
  retryAfterMs?: number;
  /** The server's own explanation of a BAD_USER_INPUT or CONFLICT, which names the offending value. */
  detail?: string;
  /** The input field a BAD_USER_INPUT concerns (`extensions.field`), so a form can show the message on it. */
  field?: string;
  /** The question of a form of questions (a survey's answers) a BAD_USER_INPUT concerns, so it shows on that one. */
  questionId?: string;
  /** For a CONFLICT with another booking: the session the new time overlaps, so the app can name it. */
  clashingSessionId?: string;
  /** For a CONFLICT with someone's stated availability: the organizer may confirm the time anyway. */
  outsideAvailability?: boolean;
}

interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown> | undefined;
}

const DEFAULT_RETRY_AFTER_MS = 1000;

// Public error codes of the gateway (libs/shared/graphql); anything else is unexpected.
const kindOfCode: Record<string, ErrorKind> = {
  BAD_USER_INPUT: 'badUserInput',
  CONFLICT: 'conflict',
  SERVICE_UNAVAILABLE: 'unavailable',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'notFound',
};

// The most actionable first: a retry may fix unavailability, but not a refused input.
const precedence: ErrorKind[] = ['unauthenticated', 'forbidden', 'notFound', 'badUserInput', 'conflict', 'unavailable'];

function fromGraphqlErrors(errors: readonly ErrorLike[]): DescribedError {
  const kinds = errors.map((e) => kindOfCode[String(e.extensions?.['code'])] ?? 'unknown');
  const kind = precedence.find((k) => kinds.includes(k)) ?? 'unknown';
  if (kind === 'unavailable') {
    const waits = errors
      .filter((e) => e.extensions?.['code'] === 'SERVICE_UNAVAILABLE')
      .map((e) => Number(e.extensions?.['retryAfterMs']))
      .filter((ms) => Number.isFinite(ms) && ms >= 0);
    return { kind, retryAfterMs: waits.length ? Math.max(...waits) : DEFAULT_RETRY_AFTER_MS };
  }
  if (kind === 'badUserInput' || kind === 'conflict') {
    const first = errors.find((e) => kindOfCode[String(e.extensions?.['code'])] === kind);
    const field = first?.extensions?.['field'];
    const clashingSessionId = first?.extensions?.['clashingSessionId'];
    const questionId = first?.extensions?.['questionId'];
    return {
      kind,
      ...(first?.message && { detail: first.message }),
      ...(kind === 'badUserInput' && typeof field === 'string' && { field }),
      ...(kind === 'badUserInput' && typeof questionId === 'string' && { questionId }),
      ...(kind === 'conflict' && typeof clashingSessionId === 'string' && { clashingSessionId }),
      ...(kind === 'conflict' &&
        Array.isArray(first?.extensions?.['outsideAvailabilityPersonIds']) && { outsideAvailability: true }),
    };
  }
  return { kind };
}

function errorsInBody(bodyText: string): ErrorLike[] {
  try {
    const body = JSON.parse(bodyText) as { errors?: unknown };
    return Array.isArray(body.errors) ? (body.errors as ErrorLike[]) : [];
  } catch {
    return [];
  }
}

/** Maps whatever Apollo Client reports for a failed operation to what the person is told and whether to retry. */
export function describeError(error: unknown): DescribedError {
  if (CombinedGraphQLErrors.is(error)) return fromGraphqlErrors(error.errors);
  if (ServerError.is(error)) {
    const errors = errorsInBody(error.bodyText);
    if (errors.length) return fromGraphqlErrors(errors);
    if (error.statusCode === 401) return { kind: 'unauthenticated' };
    if (error.statusCode === 429 || error.statusCode >= 500) {
      return { kind: 'unavailable', retryAfterMs: DEFAULT_RETRY_AFTER_MS };
    }
    return { kind: 'unknown' };
  }
  if (error instanceof TypeError) return { kind: 'network' };
  return { kind: 'unknown' };
}
