import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe';
import {
  DEFAULT_WEBHOOK_POLICY,
  decideWebhookFailure,
  isAllowedWebhookUrl,
  signWebhookPayload,
  verifyWebhookSignature,
} from './webhooks';

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

const secret = 'a-test-secret-of-enough-length';

describe('one-click unsubscribe tokens', () => {
  const claim = { tenantId: 'org', personId: 'mia', category: 'feedback-requests' as const };

  it('given a signed token, when verified with the same secret, then it names exactly its person and category', () => {
    expect(verifyUnsubscribeToken(signUnsubscribeToken(claim, secret), secret)).toEqual(claim);
  });

  it('cannot be re-pointed at another person or category, nor forged without the secret', () => {
    const token = signUnsubscribeToken(claim, secret);
    const [, signature] = token.split('.');
    for (const other of [
      { ...claim, personId: 'max' },
      { ...claim, category: 'session-updates' as const },
      { ...claim, tenantId: 'other-org' },
    ]) {
      const [payload] = signUnsubscribeToken(other, secret).split('.');
      expect(codeOf(() => verifyUnsubscribeToken(`${payload}.${signature}`, secret))).toBe('BAD_USER_INPUT');
    }
    expect(() => verifyUnsubscribeToken(signUnsubscribeToken(claim, 'another-secret-of-length'), secret)).toThrow();
    expect(() => verifyUnsubscribeToken('garbage', secret)).toThrow();
  });
});

describe('webhook signing and failure policy', () => {
  const at = new Date('2026-03-02T10:00:00.000Z');

  it('signs timestamp and body; a changed body, stale timestamp or other secret fails verification', () => {
    const body = JSON.stringify({ id: 'e1', category: 'session-updates' });
    const header = signWebhookPayload(secret, body, at);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, body, header, at)).toBe(true);
    expect(verifyWebhookSignature(secret, `${body} `, header, at)).toBe(false);
    expect(verifyWebhookSignature('other-secret-of-length', body, header, at)).toBe(false);
    expect(verifyWebhookSignature(secret, body, header, new Date(at.getTime() + 600_000))).toBe(false);
  });

  it('retries with growing delays, gives up after the schedule, disables after N consecutive failures', () => {
    const policy = { retryDelaysMs: [1000, 5000], disableAfterFailures: 4 };
    expect(decideWebhookFailure(policy, 1, 0, at).delivery).toEqual({ retryAt: new Date(at.getTime() + 1000) });
    expect(decideWebhookFailure(policy, 2, 1, at).delivery).toEqual({ retryAt: new Date(at.getTime() + 5000) });
    expect(decideWebhookFailure(policy, 3, 2, at)).toEqual({
      delivery: { gaveUp: true },
      disableEndpoint: false,
      consecutiveFailures: 3,
    });
    expect(decideWebhookFailure(policy, 1, 3, at)).toMatchObject({ delivery: { gaveUp: true }, disableEndpoint: true });
    expect(DEFAULT_WEBHOOK_POLICY.retryDelaysMs).toEqual(
      [...DEFAULT_WEBHOOK_POLICY.retryDelaysMs].sort((a, b) => a - b),
    );
  });

  it('accepts https endpoints only (loopback http when allowed), never credentials in the URL', () => {
    expect(isAllowedWebhookUrl('https://hooks.slack.com/services/x', false)).toBe(true);
    expect(isAllowedWebhookUrl('http://hooks.example.org/x', true)).toBe(false);
    expect(isAllowedWebhookUrl('http://127.0.0.1:9000/x', true)).toBe(true);
    expect(isAllowedWebhookUrl('https://user:pw@example.org/', false)).toBe(false);
  });
});
