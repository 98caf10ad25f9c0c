import { describe, expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';

/** Every key path of a catalogue, e.g. `home.count_one`. */
function keys(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('translation catalogues', () => {
  it('has every English key in German', () => {
    const german = new Set(keys(de));
    expect(keys(en).filter((key) => !german.has(key))).toEqual([]);
  });

  it('has no German key that English lacks (a renamed key left behind)', () => {
    const english = new Set(keys(en));
    expect(keys(de).filter((key) => !english.has(key))).toEqual([]);
  });

  it('has no empty text', () => {
    const empty = (catalogue: object) =>
      keys(catalogue).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
        return typeof value !== 'string' || value.trim() === '';
      });
    expect([...empty(en), ...empty(de)]).toEqual([]);
  });
});
