/** A piece of a message as it is shown: plain text, or a web address safe to follow as a link. */
export type MessageSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Candidates only; each is parsed and checked before it becomes a link.
const URL_CANDIDATE = /https?:\/\/[^\s<>"'`]+/gi;
// Punctuation that ends a sentence more often than an address ("see https://example.org.").
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

/**
 * Where a typed address may be a link: http(s) only, no user name or password (`https://bank.com@evil.example`
 * reads as the bank), and the parsed address must be exactly what the person reads, so punycode, backslashes and
 * other spellings a browser rewrites stay text.
 */
export function safeLinkHref(candidate: string): string | undefined {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password) return undefined;
  if (url.href !== candidate && url.href !== `${candidate}/`) return undefined;
  return url.href;
}

/**
 * Splits a message into text and links. Nothing in a message is ever read as HTML: the pieces are rendered as text
 * nodes, and only an address `safeLinkHref` accepts becomes a link.
 */
export function messageSegments(body: string): MessageSegment[] {
  const segments: MessageSegment[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last?.kind === 'text') last.text += text;
    else segments.push({ kind: 'text', text });
  };
  let at = 0;
  for (const match of body.matchAll(URL_CANDIDATE)) {
    const start = match.index;
    const candidate = match[0].replace(TRAILING_PUNCTUATION, '');
    pushText(body.slice(at, start));
    const href = safeLinkHref(candidate);
    if (href) segments.push({ kind: 'link', text: candidate, href });
    else pushText(candidate);
    at = start + candidate.length;
  }
  pushText(body.slice(at));
  return segments;
}
