import {
  type DrillOutcome,
  type Fault,
  formatOutcome,
  formatResult,
  isCutOff,
  parseFaults,
  passed,
  summarize,
} from './fault-drill';
import type { LoadReport, VerifyReport } from './graphql-load';

function load(overrides: Partial<LoadReport> = {}): LoadReport {
  return {
    seconds: 100,
    operations: 1200,
    ok: 1200,
    failed: 0,
    retries: 0,
    retriedOperations: 0,
    retryReasons: {},
    p50Ms: 40,
    p99Ms: 900,
    maxMs: 2000,
    byOperation: {},
    failures: [],
    acknowledged: { enrollments: 150, requests: 200, profileUpdates: 100 },
    ...overrides,
  };
}

function verify(overrides: Partial<VerifyReport> = {}): VerifyReport {
  return {
    ok: true,
    problems: [],
    lost: 0,
    doubled: 0,
    appliedUnanswered: 0,
    checked: { participants: 150, requests: 200, notifications: 200, profileUpdates: 100, emails: 200 },
    settleMs: 4000,
    ...overrides,
  };
}

function outcome(fault: Fault, overrides: Partial<DrillOutcome> = {}): DrillOutcome {
  return { fault, load: load(), verify: verify(), deadLettered: 0, recoveriesS: [12.5], errors: [], ...overrides };
}

const failure = (reason: string) => ({ operation: 'requestMentor', reason, at: '2026-01-01T00:00:00.000Z' });

describe('fault drill bookkeeping', () => {
  it('adds up every drill: acknowledged mutations, losses, doubles, dead letters, the slowest recovery', () => {
    const summary = summarize([
      outcome('broker', { recoveriesS: [20.25] }),
      outcome('mongo', { deadLettered: 2, verify: verify({ ok: false, problems: ['x'], lost: 3 }) }),
      outcome('services', { recoveriesS: [3, 31.5, 8], verify: verify({ ok: false, problems: ['y'], doubled: 1 }) }),
    ]);
    expect(summary).toMatchObject({
      acknowledged: 3 * 450,
      lost: 3,
      doubled: 1,
      deadLettered: 2,
      maxRecoveryS: 31.5,
      problems: 2,
    });
    expect(formatResult(summary)).toBe(
      'RESULT acknowledged=1350 lost=3 doubled=1 dead_lettered=2 max_recovery_s=31.5 internal=0 failed=0',
    );
    expect(passed(summary)).toBe(false);
  });

  it('passes only when nothing is lost, doubled, dead-lettered, answered INTERNAL or left unconverged', () => {
    expect(passed(summarize([outcome('broker'), outcome('smtp')]))).toBe(true);
    expect(passed(summarize([outcome('broker', { deadLettered: 1 })]))).toBe(false);
    expect(passed(summarize([outcome('broker', { errors: ['not ready'] })]))).toBe(false);
    expect(passed(summarize([outcome('mongo', { verify: verify({ lost: 1 }) })]))).toBe(false);
    expect(passed(summarize([outcome('mongo', { verify: verify({ doubled: 1 }) })]))).toBe(false);
  });

  it('counts INTERNAL answers, which a client must never see for an outage', () => {
    const broker = outcome('broker', {
      load: load({ failed: 2, failures: [failure('INTERNAL: Internal error'), failure('CONFLICT: taken')] }),
    });
    const summary = summarize([broker]);
    expect(summary.internal).toBe(1);
    expect(summary.failed).toBe(2);
    expect(passed(summary)).toBe(false);
  });

  it('lets a kill -9 cut off the answers in flight, in the services drill only', () => {
    const cut = load({ failed: 2, failures: [failure('HTTP 502: '), failure('network: ECONNRESET')] });
    const services = summarize([outcome('services', { load: cut })]);
    expect(services).toMatchObject({ failed: 0, cutOff: 2 });
    expect(passed(services)).toBe(true);
    const broker = summarize([outcome('broker', { load: cut })]);
    expect(broker).toMatchObject({ failed: 2, cutOff: 0 });
    expect(passed(broker)).toBe(false);
    expect(isCutOff('HTTP 503: busy')).toBe(false);
    expect(isCutOff('INTERNAL: network: x')).toBe(false);
  });

  it('reports a drill with its error codes: retried ones and failures', () => {
    const line = formatOutcome(
      outcome('mongo', {
        recoveriesS: [9.04],
        load: load({
          retryReasons: { 'SERVICE_UNAVAILABLE:profiles': 30, 'SERVICE_UNAVAILABLE:matching': 4, 'HTTP 503': 2 },
          failed: 1,
          failures: [failure('INTERNAL: Internal error; quote correlation id c1')],
        }),
      }),
    );
    expect(line).toContain('DRILL mongo operations=1200 acknowledged=450 lost=0 doubled=0 dead_lettered=0 internal=1');
    expect(line).toContain('recovery_s=9.0');
    expect(line).toContain('retried=SERVICE_UNAVAILABLE=34,HTTP 503=2 failed_codes=INTERNAL=1');
  });

  it('runs every drill unless told which', () => {
    expect(parseFaults(undefined)).toEqual(['broker', 'mongo', 'smtp', 'services']);
    expect(parseFaults('services,broker')).toEqual(['broker', 'services']);
    expect(() => parseFaults('kafka')).toThrow(/unknown drill kafka/);
  });
});
