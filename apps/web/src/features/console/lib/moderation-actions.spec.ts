import { describe, expect, it } from 'vitest';
import { availableChoices, reasonCounts, reasonKey } from './moderation-actions';

describe('moderation choices', () => {
  const open = {
    status: 'OPEN',
    conversationOpen: true,
    authorPersonId: 'author',
    memberPersonIds: ['author', 'reporter'],
    actions: [],
  };

  it('offers everything on a fresh report', () => {
    expect(availableChoices(open)).toEqual(['hide', 'dismiss', 'warn', 'remove']);
  });

  it('warns once, and removes only a current member of an open conversation', () => {
    expect(availableChoices({ ...open, actions: [{ kind: 'AUTHOR_WARNED' }] })).toEqual(['hide', 'dismiss', 'remove']);
    expect(availableChoices({ ...open, memberPersonIds: ['reporter'] })).toEqual(['hide', 'dismiss', 'warn']);
    expect(availableChoices({ ...open, conversationOpen: false })).toEqual(['hide', 'dismiss', 'warn']);
  });

  it('no longer hides or dismisses a report that is closed', () => {
    expect(availableChoices({ ...open, status: 'HIDDEN', actions: [{ kind: 'HIDDEN' }] })).toEqual(['warn', 'remove']);
  });
});

describe('report reasons', () => {
  it('counts reasons, most frequent first', () => {
    expect(
      reasonCounts([{ reason: 'SPAM' }, { reason: 'HARASSMENT' }, { reason: 'SPAM' }, { reason: 'HATE' }]),
    ).toEqual([
      { reason: 'SPAM', count: 2 },
      { reason: 'HARASSMENT', count: 1 },
      { reason: 'HATE', count: 1 },
    ]);
  });

  it('names the catalogue key of each reason', () => {
    expect(reasonKey('SELF_HARM')).toBe('console.reports.reasons.selfHarm');
    expect(reasonKey('SPAM')).toBe('console.reports.reasons.spam');
  });
});
