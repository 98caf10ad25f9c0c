import { contactRule, introductionTargetRule } from './introduction-input.policy';

describe('introductionTargetRule', () => {
  it('given exactly one of a participant and a contact, allows', () => {
    expect(introductionTargetRule({ toPersonId: 'p' })).toEqual({ allowed: true, value: true });
    expect(introductionTargetRule({ contact: { name: 'Ada' } })).toEqual({ allowed: true, value: true });
  });

  it('given both or neither, refuses as bad input', () => {
    const refused = {
      allowed: false,
      code: 'BAD_USER_INPUT',
      message: 'Introduce the mentee either to a participant or to an external contact.',
    };
    expect(introductionTargetRule({ toPersonId: 'p', contact: { name: 'Ada' } })).toMatchObject(refused);
    expect(introductionTargetRule({})).toMatchObject(refused);
  });
});

describe('contactRule', () => {
  it('given valid details, allows them trimmed and leaves empty optional fields out', () => {
    expect(contactRule({ name: '  Ada Lovelace ', email: ' ada@example.org ', phone: '', organization: '  ' })).toEqual(
      { allowed: true, value: { name: 'Ada Lovelace', email: 'ada@example.org' } },
    );
    expect(contactRule({ name: 'Ada', phone: '+44 (20) 7946-0958', organization: 'Analytical Engines' })).toEqual({
      allowed: true,
      value: { name: 'Ada', phone: '+44 (20) 7946-0958', organization: 'Analytical Engines' },
    });
  });

  it('given no name, refuses by the text rule of contact details', () => {
    expect(contactRule({ name: '  ', email: 'nonsense' })).toEqual({
      allowed: false,
      code: 'BAD_USER_INPUT',
      message: 'Contact name must not be empty.',
      details: { field: 'introductionContact' },
    });
  });

  it('given a malformed email or phone, refuses naming the field', () => {
    expect(contactRule({ name: 'Ada', email: 'ada-at-example' })).toEqual({
      allowed: false,
      code: 'BAD_USER_INPUT',
      message: 'Contact email is not an email address.',
      details: { field: 'email' },
    });
    expect(contactRule({ name: 'Ada', phone: 'call me' })).toEqual({
      allowed: false,
      code: 'BAD_USER_INPUT',
      message: 'Contact phone is not a phone number.',
      details: { field: 'phone' },
    });
  });

  it('given a field over 200 characters, refuses it as too long before checking its format', () => {
    expect(contactRule({ name: 'Ada', email: `${'a'.repeat(200)}@x.org` })).toEqual({
      allowed: false,
      code: 'BAD_USER_INPUT',
      message: 'Contact email is too long.',
      details: { field: 'email' },
    });
    expect(contactRule({ name: 'Ada', organization: 'o'.repeat(201) })).toMatchObject({
      allowed: false,
      details: { field: 'organization' },
    });
  });

  it('checks the fields in order: the first bad one is refused', () => {
    expect(contactRule({ name: 'Ada', email: 'bad', phone: 'bad' })).toMatchObject({ details: { field: 'email' } });
  });
});
