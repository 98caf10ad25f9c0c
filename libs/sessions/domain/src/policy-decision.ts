import { DomainError, type DomainErrorCode } from '@trellis/shared/kernel';

/**
 * What an access or input policy answers: allowed (with what it found out) or refused with the code and message the
 * API layer shows. Policies stay pure; the use case that asked turns a refusal into a DomainError with `enforce`.
 */
export type PolicyDecision<T = true> =
  | { allowed: true; value: T }
  | { allowed: false; code: DomainErrorCode; message: string; details: Record<string, unknown> };

export const allow = <T>(value: T): PolicyDecision<T> => ({ allowed: true, value });

export const refuse = <T = never>(
  code: DomainErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): PolicyDecision<T> => ({ allowed: false, code, message, details });

/** The allowed value, or the refusal thrown as the DomainError it stands for. */
export function enforce<T>(decision: PolicyDecision<T>): T {
  if (!decision.allowed) throw new DomainError(decision.code, decision.message, decision.details);
  return decision.value;
}
