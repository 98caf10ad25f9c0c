import { solve, type MatchingProblem } from './solve';
import { defaultRules, type HardRules, type MenteeProfile, type MentorProfile } from './types';

const mentor = (id: string, over: Partial<MentorProfile> = {}): MentorProfile => ({
  id,
  languages: ['en'],
  timezone: 'Europe/Paris',
  availability: [{ day: 1, startMinute: 600, endMinute: 720 }],
  offers: [{ skill: 'ts', level: 4 }],
  capacity: 1,
  ...over,
});

const mentee = (id: string, over: Partial<MenteeProfile> = {}): MenteeProfile => ({
  id,
  languages: ['en'],
  timezone: 'Europe/Paris',
  availability: [{ day: 1, startMinute: 600, endMinute: 720 }],
  seeks: [{ skill: 'ts', currentLevel: 2 }],
  ...over,
});

const rules = (hard: Partial<HardRules> = {}) =>
  defaultRules({
    hardRules: { excludeReportingLine: true, excludeSameDepartment: false, requireSharedLanguage: true, ...hard },
  });

const hintsOf = (problem: MatchingProblem, menteeId: string) =>
  solve(problem).explanations.find((e) => e.menteeId === menteeId)?.hints;

const matched = (problem: MatchingProblem, menteeId: string) =>
  solve(problem).assignments.some((a) => a.menteeId === menteeId);

describe('what would match an unmatched mentee', () => {
  it('names the smallest time-zone gap that lets mentors fit, and that gap matches them', () => {
    const problem: MatchingProblem = {
      mentors: [
        mentor('paris'),
        mentor('london', { timezone: 'Europe/London' }),
        mentor('ny', { timezone: 'America/New_York' }),
      ],
      mentees: [mentee('kolkata', { timezone: 'Asia/Kolkata' })],
      rules: rules({ maxTimezoneGapHours: 3 }),
    };
    expect(matched(problem, 'kolkata')).toBe(false);
    // Kolkata is UTC+5:30 in January: Paris 4.5 hours away, London 5.5, New York 10.5.
    expect(hintsOf(problem, 'kolkata')).toEqual([{ type: 'wider-timezone-gap', gapHours: 5, mentorCount: 1 }]);
    expect(matched({ ...problem, rules: rules({ maxTimezoneGapHours: 5 }) }, 'kolkata')).toBe(true);
  });

  it('counts the mentors a shared language keeps out and names the language most of them speak', () => {
    const problem: MatchingProblem = {
      mentors: [mentor('a', { languages: ['de'] }), mentor('b', { languages: ['de', 'en'] })],
      mentees: [mentee('pt', { languages: ['pt'] })],
      rules: rules(),
    };
    expect(hintsOf(problem, 'pt')).toEqual([{ type: 'no-shared-language', mentorCount: 2, language: 'de' }]);
    expect(matched({ ...problem, rules: rules({ requireSharedLanguage: false }) }, 'pt')).toBe(true);
  });

  it('asks for one more place among the fitting mentors when they are all full, and that place matches them', () => {
    const problem: MatchingProblem = {
      mentors: [mentor('pt-speaker', { languages: ['pt', 'en'] }), mentor('en-only')],
      mentees: [mentee('first', { languages: ['pt'] }), mentee('second', { languages: ['pt'] }), mentee('other')],
      rules: rules(),
    };
    const result = solve(problem);
    const unmatched = result.explanations.filter((e) => e.unmatched);
    expect(unmatched).toHaveLength(1);
    expect(unmatched[0]!.hints).toEqual([
      { type: 'extra-place', mentorCount: 1, bestMentorId: 'pt-speaker', language: 'pt' },
    ]);
    const more = {
      ...problem,
      mentors: [mentor('pt-speaker', { languages: ['pt', 'en'], capacity: 2 }), mentor('en-only')],
    };
    expect(matched(more, unmatched[0]!.menteeId)).toBe(true);
  });

  it('says more mentors are needed when no rule change would help', () => {
    const problem: MatchingProblem = {
      mentors: [mentor('only')],
      mentees: [mentee('again', { previousMentorIds: ['only'] })],
      rules: rules(),
    };
    expect(hintsOf(problem, 'again')).toEqual([{ type: 'more-mentors' }]);
  });

  it('lists several loosenable rules, the one letting most mentors fit first', () => {
    const problem: MatchingProblem = {
      mentors: [
        mentor('far', { timezone: 'America/New_York' }),
        mentor('de1', { languages: ['de'] }),
        mentor('de2', { languages: ['de'] }),
      ],
      mentees: [mentee('x')],
      rules: rules({ maxTimezoneGapHours: 2 }),
    };
    expect(hintsOf(problem, 'x')).toEqual([
      { type: 'no-shared-language', mentorCount: 2, language: 'de' },
      { type: 'wider-timezone-gap', gapHours: 6, mentorCount: 1 },
    ]);
  });
});
