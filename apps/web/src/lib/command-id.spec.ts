import { describe, expect, it } from 'vitest';
import { newCommandId } from './command-id';

describe('newCommandId', () => {
  it('gives each action a UUID of its own', () => {
    const first = newCommandId();
    const second = newCommandId();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
  });
});
