import { describe, expect, it } from 'vitest';
import { EMPTY_SETTINGS, settingsDraftOf, toSettingsInput } from './settings-draft';

describe('settings draft', () => {
  it('leaves empty fields out, so the defaults apply on creation', () => {
    expect(toSettingsInput({ ...EMPTY_SETTINGS, maxCircleSize: 6 })).toEqual({
      offerNextBestOnDecline: true,
      maxCircleSize: 6,
      // An empty retention is a choice, not "unchanged": messages are kept.
      conversationRetentionDays: null,
    });
  });

  it('round-trips a program’s settings, zero included', () => {
    const settings = {
      format: 'BOTH' as const,
      offerNextBestOnDecline: false,
      defaultMentorCapacity: 0,
      maxCircleSize: 8,
      maxPreferredMentors: 2,
      maxOpenRequestsPerMentee: 3,
      requestExpiryDays: 14,
      meetingCadenceDays: 14,
      relationshipDurationWeeks: 26,
      surveyResultThreshold: 3,
      conversationRetentionDays: 365,
    };
    expect(toSettingsInput(settingsDraftOf(settings))).toEqual(settings);
    expect(toSettingsInput(settingsDraftOf({ ...settings, conversationRetentionDays: null }))).toMatchObject({
      conversationRetentionDays: null,
    });
  });
});
