import { createLogger } from '@trellis/shared/observability';
import { PeriodicRun } from './periodic-run';

const logger = createLogger('periodic-run-spec', { level: 'silent' });

describe('a periodic run of the service', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs every interval, never twice at once, and the catch-up first', async () => {
    const started: string[] = [];
    let finish: () => void = () => undefined;
    const periodic = new PeriodicRun('test run', 1_000, logger);
    await periodic.start(
      () => {
        started.push('run');
        return new Promise<void>((resolve) => (finish = resolve));
      },
      () => {
        started.push('catch-up');
        return Promise.resolve();
      },
    );
    expect(started).toEqual(['catch-up']);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(started).toEqual(['catch-up', 'run']);
    // Still going: the next two intervals start nothing.
    await jest.advanceTimersByTimeAsync(2_000);
    expect(started).toEqual(['catch-up', 'run']);
    finish();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(started).toEqual(['catch-up', 'run', 'run']);
    finish();
    await periodic.stop();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(started).toHaveLength(3);
  });

  it('goes on after a failed run, and never runs with an interval of 0', async () => {
    let runs = 0;
    const periodic = new PeriodicRun('test run', 1_000, logger);
    await periodic.start(() => {
      runs += 1;
      return Promise.reject(new Error('database away'));
    });
    await jest.advanceTimersByTimeAsync(3_000);
    expect(runs).toBe(3);
    await periodic.stop();

    const off = new PeriodicRun('test run', 0, logger);
    await off.start(() => {
      runs += 1;
      return Promise.resolve();
    });
    await jest.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(3);
    await off.stop();
  });
});
