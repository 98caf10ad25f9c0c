import { DomainError, type SealedText } from '@trellis/shared/kernel';

/**
 * Free text (goal titles, notes, feedback comments, meeting links, contact details) reaches the domain already
 * sealed by the app (docs/architecture.md §7): the domain only checks that a required value is present and carries it
 * into events. Text rules run in the app on the plain text, before sealing, with `checkText` below, so the domain
 * still owns them.
 */
export function isSealed(value: unknown): value is SealedText {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { enc?: unknown }).enc === 'string' &&
    (value as { enc: string }).enc.length > 0
  );
}

export function requireSealed(value: unknown, field: string): SealedText {
  if (!isSealed(value)) throw new DomainError('BAD_USER_INPUT', `${field} is required.`, { field });
  return value;
}

export function optionalSealed(value: unknown, field: string): SealedText | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isSealed(value)) throw new DomainError('BAD_USER_INPUT', `${field} is not valid.`, { field });
  return value;
}

export interface TextRule {
  required: boolean;
  maxLength: number;
}

/** Limits for the plain text of each free-text field, checked by the app before it encrypts. */
export const TEXT_RULES = {
  goalTitle: { required: true, maxLength: 200 },
  smartField: { required: false, maxLength: 2000 },
  milestoneTitle: { required: true, maxLength: 200 },
  progressNote: { required: false, maxLength: 4000 },
  actionItemTitle: { required: true, maxLength: 300 },
  resourceTitle: { required: true, maxLength: 300 },
  resourceLink: { required: false, maxLength: 2000 },
  introductionContact: { required: true, maxLength: 1000 },
  introductionNote: { required: false, maxLength: 4000 },
  agreementText: { required: false, maxLength: 8000 },
  reflection: { required: true, maxLength: 20000 },
  sessionTitle: { required: false, maxLength: 200 },
  meetingLink: { required: true, maxLength: 2000 },
  location: { required: true, maxLength: 500 },
  notes: { required: true, maxLength: 20000 },
  feedbackText: { required: false, maxLength: 4000 },
  message: { required: true, maxLength: 4000 },
  // Whether a survey answer is required is the question's business, checked by the domain on the sealed answer.
  surveyShortAnswer: { required: false, maxLength: 300 },
  surveyLongAnswer: { required: false, maxLength: 4000 },
} as const satisfies Record<string, TextRule>;

export type TextField = keyof typeof TEXT_RULES;

/** Trims and checks plain text against its rule; returns undefined for an empty optional field. */
export function checkText(
  field: TextField,
  value: string | null | undefined,
  label: string = field,
): string | undefined {
  const rule: TextRule = TEXT_RULES[field];
  const text = (value ?? '').trim();
  if (text.length === 0) {
    if (rule.required) throw new DomainError('BAD_USER_INPUT', `${label} must not be empty.`, { field });
    return undefined;
  }
  if (text.length > rule.maxLength) {
    throw new DomainError('BAD_USER_INPUT', `${label} must be at most ${rule.maxLength} characters.`, { field });
  }
  if (field === 'meetingLink' || field === 'resourceLink') {
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw new DomainError('BAD_USER_INPUT', `${label} must be a web address starting with https://.`, { field });
    }
  }
  return text;
}
