import {
  blockedPairs,
  eligibleMentees,
  previousMentors,
  remainingCapacity,
  type ExistingMentorship,
} from './round-candidates';

const mentorship = (mentorPersonId: string, menteePersonId: string, status = 'active'): ExistingMentorship => ({
  mentorPersonId,
  menteePersonId,
  status,
});
const pair = (mentorPersonId: string, menteePersonId: string) => ({ mentorPersonId, menteePersonId });

describe('remainingCapacity', () => {
  const mentors = [
    { personId: 'ana', mentorCapacity: 3 },
    { personId: 'ben', mentorCapacity: 1 },
    { personId: 'cy', mentorCapacity: 2 },
  ];

  it('gives every mentor their full capacity when nothing is taken', () => {
    expect(remainingCapacity(mentors, [], [])).toEqual([
      { mentor: mentors[0], capacity: 3 },
      { mentor: mentors[1], capacity: 1 },
      { mentor: mentors[2], capacity: 2 },
    ]);
  });

  it('takes a seat per active mentorship and per locked pair, but none for ended mentorships', () => {
    const existing = [mentorship('ana', 'm1'), mentorship('ana', 'm2', 'ended'), mentorship('cy', 'm3', 'paused')];
    expect(remainingCapacity(mentors, existing, [pair('ana', 'm4')])).toEqual([
      { mentor: mentors[0], capacity: 1 },
      { mentor: mentors[1], capacity: 1 },
      { mentor: mentors[2], capacity: 1 },
    ]);
  });

  it('leaves out mentors without a seat left, never going below zero', () => {
    const existing = [mentorship('ben', 'm1'), mentorship('ben', 'm2')];
    expect(remainingCapacity(mentors, existing, [pair('cy', 'm3'), pair('cy', 'm4')])).toEqual([
      { mentor: mentors[0], capacity: 3 },
    ]);
  });
});

describe('eligibleMentees', () => {
  const mentees = [
    { personId: 'm1', cohortId: 'c1' },
    { personId: 'm2', cohortId: 'c2' },
    { personId: 'm3', cohortId: null },
    { personId: 'm4', cohortId: 'c1' },
  ];

  it('keeps every mentee of any cohort when the round has no cohort', () => {
    expect(eligibleMentees(mentees, [], [], null)).toEqual(mentees);
  });

  it('keeps only the round’s cohort when it has one', () => {
    expect(eligibleMentees(mentees, [], [], 'c1')).toEqual([mentees[0], mentees[3]]);
  });

  it('leaves out mentees in an active mentorship or locked in the round, not those whose mentorship ended', () => {
    const existing = [mentorship('ana', 'm1'), mentorship('ana', 'm2', 'ended'), mentorship('ben', 'm3', 'paused')];
    expect(eligibleMentees(mentees, existing, [pair('cy', 'm4')], null)).toEqual([mentees[1]]);
  });
});

describe('previousMentors', () => {
  it('lists each mentee’s mentors in order, ended mentorships included', () => {
    const existing = [mentorship('ana', 'm1', 'ended'), mentorship('ben', 'm2'), mentorship('cy', 'm1')];
    expect(previousMentors(existing)).toEqual(
      new Map([
        ['m1', ['ana', 'cy']],
        ['m2', ['ben']],
      ]),
    );
  });
});

describe('blockedPairs', () => {
  it('lists the mentors removed for each mentee', () => {
    expect(blockedPairs([pair('ana', 'm1'), pair('ben', 'm1'), pair('ana', 'm2')])).toEqual(
      new Map([
        ['m1', ['ana', 'ben']],
        ['m2', ['ana']],
      ]),
    );
  });

  it('is empty when the manager removed nothing', () => {
    expect(blockedPairs([])).toEqual(new Map());
  });
});
