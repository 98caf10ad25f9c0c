import { describe, expect, it } from 'vitest';
import { messageSegments, safeLinkHref } from './message-text';

describe('links in a message', () => {
  it('turns a plain http(s) address into a link and keeps the rest as text', () => {
    expect(messageSegments('Read https://example.org/guide?x=1 first')).toEqual([
      { kind: 'text', text: 'Read ' },
      { kind: 'link', text: 'https://example.org/guide?x=1', href: 'https://example.org/guide?x=1' },
      { kind: 'text', text: ' first' },
    ]);
  });

  it('leaves the punctuation that ends a sentence out of the address', () => {
    expect(messageSegments('See https://example.org.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.org', href: 'https://example.org/' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps markup as the text it is: nothing becomes an element or a script', () => {
    const body = '<a href="javascript:alert(1)">hi</a> <img src=x onerror=alert(1)>';
    expect(messageSegments(body)).toEqual([{ kind: 'text', text: body }]);
    expect(messageSegments('javascript:alert(1)')).toEqual([{ kind: 'text', text: 'javascript:alert(1)' }]);
  });

  it('keeps addresses that would mislead as text: a user name before the host, a rewritten spelling', () => {
    expect(safeLinkHref('https://bank.example@evil.example/login')).toBeUndefined();
    expect(safeLinkHref('https://exämple.org/')).toBeUndefined();
    expect(safeLinkHref('https://example.org\\@evil.example')).toBeUndefined();
    expect(safeLinkHref('HTTPS://EXAMPLE.ORG')).toBeUndefined();
    expect(messageSegments('https://bank.example@evil.example/login')).toEqual([
      { kind: 'text', text: 'https://bank.example@evil.example/login' },
    ]);
  });

  it('accepts only http and https', () => {
    expect(safeLinkHref('http://example.org/')).toBe('http://example.org/');
    expect(safeLinkHref('ftp://example.org/')).toBeUndefined();
    expect(safeLinkHref('data:text/html,hi')).toBeUndefined();
  });

  it('keeps a message without addresses in one piece, lines included', () => {
    expect(messageSegments('Hello\nsee you Tuesday')).toEqual([{ kind: 'text', text: 'Hello\nsee you Tuesday' }]);
    expect(messageSegments('')).toEqual([]);
  });
});
