import { describe, expect, it } from 'vitest';
import { isSendKey, MESSAGE_MAX_LENGTH, remainingCharacters } from './composer-limit';

describe('the composer', () => {
  it('shows what is left only near the limit, and how far over it a message is', () => {
    expect(remainingCharacters('Hello')).toBeUndefined();
    expect(remainingCharacters('x'.repeat(MESSAGE_MAX_LENGTH - 501))).toBeUndefined();
    expect(remainingCharacters('x'.repeat(MESSAGE_MAX_LENGTH - 500))).toBe(500);
    expect(remainingCharacters('x'.repeat(MESSAGE_MAX_LENGTH))).toBe(0);
    expect(remainingCharacters('x'.repeat(MESSAGE_MAX_LENGTH + 3))).toBe(-3);
  });

  it('counts the text as the API does, without surrounding spaces', () => {
    expect(remainingCharacters(`  ${'x'.repeat(MESSAGE_MAX_LENGTH)}  `)).toBe(0);
  });

  it('sends on Enter, not on Shift+Enter or while an input method composes a word', () => {
    expect(isSendKey({ key: 'Enter', shiftKey: false })).toBe(true);
    expect(isSendKey({ key: 'Enter', shiftKey: true })).toBe(false);
    expect(isSendKey({ key: 'Enter', shiftKey: false, isComposing: true })).toBe(false);
    expect(isSendKey({ key: 'a', shiftKey: false })).toBe(false);
  });
});
