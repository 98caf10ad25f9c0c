import { given } from '@trellis/shared/kernel/testing';
import { engagementDecider } from '../engagement.decider';
import { mentor, mentee, now, ref, opened, cmd } from '../testing/engagement.fixture';
import { sealed } from '../testing/sealed.fixture';

describe('Engagement decider', () => {
  describe('resources', () => {
    it('resources are recommended by the mentor to the mentee', () => {
      given(engagementDecider, [opened])
        .when(cmd('RecommendResource', { resourceId: 'r-1', kind: 'course', title: sealed('t'), link: sealed('l') }))
        .then([
          {
            type: 'ResourceRecommended',
            ...ref,
            resourceId: 'r-1',
            kind: 'course',
            title: sealed('t'),
            link: sealed('l'),
            recommendedByPersonId: mentor,
            recommendedToPersonId: mentee,
            recommendedAt: now,
          },
        ]);
      given(engagementDecider, [opened])
        .when(cmd('RecommendResource', { resourceId: 'r-1', kind: 'course', title: sealed('t'), actor: mentee }))
        .thenFails('FORBIDDEN', /mentor/);
      given(engagementDecider, [opened])
        .when(cmd('RecommendResource', { resourceId: 'r-1', kind: 'podcast' as never, title: sealed('t') }))
        .thenFails('BAD_USER_INPUT', /kind/);
    });
  });
});
