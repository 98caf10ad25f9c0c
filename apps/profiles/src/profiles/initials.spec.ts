import { initialsOf } from './initials';

describe('initialsOf', () => {
  it.each([
    ['Amara Okafor', 'AO'],
    ['amara okafor', 'AO'],
    ['José María García', 'JG'],
    ['  Mia   van  der Berg  ', 'MB'],
    ['Madonna', 'M'],
    ['Ødegaard Ñúñez', 'ØÑ'],
    ['émile zola', 'ÉZ'],
    ['Łukasz Żak', 'ŁŻ'],
    ['Ελένη Παπαδοπούλου', 'ΕΠ'],
    ['Дмитрий Иванов', 'ДИ'],
    ['王小明', '王'],
    ['محمد علي', 'مع'],
    ['(Amara) Okafor', 'AO'],
    ['🌟 Amara Okafor', 'AO'],
    ['Amara Okafor 🌟', 'AO'],
    ["O'Brien Seán", 'OS'],
    ['Jean-Luc Picard', 'JP'],
    ['R2 D2', 'RD'],
    ['', ''],
    ['   ', ''],
    ['🌟 ✨', ''],
  ])('%j → %j', (name, expected) => {
    expect(initialsOf(name)).toBe(expected);
  });

  it('keeps a letter with a combining accent whole, in its composed form', () => {
    // "E" + COMBINING ACUTE ACCENT, "Z" + COMBINING CARON: one grapheme each.
    expect(initialsOf('E\u0301lodie Z\u030Cupan')).toBe('\u00C9\u017D');
  });

  it('never splits a letter outside the Basic Multilingual Plane (a surrogate pair)', () => {
    expect(initialsOf('𝒜da 𝒵oe')).toBe('𝒜𝒵');
  });
});
