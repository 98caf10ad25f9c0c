import { describe, expect, it } from 'vitest';
import { WEBHOOK_CATEGORIES, webhookUrlProblem } from './webhook-draft';

describe('webhookUrlProblem', () => {
  it('asks for an address, then for an http(s) one, and leaves the rest to the API', () => {
    expect(webhookUrlProblem('  ')).toBe('urlRequired');
    expect(webhookUrlProblem('hooks.example/trellis')).toBe('urlInvalid');
    expect(webhookUrlProblem('ftp://hooks.example/trellis')).toBe('urlInvalid');
    expect(webhookUrlProblem('mailto:ops@hooks.example')).toBe('urlInvalid');
    expect(webhookUrlProblem(' https://hooks.example/trellis ')).toBeNull();
    expect(webhookUrlProblem('http://hooks.example/trellis')).toBeNull();
  });
});

describe('WEBHOOK_CATEGORIES', () => {
  it('offers every category a webhook can receive, and not the admins’ own alert', () => {
    expect(WEBHOOK_CATEGORIES).toContain('MENTORSHIP_STARTED');
    expect(WEBHOOK_CATEGORIES).not.toContain('WEBHOOK_ALERTS');
    expect(WEBHOOK_CATEGORIES).toHaveLength(11);
  });
});
