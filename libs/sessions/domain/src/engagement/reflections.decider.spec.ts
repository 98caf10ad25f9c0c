import { given } from '@trellis/shared/kernel/testing';
import { canReadReflection, engagementDecider, type EngagementEvent } from '../engagement.decider';
import { mentor, mentee, now, ref, opened, cmd } from '../testing/engagement.fixture';
import { sealed } from '../testing/sealed.fixture';

describe('Engagement decider', () => {
  describe('private reflections', () => {
    const written: EngagementEvent = {
      type: 'ReflectionWritten',
      ...ref,
      reflectionId: 'rf-1',
      authorPersonId: mentee,
      text: sealed('v1'),
      writtenAt: now,
    };

    it('are written and edited by their author only, and read by their author only', () => {
      given(engagementDecider, [opened])
        .when(cmd('WriteReflection', { reflectionId: 'rf-1', text: sealed('v1'), actor: mentee }))
        .then([written]);
      const state = given(engagementDecider, [opened, written])
        .when({
          ...cmd('WriteReflection', { reflectionId: 'rf-1', text: sealed('v2'), actor: mentee }),
          now: '2026-03-03T09:00:00.000Z',
        })
        .then([{ ...written, text: sealed('v2'), writtenAt: '2026-03-03T09:00:00.000Z' }]);
      expect(state.reflections['rf-1']).toMatchObject({ writtenAt: now, updatedAt: '2026-03-03T09:00:00.000Z' });
      given(engagementDecider, [opened, written])
        .when(cmd('WriteReflection', { reflectionId: 'rf-1', text: sealed('mine now') }))
        .thenFails('FORBIDDEN', /your own reflections/);
      expect(canReadReflection(state, 'rf-1', mentee)).toBe(true);
      expect(canReadReflection(state, 'rf-1', mentor)).toBe(false);
      given(engagementDecider, [opened])
        .when(cmd('WriteReflection', { reflectionId: 'rf-2', text: undefined as never }))
        .thenFails('BAD_USER_INPUT');
    });
  });
});
