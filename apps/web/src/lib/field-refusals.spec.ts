import { describe, expect, it } from 'vitest';
import { placeRefusal } from './field-refusals';
import type { DescribedError } from './graphql-errors';

const fields = {
  title: ['actionItemTitle', 'title'],
  dueDate: ['dueDate'],
  ownerPersonId: ['ownerPersonId'],
} as const;

const refused = (field: string | undefined, detail = 'Not accepted.'): DescribedError => ({
  kind: 'badUserInput',
  detail,
  ...(field !== undefined && { field }),
});

describe('placeRefusal', () => {
  it('shows a refusal on the field the API names, and on no other field', () => {
    const placed = placeRefusal(refused('dueDate', 'The due date cannot be before today.'), fields);
    expect(placed.field).toBe('dueDate');
    expect(placed.errorOn('dueDate')).toBe('The due date cannot be before today.');
    expect(placed.errorOn('title')).toBeUndefined();
    expect(placed.unplaced).toBeNull();
  });

  it('knows a field by any of its names, such as the service’s text rule', () => {
    expect(placeRefusal(refused('actionItemTitle'), fields).field).toBe('title');
  });

  it('follows a path into an input to the field it ends in', () => {
    expect(placeRefusal(refused('agreement.cadence'), { cadence: ['cadence'] }).field).toBe('cadence');
    expect(placeRefusal(refused('milestones.0.title'), { milestones: ['milestones'] }).field).toBe('milestones');
  });

  it('prefers the start of a path to its end: a milestone’s title is about the milestones, not the goal’s title', () => {
    const goalForm = { title: ['title'], milestones: ['milestones'] };
    expect(placeRefusal(refused('milestones.0.title'), goalForm).field).toBe('milestones');
  });

  it('leaves a refusal that names no field of the form for the alert above it', () => {
    const unnamed = refused(undefined);
    expect(placeRefusal(unnamed, fields)).toMatchObject({ field: undefined, unplaced: unnamed });
    const elsewhere = refused('actorTimeZone');
    expect(placeRefusal(elsewhere, fields)).toMatchObject({ field: undefined, unplaced: elsewhere });
    expect(placeRefusal(elsewhere, fields).errorOn('dueDate')).toBeUndefined();
  });

  it('never places what is not refused input, even if it carries a field', () => {
    const conflict: DescribedError = { kind: 'conflict', detail: 'This action item is already done.' };
    expect(placeRefusal(conflict, fields)).toMatchObject({ field: undefined, unplaced: conflict });
    expect(placeRefusal(null, fields)).toMatchObject({ field: undefined, unplaced: null });
  });
});
