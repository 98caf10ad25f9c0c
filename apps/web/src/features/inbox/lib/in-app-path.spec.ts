import { describe, expect, it } from 'vitest';
import { inAppPath } from './in-app-path';

describe('a notification link as a path in the app', () => {
  it('keeps the path of an absolute link, whatever address the server thinks the app has', () => {
    expect(inAppPath('http://127.0.0.1:4000/mentorships/m-1')).toBe('/mentorships/m-1');
    expect(inAppPath('https://trellis.example.org/matching/proposals/p%201?from=email#top')).toBe(
      '/matching/proposals/p%201?from=email#top',
    );
  });

  it('accepts a link that is already a path', () => {
    expect(inAppPath('/programs/prog-1')).toBe('/programs/prog-1');
  });

  it('never leads to another site or runs a script', () => {
    expect(inAppPath('http://127.0.0.1:4000//evil.example/x')).toBe('/evil.example/x');
    expect(inAppPath('javascript:alert(1)')).toBe('/');
    expect(inAppPath('http://[broken')).toBe('/');
  });
});
