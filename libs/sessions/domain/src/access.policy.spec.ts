import { DomainError } from '@trellis/shared/kernel';
import {
  engagementReaderAccess,
  groupHostingAccess,
  isProgramManager,
  organizesSession,
  pairRole,
  programEngagementsAccess,
  sessionAttendeeAccess,
  sessionReaderAccess,
} from './access.policy';
import { enforce } from './policy-decision';

const session = { kind: 'group' as const, hostPersonId: 'host', inviteePersonIds: ['a', 'b'] };
const pair = { mentorPersonId: 'mentor', menteePersonId: 'mentee' };
const participant = { roles: ['mentee'], status: 'active' };
const manager = { roles: ['manager'], status: null };

describe('isProgramManager', () => {
  it('given a manager membership or an org admin, is true', () => {
    expect(isProgramManager({}, manager)).toBe(true);
    expect(isProgramManager({ orgAdmin: true }, null)).toBe(true);
  });

  it('given a participant or no membership, is false', () => {
    expect(isProgramManager({}, participant)).toBe(false);
    expect(isProgramManager({ orgAdmin: false }, null)).toBe(false);
  });
});

describe('sessionAttendeeAccess', () => {
  it('given the host or an invitee, allows', () => {
    expect(sessionAttendeeAccess(session, 'host')).toEqual({ allowed: true, value: true });
    expect(sessionAttendeeAccess(session, 'b')).toEqual({ allowed: true, value: true });
  });

  it('given anyone else, refuses as missing', () => {
    expect(sessionAttendeeAccess(session, 'stranger')).toMatchObject({
      allowed: false,
      code: 'NOT_FOUND',
      message: 'There is no such session.',
    });
  });
});

describe('sessionReaderAccess', () => {
  it('given an attendee, allows them as no manager even if they manage the program', () => {
    expect(sessionReaderAccess(session, 'a', true)).toEqual({ allowed: true, value: { manager: false } });
  });

  it('given a manager of the program, allows them as manager', () => {
    expect(sessionReaderAccess(session, 'boss', true)).toEqual({ allowed: true, value: { manager: true } });
  });

  it('given anyone else, refuses as missing', () => {
    expect(sessionReaderAccess(session, 'stranger', false)).toMatchObject({ allowed: false, code: 'NOT_FOUND' });
  });
});

describe('engagementReaderAccess', () => {
  it('given either side of the pair, allows with their role', () => {
    expect(pairRole(pair, 'mentor')).toBe('mentor');
    expect(engagementReaderAccess(pair, 'mentor', false)).toEqual({ allowed: true, value: 'mentor' });
    expect(engagementReaderAccess(pair, 'mentee', true)).toEqual({ allowed: true, value: 'mentee' });
  });

  it('given a manager of the program, allows as manager', () => {
    expect(pairRole(pair, 'boss')).toBeUndefined();
    expect(engagementReaderAccess(pair, 'boss', true)).toEqual({ allowed: true, value: 'manager' });
  });

  it('given anyone else, refuses as missing', () => {
    expect(engagementReaderAccess(pair, 'stranger', false)).toMatchObject({
      allowed: false,
      code: 'NOT_FOUND',
      message: 'There is no engagement for this mentorship.',
    });
  });
});

describe('programEngagementsAccess', () => {
  it('allows managers and refuses everyone else as forbidden', () => {
    expect(programEngagementsAccess(true)).toEqual({ allowed: true, value: true });
    expect(programEngagementsAccess(false)).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
  });
});

describe('groupHostingAccess', () => {
  const facts = {
    programExists: true,
    host: participant,
    invitees: [
      { personId: 'a', membership: participant },
      { personId: 'b', membership: manager },
    ],
  };

  it('given an active participant inviting members of the program, allows', () => {
    expect(groupHostingAccess(facts)).toEqual({ allowed: true, value: true });
  });

  it('given an unknown program, refuses as missing before anything else', () => {
    expect(groupHostingAccess({ ...facts, programExists: false, host: null })).toMatchObject({
      allowed: false,
      code: 'NOT_FOUND',
      message: 'There is no such program.',
    });
  });

  it('given a host outside the program or paused, refuses as forbidden', () => {
    expect(groupHostingAccess({ ...facts, host: null })).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    expect(groupHostingAccess({ ...facts, host: { roles: ['mentor'], status: 'paused' } })).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
    });
  });

  it('given an org admin outside the program, allows them to host', () => {
    expect(groupHostingAccess({ ...facts, host: null, orgAdmin: true })).toEqual({ allowed: true, value: true });
  });

  it('given an invitee outside the program, refuses the first one as bad input naming them', () => {
    const invitees = [
      { personId: 'a', membership: participant },
      { personId: 'x', membership: null },
      { personId: 'y', membership: null },
    ];
    expect(groupHostingAccess({ ...facts, invitees })).toEqual({
      allowed: false,
      code: 'BAD_USER_INPUT',
      message: 'Person x is not part of this program.',
      details: { field: 'inviteePersonIds', personId: 'x' },
    });
  });
});

describe('organizesSession', () => {
  it('given a one-on-one, either attendee organizes it', () => {
    const oneOnOne = { ...session, kind: 'one-on-one' as const, inviteePersonIds: ['a'] };
    expect(organizesSession(oneOnOne, 'host')).toBe(true);
    expect(organizesSession(oneOnOne, 'a')).toBe(true);
    expect(organizesSession(oneOnOne, 'stranger')).toBe(false);
  });

  it('given a group session, only its host organizes it', () => {
    expect(organizesSession(session, 'host')).toBe(true);
    expect(organizesSession(session, 'a')).toBe(false);
  });
});

describe('enforce', () => {
  it('returns the allowed value and throws a refusal as a DomainError with its code', () => {
    expect(enforce(engagementReaderAccess(pair, 'mentee', false))).toBe('mentee');
    expect(() => enforce(programEngagementsAccess(false))).toThrow(DomainError);
    try {
      enforce(programEngagementsAccess(false));
    } catch (error) {
      expect(error).toMatchObject({
        code: 'FORBIDDEN',
        message: 'Only the managers of this program read its engagements.',
      });
    }
  });
});
