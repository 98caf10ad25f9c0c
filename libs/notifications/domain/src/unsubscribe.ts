import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NotificationCategory } from '@trellis/notifications/contracts';
import { DomainError } from '@trellis/shared/kernel';
import { assertCategory } from './preferences';

export interface UnsubscribeClaim {
  tenantId: string;
  personId: string;
  category: NotificationCategory;
}

const b64 = (value: Buffer | string) => Buffer.from(value).toString('base64url');
const mac = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`unsubscribe.v1.${payload}`).digest();

/**
 * A one-click unsubscribe token: the claim (tenant, person, category) in the clear, bound by an HMAC. Changing any
 * part of it — another person, another category — breaks the MAC, so a link works for exactly what it was minted for.
 * It needs no login (RFC 8058) and applying it twice is harmless, so it carries no expiry.
 */
export function signUnsubscribeToken(claim: UnsubscribeClaim, secret: string): string {
  assertSecret(secret);
  const payload = b64(JSON.stringify([claim.tenantId, claim.personId, claim.category]));
  return `${payload}.${b64(mac(secret, payload))}`;
}

export function verifyUnsubscribeToken(token: string, secret: string): UnsubscribeClaim {
  assertSecret(secret);
  const invalid = () => new DomainError('BAD_USER_INPUT', 'This unsubscribe link is not valid', { field: 'token' });
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || token.length > 2000) throw invalid();
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((p) => typeof p === 'string' && p)) {
    throw invalid();
  }
  const [tenantId, personId, category] = parsed as [string, string, string];
  return { tenantId, personId, category: assertCategory(category) };
}

function assertSecret(secret: string): void {
  if (secret.length < 16) throw new Error('unsubscribe secret must have at least 16 characters');
}
