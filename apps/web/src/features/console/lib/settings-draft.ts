import type { ProgramFormat, ProgramSettingsInput } from '../../../gql/graphql';

/** Number fields hold '' while empty: an empty field keeps the program's (or, on creation, the default) value. */
export interface SettingsDraft {
  format: ProgramFormat | '';
  defaultMentorCapacity: number | '';
  maxCircleSize: number | '';
  maxPreferredMentors: number | '';
  maxOpenRequestsPerMentee: number | '';
  requestExpiryDays: number | '';
  meetingCadenceDays: number | '';
  relationshipDurationWeeks: number | '';
  surveyResultThreshold: number | '';
  offerNextBestOnDecline: boolean;
  /** Empty keeps messages without limit: unlike the other numbers, empty is a value the API receives (null). */
  conversationRetentionDays: number | '';
}

export const NUMBER_SETTINGS = [
  'defaultMentorCapacity',
  'maxCircleSize',
  'maxPreferredMentors',
  'maxOpenRequestsPerMentee',
  'requestExpiryDays',
  'meetingCadenceDays',
  'relationshipDurationWeeks',
  'surveyResultThreshold',
] as const;

export type SettingsField = keyof SettingsDraft;

export const EMPTY_SETTINGS: SettingsDraft = {
  format: '',
  defaultMentorCapacity: '',
  maxCircleSize: '',
  maxPreferredMentors: '',
  maxOpenRequestsPerMentee: '',
  requestExpiryDays: '',
  meetingCadenceDays: '',
  relationshipDurationWeeks: '',
  surveyResultThreshold: '',
  offerNextBestOnDecline: true,
  conversationRetentionDays: '',
};

/** A program's current settings as the console query reads them. */
export type ProgramSettingsValues = {
  format: ProgramFormat;
  offerNextBestOnDecline: boolean;
  conversationRetentionDays?: number | null;
} & Record<(typeof NUMBER_SETTINGS)[number], number>;

export function settingsDraftOf(settings: ProgramSettingsValues): SettingsDraft {
  const { format, offerNextBestOnDecline } = settings;
  const draft: SettingsDraft = {
    ...EMPTY_SETTINGS,
    format,
    offerNextBestOnDecline,
    conversationRetentionDays: settings.conversationRetentionDays ?? '',
  };
  for (const key of NUMBER_SETTINGS) draft[key] = settings[key];
  return draft;
}

/** The API's input: only what the form holds a value for (omitted settings keep their value). */
export function toSettingsInput(draft: SettingsDraft): ProgramSettingsInput {
  const input: ProgramSettingsInput = {
    offerNextBestOnDecline: draft.offerNextBestOnDecline,
    conversationRetentionDays: draft.conversationRetentionDays === '' ? null : draft.conversationRetentionDays,
  };
  if (draft.format) input.format = draft.format;
  for (const key of NUMBER_SETTINGS) {
    const value = draft[key];
    if (value !== '') input[key] = value;
  }
  return input;
}

/** Where the API may name each setting in a refusal: the input's path or the setting alone. */
export const SETTINGS_REFUSAL_NAMES: Readonly<Record<SettingsField, readonly string[]>> = {
  format: ['settings.format', 'format'],
  defaultMentorCapacity: ['settings.defaultMentorCapacity', 'defaultMentorCapacity'],
  maxCircleSize: ['settings.maxCircleSize', 'maxCircleSize'],
  maxPreferredMentors: ['settings.maxPreferredMentors', 'maxPreferredMentors'],
  maxOpenRequestsPerMentee: ['settings.maxOpenRequestsPerMentee', 'maxOpenRequestsPerMentee'],
  requestExpiryDays: ['settings.requestExpiryDays', 'requestExpiryDays'],
  meetingCadenceDays: ['settings.meetingCadenceDays', 'meetingCadenceDays'],
  relationshipDurationWeeks: ['settings.relationshipDurationWeeks', 'relationshipDurationWeeks'],
  offerNextBestOnDecline: ['settings.offerNextBestOnDecline', 'offerNextBestOnDecline'],
  surveyResultThreshold: ['settings.surveyResultThreshold', 'surveyResultThreshold'],
  conversationRetentionDays: ['settings.conversationRetentionDays', 'conversationRetentionDays'],
};
