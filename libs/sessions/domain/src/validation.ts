import { DomainError } from '@trellis/shared/kernel';
import { idSchema } from '@trellis/sessions/contracts';

export function requireId(value: unknown, field: string): string {
  if (!idSchema.safeParse(value).success) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be an identifier.`, { field });
  }
  return value as string;
}

export function optionalId(value: unknown, field: string): string | undefined {
  return value === undefined || value === null ? undefined : requireId(value, field);
}

export function requireInt(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be a whole number from ${min} to ${max}.`, { field });
  }
  return value;
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be one of: ${allowed.join(', ')}.`, { field });
  }
  return value as T;
}

export function requireDistinctIds(values: unknown, field: string, max: number): string[] {
  if (!Array.isArray(values)) throw new DomainError('BAD_USER_INPUT', `${field} must be a list.`, { field });
  if (values.length > max) {
    throw new DomainError('BAD_USER_INPUT', `${field} may list at most ${max} entries.`, { field });
  }
  const ids = values.map((v) => requireId(v, field));
  if (new Set(ids).size !== ids.length) {
    throw new DomainError('BAD_USER_INPUT', `${field} lists the same entry twice.`, { field });
  }
  return ids;
}

/** Spreads `{ key: value }` only when the value is present, so events carry no `undefined` fields. */
export function withOptional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
