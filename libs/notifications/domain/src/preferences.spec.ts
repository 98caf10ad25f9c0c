import {
  changePreferences,
  DEFAULT_PREFERENCES,
  nextDigestAt,
  planEmail,
  type EmailPlanInput,
  type NotificationPreferences,
} from './preferences';

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

const prefs = (change: Partial<NotificationPreferences>): NotificationPreferences => ({
  ...DEFAULT_PREFERENCES,
  ...change,
});
const input = (overrides: Partial<EmailPlanInput>): EmailPlanInput => ({
  category: 'match-proposals',
  priority: 'normal',
  preferences: DEFAULT_PREFERENCES,
  timeZone: 'Europe/Berlin',
  now: new Date('2026-03-02T10:00:00.000Z'),
  emailsSentToday: 0,
  ...overrides,
});

describe('email delivery planning', () => {
  it('given default preferences, then a normal email goes out now and counts against the budget', () => {
    expect(planEmail(input({}))).toEqual({ action: 'send', countsAgainstBudget: true, budgetDay: '2026-03-02' });
  });

  it('given quiet hours 22:00–07:00 in New York, when a normal email arrives at 01:30 local, then it waits until 07:00 local', () => {
    const plan = planEmail(
      input({
        timeZone: 'America/New_York',
        now: new Date('2026-03-02T06:30:00.000Z'), // 01:30 EST
        preferences: prefs({ quietHours: { startMinute: 22 * 60, endMinute: 7 * 60 } }),
      }),
    );
    expect(plan).toEqual({ action: 'defer', until: new Date('2026-03-02T12:00:00.000Z'), reason: 'quiet-hours' });
  });

  it('given quiet hours, when the 23:00 local email is critical, then it still goes out now', () => {
    const plan = planEmail(
      input({
        priority: 'critical',
        now: new Date('2026-03-02T22:00:00.000Z'), // 23:00 Berlin
        preferences: prefs({ quietHours: { startMinute: 22 * 60, endMinute: 7 * 60 } }),
      }),
    );
    expect(plan.action).toBe('send');
  });

  it('given a daily digest, then a low-priority email is folded into the next 08:00 local digest', () => {
    const plan = planEmail(input({ priority: 'low', preferences: prefs({ digest: 'daily' }) }));
    expect(plan).toEqual({
      action: 'digest',
      digestAt: new Date('2026-03-03T07:00:00.000Z'),
      reason: 'digest-preference',
    });
  });

  it('given the daily budget is used up, then non-critical emails go to the digest, critical ones still go', () => {
    const spent = { emailsSentToday: 3, preferences: prefs({ dailyEmailBudget: 3 }) };
    expect(planEmail(input(spent))).toMatchObject({ action: 'digest', reason: 'daily-budget' });
    expect(planEmail(input({ ...spent, priority: 'critical' }))).toMatchObject({
      action: 'send',
      countsAgainstBudget: false,
    });
  });

  it('given a category unsubscribed by link, then no email (the app inbox is unaffected)', () => {
    expect(planEmail(input({ preferences: prefs({ unsubscribed: ['match-proposals'] }) }))).toEqual({
      action: 'skip',
      reason: 'email-off',
    });
  });

  it('weekly digests go out on Monday 08:00 local, across a DST change', () => {
    // Thursday 26 March 2026; Berlin switches to summer time on Sunday 29 March.
    expect(nextDigestAt('weekly', new Date('2026-03-26T12:00:00.000Z'), 'Europe/Berlin')).toEqual(
      new Date('2026-03-30T06:00:00.000Z'),
    );
  });

  it('refuses bad preference changes with BAD_USER_INPUT', () => {
    expect(codeOf(() => changePreferences(DEFAULT_PREFERENCES, { digest: 'hourly' }))).toBe('BAD_USER_INPUT');
    expect(
      codeOf(() => changePreferences(DEFAULT_PREFERENCES, { quietHours: { startMinute: 60, endMinute: 60 } })),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(() =>
        changePreferences(DEFAULT_PREFERENCES, { channels: [{ category: 'spam', inApp: true, email: true }] }),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});
