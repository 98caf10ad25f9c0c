import { given } from '@trellis/shared/kernel/testing';
import { agreementInEffect, engagementDecider, type EngagementEvent } from '../engagement.decider';
import { mentor, mentee, now, ref, opened, terms, proposed, signed, cmd } from '../testing/engagement.fixture';

describe('Engagement decider', () => {
  describe('agreement', () => {
    it('is proposed by one side', () => {
      given(engagementDecider, [opened])
        .when(cmd('ProposeAgreement', { terms }))
        .then([proposed(1)]);
    });

    it('validates cadence, length, duration and channels', () => {
      const agreed = given(engagementDecider, [opened]);
      agreed
        .when(cmd('ProposeAgreement', { terms: { ...terms, cadence: 'daily' as never } }))
        .thenFails('BAD_USER_INPUT', /cadence/);
      agreed
        .when(cmd('ProposeAgreement', { terms: { ...terms, sessionMinutes: 5 } }))
        .thenFails('BAD_USER_INPUT', /sessionMinutes/);
      agreed
        .when(cmd('ProposeAgreement', { terms: { ...terms, durationMonths: 0 } }))
        .thenFails('BAD_USER_INPUT', /durationMonths/);
      agreed
        .when(cmd('ProposeAgreement', { terms: { ...terms, channels: [] } }))
        .thenFails('BAD_USER_INPUT', /channel/);
      agreed
        .when(cmd('ProposeAgreement', { terms: { ...terms, channels: ['video', 'video'] } }))
        .thenFails('BAD_USER_INPUT', /twice/);
      agreed
        .when(cmd('ProposeAgreement', { terms: { ...terms, boundaries: 'plain text' as never } }))
        .thenFails('BAD_USER_INPUT', /boundaries/);
    });

    it('needs both signatures to take effect', () => {
      given(engagementDecider, [opened, proposed(1)])
        .when(cmd('SignAgreement', { version: 1 }))
        .then([signed(1, mentor, false)]);
      const state = given(engagementDecider, [opened, proposed(1), signed(1, mentor, false)])
        .when(cmd('SignAgreement', { version: 1, actor: mentee }))
        .then([signed(1, mentee, true)]);
      expect(agreementInEffect(state)).toMatchObject({ version: 1, signedBy: [mentor, mentee], status: 'in-effect' });
    });

    it('refuses a second signature by the same person', () => {
      given(engagementDecider, [opened, proposed(1), signed(1, mentor, false)])
        .when(cmd('SignAgreement', { version: 1 }))
        .thenFails('CONFLICT', /already signed/);
    });

    it('refuses signing a version that was replaced by a newer proposal, and names the newer one', () => {
      const error = given(engagementDecider, [opened, proposed(1), proposed(2, mentee)])
        .when(cmd('SignAgreement', { version: 1 }))
        .thenFails('CONFLICT', /replaced by version 2/);
      expect(error.details).toMatchObject({ version: 1, latestVersion: 2 });
      given(engagementDecider, [opened])
        .when(cmd('SignAgreement', { version: 3 }))
        .thenFails('NOT_FOUND');
    });

    it('takes amendments instead of new proposals once in effect, keeping the history', () => {
      const history = [opened, proposed(1), signed(1, mentor, false), signed(1, mentee, true)];
      given(engagementDecider, history)
        .when(cmd('ProposeAgreement', { terms }))
        .thenFails('CONFLICT', /amendment/);
      const weekly = { ...terms, cadence: 'weekly' as const };
      const amended: EngagementEvent = {
        type: 'AgreementAmended',
        ...ref,
        version: 2,
        amendsVersion: 1,
        proposedByPersonId: mentee,
        proposedAt: now,
        ...weekly,
      };
      const afterAmend = given(engagementDecider, history)
        .when(cmd('AmendAgreement', { terms: weekly, actor: mentee }))
        .then([amended]);
      // Until both sign the amendment, version 1 stays in effect.
      expect(agreementInEffect(afterAmend)?.version).toBe(1);
      const final = given(engagementDecider, [...history, amended, signed(2, mentee, false)])
        .when(cmd('SignAgreement', { version: 2 }))
        .then([signed(2, mentor, true)]);
      expect(final.agreements.map((a) => [a.version, a.status, a.terms.cadence])).toEqual([
        [1, 'replaced', 'fortnightly'],
        [2, 'in-effect', 'weekly'],
      ]);
    });

    it('refuses an amendment when nothing is signed yet', () => {
      given(engagementDecider, [opened, proposed(1)])
        .when(cmd('AmendAgreement', { terms }))
        .thenFails('CONFLICT', /propose an agreement first/);
    });
  });
});
