import { renderDigest, renderEmail } from './templates';

describe('email templates', () => {
  const ctx = {
    timeZone: 'America/New_York',
    displayName: 'Mia',
    appUrl: 'https://app.trellis.test',
    subject: { kind: 'session', id: 's1' },
    params: { startsAt: '2026-03-05T14:00:00.000Z', endsAt: '2026-03-05T15:00:00.000Z' },
  };

  it('given a session in UTC, then the email shows it in the recipient’s zone, with a link and an unsubscribe link', () => {
    const email = renderEmail('session-scheduled', ctx, 'https://app.trellis.test/unsubscribe?token=t');
    expect(email.text).toContain('09:00');
    expect(email.text).toContain('GMT-5');
    expect(email.text).toContain('https://app.trellis.test/sessions/s1');
    expect(email.html).toContain('href="https://app.trellis.test/unsubscribe?token=t"');
  });

  it('escapes what it puts into HTML', () => {
    const email = renderEmail('session-scheduled', { ...ctx, displayName: '<b>Mia</b>' }, 'https://x/u');
    expect(email.html).toContain('&lt;b&gt;Mia&lt;/b&gt;');
    expect(email.html).not.toContain('<b>Mia</b>');
  });

  it('folds many entries into one digest', () => {
    const entries = Array.from({ length: 30 }, (_, i) => ({
      templateId: 'feedback-requested' as const,
      subject: { kind: 'session', id: `s${i}` },
      params: {},
    }));
    const digest = renderDigest(entries, { timeZone: 'UTC', appUrl: 'https://a' }, 'https://a/u');
    expect(digest.subject).toContain('30 updates');
    expect(digest.text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(30);
  });

  it('given an unread message in a circle, then the email speaks of the circle and links to the circle’s page', () => {
    const circle = { ...ctx, subject: { kind: 'circle', id: 'c1' }, params: { mentorshipId: 'circle-c1' } };
    const email = renderEmail('conversation-unread', circle, 'https://x/u');
    expect(email.text).toContain('your circle conversation');
    expect(email.text).toContain('https://app.trellis.test/circles/c1');
    expect(email.text).not.toContain('/mentorships/');
    const warning = renderEmail('conversation-warning', circle, 'https://x/u');
    expect(warning.text).toContain('Open your circle: https://app.trellis.test/circles/c1');
  });
});
