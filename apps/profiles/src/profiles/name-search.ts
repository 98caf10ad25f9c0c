/**
 * How a name search compares: case, accents and runs of spaces do not matter ("zoe" finds "Zoë  Müller"), and every
 * word of the search must occur in the name, in any order ("müller zo" finds her too).
 */
export function nameSearch(search: string): ((displayName: string) => boolean) | null {
  const words = fold(search).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  return (displayName) => {
    const name = fold(displayName);
    return words.every((word) => name.includes(word));
  };
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}
