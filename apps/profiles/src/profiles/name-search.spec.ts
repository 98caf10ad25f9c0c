import { nameSearch } from './name-search';

describe('nameSearch', () => {
  it('ignores case, accents and extra spaces', () => {
    const matches = nameSearch('  zoe   MULLER ');
    expect(matches?.('Zoë Müller')).toBe(true);
    expect(matches?.('Zoë Meyer')).toBe(false);
  });

  it('needs every word, in any order, each anywhere in the name', () => {
    const matches = nameSearch('mül zo');
    expect(matches?.('Zoë Müller')).toBe(true);
    expect(matches?.('Zoran Petrović')).toBe(false);
  });

  it('is no search at all when only spaces are given', () => {
    expect(nameSearch('   ')).toBeNull();
    expect(nameSearch('')).toBeNull();
  });
});
