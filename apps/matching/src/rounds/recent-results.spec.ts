import { RecentResults } from './recent-results';

describe('results kept of costly solves', () => {
  it('computes once per key, also for requests at the same time, and drops the oldest beyond the limit', async () => {
    const kept = new RecentResults<string>(2);
    let computed = 0;
    const compute = (value: string) => () => {
      computed += 1;
      return Promise.resolve(value);
    };
    await expect(Promise.all([kept.get('a', compute('A')), kept.get('a', compute('A'))])).resolves.toEqual(['A', 'A']);
    expect(computed).toBe(1);
    await kept.get('b', compute('B'));
    await kept.get('c', compute('C'));
    expect(computed).toBe(3);
    await kept.get('a', compute('A again'));
    expect(computed).toBe(4);
  });

  it('keeps no failure: the next request computes again', async () => {
    const kept = new RecentResults<string>(2);
    await expect(kept.get('a', () => Promise.reject(new Error('no input')))).rejects.toThrow('no input');
    await expect(kept.get('a', () => Promise.resolve('A'))).resolves.toBe('A');
  });
});
