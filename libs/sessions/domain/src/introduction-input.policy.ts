import { DomainError } from '@trellis/shared/kernel';
import { allow, type PolicyDecision, refuse } from './policy-decision';
import { checkText } from './sealed';

/**
 * The input rules of an introduction, run on the plain text before the app seals the contact with the introducing
 * mentor's key (docs/architecture.md §7): the domain never reads the sealed value, so it checks it here.
 */

export interface ContactInput {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  organization?: string | undefined;
}

/** A contact as it is sealed: trimmed, empty optional fields left out. */
export interface ContactDetails {
  name: string;
  email?: string;
  phone?: string;
  organization?: string;
}

/** Either a participant or an external contact, never both, never neither. */
export function introductionTargetRule(input: { toPersonId?: string | undefined; contact?: unknown }): PolicyDecision {
  return (input.toPersonId ? 1 : 0) + (input.contact ? 1 : 0) === 1
    ? allow(true)
    : refuse('BAD_USER_INPUT', 'Introduce the mentee either to a participant or to an external contact.');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()./-]{5,30}$/;
const MAX_CONTACT_FIELD = 200;

type OptionalField = 'email' | 'phone' | 'organization';

function optionalContactField(field: OptionalField, value: string | undefined): PolicyDecision<string | undefined> {
  const text = (value ?? '').trim();
  if (!text) return allow(undefined);
  if (text.length > MAX_CONTACT_FIELD) return refuse('BAD_USER_INPUT', `Contact ${field} is too long.`, { field });
  if (field === 'email' && !EMAIL.test(text)) {
    return refuse('BAD_USER_INPUT', 'Contact email is not an email address.', { field });
  }
  if (field === 'phone' && !PHONE.test(text)) {
    return refuse('BAD_USER_INPUT', 'Contact phone is not a phone number.', { field });
  }
  return allow(text);
}

/** An external contact's details, checked field by field in the order the form shows them (name first). */
export function contactRule(contact: ContactInput): PolicyDecision<ContactDetails> {
  let name: string;
  try {
    name = checkText('introductionContact', contact.name, 'Contact name')!;
  } catch (error) {
    if (error instanceof DomainError) return refuse(error.code, error.message, error.details);
    throw error;
  }
  const details: ContactDetails = { name };
  for (const field of ['email', 'phone', 'organization'] as const) {
    const checked = optionalContactField(field, contact[field]);
    if (!checked.allowed) return checked;
    if (checked.value !== undefined) details[field] = checked.value;
  }
  return allow(details);
}
