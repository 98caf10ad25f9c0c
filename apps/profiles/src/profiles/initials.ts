const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// Leading characters that are not a letter or a digit ("(", "'", "🌟", "-"): a word's initial is its first letter.
const LEADING_NON_LETTERS = /^[^\p{L}\p{N}]+/u;

/**
 * The initials a client shows in place of a photo: the first letter of the first and of the last word of a display
 * name, upper-cased ("Amara Okafor" → "AO", "José María García" → "JG", "Ødegaard" → "Ø"). Letters are whole
 * grapheme clusters (a base letter with its combining accents, NFC-normalized), so no accent is lost or split, and
 * scripts without case (王小明 → 王) come through unchanged. A name without any letter or digit gives "".
 */
export function initialsOf(displayName: string): string {
  const words = displayName
    .normalize('NFC')
    .split(/\s+/u)
    .map((word) => word.replace(LEADING_NON_LETTERS, ''))
    .filter((word) => word.length > 0);
  const first = words[0];
  if (first === undefined) return '';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return [first, last]
    .filter((word): word is string => word !== undefined)
    .map((word) => firstGrapheme(word).toUpperCase())
    .join('');
}

function firstGrapheme(word: string): string {
  for (const { segment } of segmenter.segment(word)) return segment;
  return '';
}
