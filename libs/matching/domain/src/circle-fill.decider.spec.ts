import {
  circleFillDecider as decider,
  type CircleFillCommand,
  type CircleFillEvent,
  type CirclePlacement,
} from './circle-fill.decider';
import { given } from '@trellis/shared/kernel/testing';

const now = '2026-03-01T10:00:00.000Z';
const manager = { personId: 'boss', isManager: true };
const placement = (menteePersonId: string, circleId = 'c1'): CirclePlacement => ({
  circleId,
  mentorPersonId: 'lead',
  menteePersonId,
  menteeParticipantId: `p-${menteePersonId}`,
  score: 0.7,
});
const draft: CircleFillCommand & { type: 'DraftCircleFill' } = {
  type: 'DraftCircleFill',
  fillId: 'f1',
  programId: 'p1',
  placements: [placement('a'), placement('b', 'c2')],
  unplaced: [{ menteePersonId: 'z', reason: 'no-capacity' }],
  inputSnapshotHash: 'h',
  engineVersion: 'v1',
  actor: manager,
  now,
};
const drafted: CircleFillEvent = {
  type: 'CircleFillDrafted',
  fillId: 'f1',
  programId: 'p1',
  placements: [placement('a'), placement('b', 'c2')],
  unplaced: [{ menteePersonId: 'z', reason: 'no-capacity' }],
  inputSnapshotHash: 'h',
  engineVersion: 'v1',
  byPersonId: 'boss',
  at: now,
};
const published: CircleFillEvent = {
  type: 'CircleFillPublished',
  fillId: 'f1',
  programId: 'p1',
  byPersonId: 'boss',
  at: now,
};

describe('CircleFill', () => {
  it('drafts placements for managers only, each mentee once', () => {
    expect(given(decider).when(draft)).toEqual({ events: [drafted] });
    expect(given(decider).when({ ...draft, actor: { personId: 'x', isManager: false } })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(given(decider).when({ ...draft, placements: [placement('a'), placement('a', 'c2')] })).toMatchObject({
      error: { code: 'BAD_USER_INPUT' },
    });
    expect(given(decider, [drafted]).when(draft)).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('publishes a draft once; a discarded one cannot be published', () => {
    expect(given(decider, [drafted]).when({ type: 'PublishCircleFill', actor: manager, now })).toEqual({
      events: [published],
    });
    expect(given(decider, [drafted, published]).when({ type: 'PublishCircleFill', actor: manager, now })).toEqual({
      events: [],
    });
    const discarded: CircleFillEvent = { ...published, type: 'CircleFillDiscarded' };
    expect(given(decider, [drafted]).when({ type: 'DiscardCircleFill', actor: manager, now })).toEqual({
      events: [discarded],
    });
    expect(given(decider, [drafted, discarded]).when({ type: 'PublishCircleFill', actor: manager, now })).toMatchObject(
      { error: { code: 'CONFLICT' } },
    );
    expect(given(decider, [drafted, published]).when({ type: 'DiscardCircleFill', actor: manager, now })).toMatchObject(
      { error: { code: 'CONFLICT' } },
    );
    expect(given(decider).when({ type: 'PublishCircleFill', actor: manager, now })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  });
});
