import { given } from '@trellis/shared/kernel/testing';
import { engagementDecider } from '../engagement.decider';
import { mentee, opened, cmd } from '../testing/engagement.fixture';
import { sealed } from '../testing/sealed.fixture';

describe('Engagement decider', () => {
  describe('introductions', () => {
    it('introductions go to another participant or to an encrypted external contact', () => {
      const toParticipant = given(engagementDecider, [opened])
        .when(cmd('MakeIntroduction', { introductionId: 'i-1', target: { kind: 'participant', personId: 'p-cto' } }))
        .produced();
      expect(toParticipant[0]).toMatchObject({
        target: { kind: 'participant', personId: 'p-cto' },
        menteePersonId: mentee,
      });
      const external = given(engagementDecider, [opened])
        .when(
          cmd('MakeIntroduction', {
            introductionId: 'i-2',
            target: { kind: 'external-contact', contact: sealed('c') },
          }),
        )
        .produced();
      expect(external[0]).toMatchObject({ target: { kind: 'external-contact', contact: sealed('c') } });
      given(engagementDecider, [opened])
        .when(cmd('MakeIntroduction', { introductionId: 'i-3', target: { kind: 'participant', personId: mentee } }))
        .thenFails('BAD_USER_INPUT', /someone other/);
      given(engagementDecider, [opened])
        .when(cmd('MakeIntroduction', { introductionId: 'i-3', target: { kind: 'external-contact' } as never }))
        .thenFails('BAD_USER_INPUT', /Contact details/);
      given(engagementDecider, [opened])
        .when(
          cmd('MakeIntroduction', {
            introductionId: 'i-3',
            target: { kind: 'participant', personId: 'p-x' },
            actor: mentee,
          }),
        )
        .thenFails('FORBIDDEN');
    });
  });
});
