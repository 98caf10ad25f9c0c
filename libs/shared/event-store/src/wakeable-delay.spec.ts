import { WakeableDelay } from './wakeable-delay';

describe('WakeableDelay (the pause between a poller passes)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function settledAfter(promise: Promise<void>, ms: number): Promise<boolean> {
    let settled = false;
    void promise.then(() => (settled = true));
    await jest.advanceTimersByTimeAsync(ms);
    return settled;
  }

  it('resolves once its time has passed, not before', async () => {
    const delay = new WakeableDelay();
    const pause = delay.wait(1000);
    expect(await settledAfter(pause, 999)).toBe(false);
    expect(await settledAfter(pause, 1)).toBe(true);
  });

  it('resolves at once when woken during the pause', async () => {
    const delay = new WakeableDelay();
    const pause = delay.wait(60_000);
    delay.wake();
    expect(await settledAfter(pause, 0)).toBe(true);
  });

  it('keeps a wake that came between pauses for the next one, once', async () => {
    const delay = new WakeableDelay();
    delay.wake();
    delay.wake();
    expect(await settledAfter(delay.wait(60_000), 0)).toBe(true);
    expect(await settledAfter(delay.wait(60_000), 0)).toBe(false);
  });

  it('forgets a wake once the pause it cut short has ended', async () => {
    const delay = new WakeableDelay();
    const first = delay.wait(60_000);
    delay.wake();
    await first;
    expect(await settledAfter(delay.wait(1000), 999)).toBe(false);
  });
});
