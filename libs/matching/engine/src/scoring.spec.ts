import { overlapMinutes, timezoneOffsetMinutes, toUtcIntervals } from './availability';
import { isExcluded, scorePair } from './scoring';
import { defaultRules, type MenteeProfile, type MentorProfile } from './types';

const rules = defaultRules({ referenceDate: '2026-01-15T12:00:00Z', matchingQuestionIds: ['q1'] });

const mentor = (over: Partial<MentorProfile> = {}): MentorProfile => ({
  id: 'mentor-a',
  languages: ['en'],
  timezone: 'Europe/Paris',
  availability: [{ day: 0, startMinute: 18 * 60, endMinute: 20 * 60 }],
  offers: [{ skill: 'typescript', level: 4 }],
  capacity: 2,
  ...over,
});
const mentee = (over: Partial<MenteeProfile> = {}): MenteeProfile => ({
  id: 'mentee-a',
  languages: ['en'],
  timezone: 'Europe/London',
  availability: [{ day: 0, startMinute: 17 * 60, endMinute: 19 * 60 }],
  seeks: [{ skill: 'typescript', currentLevel: 2 }],
  ...over,
});

describe('availability across time zones', () => {
  it('takes the offset at the reference date, so DST does not move it', () => {
    expect(timezoneOffsetMinutes('Europe/Paris', '2026-01-15T12:00:00Z')).toBe(60);
    expect(timezoneOffsetMinutes('Europe/Paris', '2026-07-15T12:00:00Z')).toBe(120);
    expect(timezoneOffsetMinutes('Asia/Kolkata', '2026-01-15T12:00:00Z')).toBe(330);
  });

  it('computes overlap in UTC, including windows that wrap around the week', () => {
    // Paris 18:00-20:00 = 17:00-19:00 UTC; London 17:00-19:00 = 17:00-19:00 UTC in January.
    const paris = toUtcIntervals([{ day: 0, startMinute: 18 * 60, endMinute: 20 * 60 }], 60);
    const london = toUtcIntervals([{ day: 0, startMinute: 17 * 60, endMinute: 19 * 60 }], 0);
    expect(overlapMinutes(paris, london)).toBe(120);
    // Monday 00:30-01:30 in Paris is Sunday 23:30 - Monday 00:30 UTC.
    const early = toUtcIntervals([{ day: 0, startMinute: 30, endMinute: 90 }], 60);
    const sundayNight = toUtcIntervals([{ day: 6, startMinute: 23 * 60, endMinute: 24 * 60 }], 0);
    expect(overlapMinutes(early, sundayNight)).toBe(30);
  });
});

describe('scorePair', () => {
  it('explains the score as the sum of factor contributions', () => {
    const r = scorePair(mentor(), mentee(), rules);
    if (isExcluded(r)) throw new Error('unexpected exclusion');
    const sum = r.factors.reduce((s, f) => s + f.contribution, 0);
    expect(r.score).toBeCloseTo(sum, 5);
    const skills = r.factors.find((f) => f.name === 'skills')!;
    expect(skills.value).toBe(1); // two levels above the mentee
    expect(r.factors.find((f) => f.name === 'availability')!.value).toBe(1);
  });

  it('rewards the right level gap, shared answers and favourites', () => {
    const base = scorePair(mentor(), mentee(), rules);
    const peer = scorePair(mentor({ offers: [{ skill: 'typescript', level: 2 }] }), mentee(), rules);
    const fav = scorePair(mentor(), mentee({ favouriteMentorIds: ['mentor-a'] }), rules);
    const answers = scorePair(mentor({ answers: { q1: 'x' } }), mentee({ answers: { q1: 'x' } }), rules);
    if (isExcluded(base) || isExcluded(peer) || isExcluded(fav) || isExcluded(answers)) throw new Error('excluded');
    expect(peer.score).toBeLessThan(base.score);
    expect(fav.score).toBeGreaterThan(base.score);
    expect(answers.score).toBeGreaterThan(base.score);
  });

  it('applies hard rules before scoring', () => {
    expect(scorePair(mentor({ capacity: 0 }), mentee(), rules)).toEqual({ excluded: 'no-capacity' });
    expect(scorePair(mentor(), mentee({ managerIds: ['mentor-a'] }), rules)).toEqual({ excluded: 'reporting-line' });
    expect(scorePair(mentor(), mentee({ previousMentorIds: ['mentor-a'] }), rules)).toEqual({
      excluded: 'previous-pair',
    });
    expect(scorePair(mentor({ blockedIds: ['mentee-a'] }), mentee(), rules)).toEqual({ excluded: 'blocked' });
    expect(scorePair(mentor({ languages: ['fr'] }), mentee(), rules)).toEqual({ excluded: 'no-shared-language' });
    const dept = defaultRules({
      hardRules: { excludeReportingLine: true, excludeSameDepartment: true, requireSharedLanguage: true },
    });
    expect(scorePair(mentor({ department: 'x' }), mentee({ department: 'x' }), dept)).toEqual({
      excluded: 'same-department',
    });
    expect(isExcluded(scorePair(mentor({ department: 'x' }), mentee({ department: 'x' }), rules))).toBe(false);
    const tz = defaultRules({
      hardRules: {
        excludeReportingLine: true,
        excludeSameDepartment: false,
        requireSharedLanguage: true,
        maxTimezoneGapHours: 3,
      },
    });
    expect(scorePair(mentor({ timezone: 'Asia/Tokyo' }), mentee(), tz)).toEqual({ excluded: 'timezone-gap' });
  });

  it('excludes a reporting line only while the rule is on', () => {
    const off = defaultRules({ hardRules: { ...rules.hardRules, excludeReportingLine: false } });
    expect(scorePair(mentor({ managerIds: ['mentee-a'] }), mentee(), rules)).toEqual({ excluded: 'reporting-line' });
    expect(isExcluded(scorePair(mentor(), mentee({ managerIds: ['mentor-a'] }), off))).toBe(false);
    expect(isExcluded(scorePair(mentor({ managerIds: ['mentee-a'] }), mentee(), off))).toBe(false);
  });

  it('holds the mentor to the minimum seniority gap when both state their seniority', () => {
    const gap2 = defaultRules({ hardRules: { ...rules.hardRules, minSeniorityGap: 2 } });
    expect(scorePair(mentor({ seniorityYears: 4 }), mentee({ seniorityYears: 3 }), gap2)).toEqual({
      excluded: 'seniority-gap',
    });
    expect(isExcluded(scorePair(mentor({ seniorityYears: 5 }), mentee({ seniorityYears: 3 }), gap2))).toBe(false);
    expect(isExcluded(scorePair(mentor(), mentee({ seniorityYears: 3 }), gap2))).toBe(false);
    expect(isExcluded(scorePair(mentor({ seniorityYears: 4 }), mentee({ seniorityYears: 3 }), rules))).toBe(false);
    // A negative gap lets a mentor be that many levels junior.
    const lenient = defaultRules({ hardRules: { ...rules.hardRules, minSeniorityGap: -1 } });
    expect(isExcluded(scorePair(mentor({ seniorityYears: 2 }), mentee({ seniorityYears: 3 }), lenient))).toBe(false);
    expect(scorePair(mentor({ seniorityYears: 1 }), mentee({ seniorityYears: 3 }), lenient)).toEqual({
      excluded: 'seniority-gap',
    });
  });
});
