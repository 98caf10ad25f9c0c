import { describe, expect, it } from 'vitest';
import type { PreferencesForm_PreferencesFragment } from '../../../gql/graphql';
import { placeRefusal } from '../../../lib/field-refusals';
import {
  PREFERENCES_REFUSAL_FIELDS,
  minuteToTime,
  preferencesChange,
  timeToMinute,
  validatePreferences,
  valuesFromPreferences,
} from './preferences-form';

const saved: PreferencesForm_PreferencesFragment = {
  channels: [
    { category: 'MENTORSHIP_REQUESTS', inApp: true, email: true },
    { category: 'SESSION_REMINDERS', inApp: true, email: true },
  ],
  digest: 'IMMEDIATE',
  quietHours: null,
  dailyEmailBudget: 10,
  unsubscribed: ['MATCHING_ROUNDS'],
};

describe('notification preferences as a form', () => {
  it('turns minutes after midnight into a time input’s value and back', () => {
    expect(minuteToTime(22 * 60)).toBe('22:00');
    expect(minuteToTime(7 * 60 + 5)).toBe('07:05');
    expect(timeToMinute('07:05')).toBe(425);
    expect(timeToMinute('23:59:00')).toBe(1439);
    expect(timeToMinute('24:00')).toBeNull();
    expect(timeToMinute('')).toBeNull();
  });

  it('offers a night’s quiet hours when none are set, switched off', () => {
    const values = valuesFromPreferences(saved);
    expect(values).toMatchObject({ quietHoursOn: false, quietFrom: '22:00', quietTo: '07:00', resubscribe: [] });
    expect(valuesFromPreferences({ ...saved, quietHours: { startMinute: 60, endMinute: 120 } })).toMatchObject({
      quietHoursOn: true,
      quietFrom: '01:00',
      quietTo: '02:00',
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(preferencesChange(saved, valuesFromPreferences(saved))).toBeNull();
  });

  it('sends only what changed: one category’s channels, quiet hours in minutes, the budget, a resubscription', () => {
    const values = valuesFromPreferences(saved);
    values.channels['MENTORSHIP_REQUESTS'] = { inApp: true, email: false };
    values.quietHoursOn = true;
    values.dailyEmailBudget = 3;
    values.resubscribe = ['MATCHING_ROUNDS'];
    expect(preferencesChange(saved, values)).toEqual({
      channels: [{ category: 'MENTORSHIP_REQUESTS', inApp: true, email: false }],
      quietHours: { startMinute: 1320, endMinute: 420 },
      dailyEmailBudget: 3,
      resubscribe: ['MATCHING_ROUNDS'],
    });
  });

  it('clears quiet hours with null when they are switched off', () => {
    const withQuiet = { ...saved, quietHours: { startMinute: 1320, endMinute: 420 } };
    const values = valuesFromPreferences(withQuiet);
    values.quietHoursOn = false;
    expect(preferencesChange(withQuiet, values)).toEqual({ quietHours: null });
  });

  it('asks for real times only while quiet hours are on, and a whole budget the API takes', () => {
    const values = { ...valuesFromPreferences(saved), quietFrom: '', quietTo: '7' };
    expect(validatePreferences(values)).toEqual({});
    expect(validatePreferences({ ...values, quietHoursOn: true })).toEqual({
      quietFrom: 'timeRequired',
      quietTo: 'timeRequired',
    });
    expect(validatePreferences({ ...values, dailyEmailBudget: -1 })).toEqual({ dailyEmailBudget: 'budgetRange' });
    expect(validatePreferences({ ...values, dailyEmailBudget: 101 })).toEqual({ dailyEmailBudget: 'budgetRange' });
    expect(validatePreferences({ ...values, dailyEmailBudget: '' })).toEqual({ dailyEmailBudget: 'budgetRange' });
    expect(validatePreferences({ ...values, dailyEmailBudget: 0 })).toEqual({});
  });

  it('leaves the rule that quiet hours must start and end at different times to the API, shown on “until”', () => {
    const values = { ...valuesFromPreferences(saved), quietHoursOn: true, quietFrom: '22:00', quietTo: '22:00' };
    expect(validatePreferences(values)).toEqual({});
    const refused = (field: string) =>
      placeRefusal({ kind: 'badUserInput', field, detail: 'refused' }, PREFERENCES_REFUSAL_FIELDS).field;
    expect(refused('quietHours')).toBe('quietTo');
    expect(refused('dailyEmailBudget')).toBe('dailyEmailBudget');
    expect(refused('category')).toBeUndefined();
  });
});
