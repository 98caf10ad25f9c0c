import type { ParticipantRole } from '@trellis/profiles/contracts';
import { DomainError } from '@trellis/shared/event-store';
import { z } from 'zod';
import type { PlainProfile } from '../core/sealing';
import type { ProfileInput } from '../graphql/profiles.types';

const text = (field: string, max: number) =>
  z
    .string()
    .max(max, `${field} has at most ${max} characters.`)
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v), `${field} contains control characters.`);

// Free-text limits are checked here because the domain only ever sees the sealed text.
const freeText = z.object({
  displayName: text('Display name', 80).refine((v) => v.trim().length >= 2, 'Display name has at least 2 characters.'),
  email: z.string().trim().email('Email is not a valid address.').max(254),
  headline: text('Headline', 140).nullable(),
  bio: text('Bio', 4000).nullable(),
  goals: text('Goals', 2000).nullable(),
});

const EMPTY_PROFILE: PlainProfile = {
  displayName: '',
  email: '',
  headline: null,
  bio: null,
  goals: null,
  department: null,
  orgUnit: null,
  seniority: null,
  field: null,
  skillsOffered: [],
  skillsSought: [],
  interests: [],
  languages: [],
  timezone: '',
  availability: [],
  formats: [],
  communicationStyle: null,
  managerPersonId: null,
  answers: [],
  demographics: {},
};

/** The profile after applying the input on top of `current` (omitted fields keep their value). */
export function mergeProfileInput(input: ProfileInput, current: PlainProfile | null): PlainProfile {
  const base = current ?? EMPTY_PROFILE;
  const pick = <K extends keyof ProfileInput & keyof PlainProfile>(key: K): PlainProfile[K] =>
    (input[key] === undefined ? base[key] : input[key]) as PlainProfile[K];
  const merged: PlainProfile = {
    displayName: pick('displayName'),
    email: pick('email'),
    headline: pick('headline'),
    bio: pick('bio'),
    goals: pick('goals'),
    department: pick('department'),
    orgUnit: pick('orgUnit'),
    seniority: pick('seniority'),
    field: pick('field'),
    skillsOffered: pick('skillsOffered'),
    skillsSought: pick('skillsSought'),
    interests: pick('interests'),
    languages: pick('languages'),
    timezone: pick('timezone'),
    availability: pick('availability'),
    formats: pick('formats'),
    communicationStyle: pick('communicationStyle'),
    managerPersonId: pick('managerPersonId'),
    answers:
      input.answers === undefined
        ? base.answers
        : input.answers.map((a) => ({
            questionId: a.questionId,
            ...(a.optionIds != null ? { optionIds: a.optionIds } : {}),
            ...(a.value != null ? { value: a.value } : {}),
            ...(a.text != null ? { text: a.text } : {}),
          })),
    demographics:
      input.demographics === undefined
        ? base.demographics
        : Object.fromEntries(input.demographics.map((d) => [d.field, { consent: d.consent, value: d.value ?? null }])),
  };
  if (!merged.timezone) throw new DomainError('BAD_USER_INPUT', 'A time zone is required.', { field: 'timezone' });
  const checked = freeText.safeParse(merged);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new DomainError('BAD_USER_INPUT', issue?.message ?? 'Invalid profile.', {
      field: issue?.path.join('.') ?? 'profile',
    });
  }
  for (const answer of merged.answers) {
    if (answer.text !== undefined && (answer.text.trim().length === 0 || answer.text.length > 500)) {
      throw new DomainError('BAD_USER_INPUT', 'A short-text answer has 1 to 500 characters.', {
        field: `answers.${answer.questionId}`,
      });
    }
  }
  return merged;
}

export function parseRoles(roles: string[]): ParticipantRole[] {
  return roles.map((role) => {
    if (role !== 'mentor' && role !== 'mentee') {
      throw new DomainError('BAD_USER_INPUT', `"${role}" is not a role; use mentor or mentee.`, { field: 'roles' });
    }
    return role;
  });
}
