import { UnknownEventTypeError } from './errors';
import { EventTypeRegistry } from './event-type-registry';

describe('EventTypeRegistry', () => {
  const registry = new EventTypeRegistry([
    {
      type: 'GoalSet',
      schemaVersion: 3,
      upcasters: {
        1: (data) => ({ ...(data as object), visibility: 'shared' }),
        2: (data) => {
          const { title, ...rest } = data as { title: string };
          return { ...rest, headline: title };
        },
      },
    },
  ]);

  it('upcasts stored version 1 data through every step to the current version', () => {
    expect(registry.upcast('GoalSet', 1, { title: 'Learn Rust' })).toEqual({
      schemaVersion: 3,
      data: { visibility: 'shared', headline: 'Learn Rust' },
    });
  });

  it('leaves current data untouched', () => {
    expect(registry.upcast('GoalSet', 3, { headline: 'x', visibility: 'private' }).data).toEqual({
      headline: 'x',
      visibility: 'private',
    });
  });

  it('refuses unknown types and duplicate registrations', () => {
    expect(() => registry.upcast('Nope', 1, {})).toThrow(UnknownEventTypeError);
    expect(() => registry.register({ type: 'GoalSet', schemaVersion: 1 })).toThrow(/twice/);
  });
});
