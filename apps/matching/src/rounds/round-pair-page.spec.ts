import { pairPage, type PageablePair } from './round-pair-page';

const pair = (mentee: string, mentor: string, locked = false, manual = false): PageablePair => ({
  menteePersonId: mentee,
  mentorPersonId: mentor,
  locked,
  manual,
});
const menteesOf = (pairs: readonly PageablePair[]) => pairs.map((p) => p.menteePersonId);
const noneNotFirst = () => Promise.resolve(false);

describe("a page of a round's pairs", () => {
  const pairs = [
    pair('m-3', 'x'),
    pair('m-1', 'y', true),
    pair('m-5', 'x', false, true),
    pair('m-2', 'z'),
    pair('m-4', 'y'),
  ];

  it('walks the whole round in mentee order, page by page, with the count of all pairs', async () => {
    const first = await pairPage(pairs, {}, 2, null, noneNotFirst);
    expect(menteesOf(first.nodes)).toEqual(['m-1', 'm-2']);
    expect(first).toMatchObject({ totalCount: 5, hasNextPage: true });
    const second = await pairPage(pairs, {}, 2, first.endCursor, noneNotFirst);
    expect(menteesOf(second.nodes)).toEqual(['m-3', 'm-4']);
    const last = await pairPage(pairs, {}, 2, second.endCursor, noneNotFirst);
    expect(menteesOf(last.nodes)).toEqual(['m-5']);
    expect(last.hasNextPage).toBe(false);
  });

  it('neither repeats nor skips a pair when a pair before the cursor is removed between pages', async () => {
    const first = await pairPage(pairs, {}, 2, null, noneNotFirst);
    const withoutOne = pairs.filter((p) => p.menteePersonId !== 'm-1');
    const next = await pairPage(withoutOne, {}, 2, first.endCursor, noneNotFirst);
    expect(menteesOf(next.nodes)).toEqual(['m-3', 'm-4']);
  });

  it("narrows to people (a mentee or a mentor), locks, the manager's pairs and not-first-choice", async () => {
    const byPeople = await pairPage(pairs, { personIds: ['m-2', 'y'] }, 10, null, noneNotFirst);
    expect(menteesOf(byPeople.nodes)).toEqual(['m-1', 'm-2', 'm-4']);
    expect(byPeople.totalCount).toBe(3);
    expect(menteesOf((await pairPage(pairs, { locked: true }, 10, null, noneNotFirst)).nodes)).toEqual(['m-1']);
    expect(menteesOf((await pairPage(pairs, { manual: true }, 10, null, noneNotFirst)).nodes)).toEqual(['m-5']);
    const notFirst = await pairPage(pairs, { notFirstChoice: true }, 10, null, (p) =>
      Promise.resolve(p.mentorPersonId === 'x'),
    );
    expect(menteesOf(notFirst.nodes)).toEqual(['m-3', 'm-5']);
  });

  it('refuses a page size outside 0 to 500', async () => {
    await expect(pairPage(pairs, {}, 501, null, noneNotFirst)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(pairPage(pairs, {}, -1, null, noneNotFirst)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
