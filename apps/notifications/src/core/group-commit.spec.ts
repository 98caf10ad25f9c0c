import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('sends a lone call at once and gathers the calls made during a flush into the next one, each getting its own outputs', async () => {
    const flushes: number[][] = [];
    let release: () => void = () => undefined;
    const commit = new GroupCommit<number, string>(async (items) => {
      flushes.push(items);
      if (flushes.length === 1) await new Promise<void>((r) => (release = r));
      return items.map((i) => `#${i}`);
    });

    const first = commit.add([1]);
    const second = commit.add([2, 3]);
    const third = commit.add([4]);
    release();

    expect(await first).toEqual(['#1']);
    expect(await second).toEqual(['#2', '#3']);
    expect(await third).toEqual(['#4']);
    expect(flushes).toEqual([[1], [2, 3, 4]]);
  });

  it('rejects only the calls of a failed flush and keeps going', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const commit = new GroupCommit<number, number>(async (items) => {
      calls += 1;
      if (calls === 1) {
        await new Promise<void>((r) => (release = r));
        throw new Error('database down');
      }
      return items;
    });

    const failed = commit.add([1]);
    const later = commit.add([2]);
    release();

    await expect(failed).rejects.toThrow('database down');
    expect(await later).toEqual([2]);
  });

  it('splits a backlog larger than the maximum into several flushes, never splitting one call', async () => {
    const sizes: number[] = [];
    let release: () => void = () => undefined;
    const commit = new GroupCommit<number, number>(async (items) => {
      sizes.push(items.length);
      if (sizes.length === 1) await new Promise<void>((r) => (release = r));
      return items;
    }, 3);

    const calls = [commit.add([0]), commit.add([1, 2]), commit.add([3, 4]), commit.add([5])];
    release();
    await Promise.all(calls);

    expect(sizes).toEqual([1, 2, 3]);
    expect(await commit.add([])).toEqual([]);
  });
});
