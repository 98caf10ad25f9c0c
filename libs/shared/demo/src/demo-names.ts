/**
 * The demo people's names, apart from the rest of their profiles so the development sign-in page can show the names
 * the seed gives them without loading the profiles app.
 */

/** A small deterministic PRNG (mulberry32): the same seed gives every machine the same demo people. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

const FIRST =
  'Amara Ben Chen Dana Elif Farid Greta Hiro Ines Jonas Kofi Lena Mateo Nadia Omar Priya Quinn Rosa Sven Tariq Uma Vera Wei Xavier Yara Zoe Aiko Bruno Carla Dev Emeka Freya Gabriel Hana Ivan Jamal Kira Luca Maya Nils'.split(
    ' ',
  );
const LAST =
  'Achebe Berg Costa Dubois Eriksen Fischer Garcia Haddad Ito Jensen Kowalski Lopez Mensah Novak Okafor Petrov Quispe Rossi Singh Tanaka Umarov Varga Wagner Xu Yilmaz Zhang'.split(
    ' ',
  );

/** The generator a demo profile is drawn from; its first two draws are the name (see demoName). */
export function demoProfileRandom(kind: 'mentor' | 'mentee', index: number): () => number {
  return random((kind === 'mentor' ? 1_000 : 50_000) + index);
}

/** Draws a first and last name: must stay the first draws of a profile, or every seeded name changes. */
export function drawDemoName(rand: () => number): { first: string; last: string } {
  const first = pick(rand, FIRST);
  const last = pick(rand, LAST);
  return { first, last };
}

/** The display name the seed gives the demo mentor or mentee with this index. */
export function demoDisplayName(kind: 'mentor' | 'mentee', index: number): string {
  const { first, last } = drawDemoName(demoProfileRandom(kind, index));
  return `${first} ${last}`;
}
