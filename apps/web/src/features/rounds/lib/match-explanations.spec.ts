import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../lib/i18n';
import { matchHintSentence, notFirstChoiceSentence } from './match-explanations';

const english = () => createI18n('en', { texts: 'all' });
const german = () => createI18n('de', { texts: 'all' });

describe('notFirstChoiceSentence', () => {
  const fitBetterUsed = { type: 'FIT_BETTER_USED', bestMentorPlaces: 3, fitPoints: 41 } as const;

  it('says whose places went where and by how many points, to the manager and to the mentee', async () => {
    const { t } = await english();
    expect(notFirstChoiceSentence(t, fitBetterUsed, 'Dana Weber', 'manager')).toBe(
      "Not the first choice: Dana Weber's 3 places went to mentees whose pairing adds 41 points more fit in total than placing this mentee there.",
    );
    expect(notFirstChoiceSentence(t, fitBetterUsed, 'Dana Weber', 'mentee')).toBe(
      'Why not Dana Weber, who fits you best: their 3 places went to mentees whose pairing adds 41 points more fit in total than placing you there.',
    );
    expect(notFirstChoiceSentence(t, { ...fitBetterUsed, bestMentorPlaces: 1 }, 'Dana Weber', 'mentee')).toContain(
      'their place went to a mentee whose pairing adds 41 points',
    );
  });

  it('names the hard rule and counts the mentees a forced pair would leave without a mentor', async () => {
    const { t } = await english();
    expect(
      notFirstChoiceSentence(t, { type: 'HARD_RULE', bestMentorPlaces: 2, rule: 'timezone-gap' }, 'Ola', 'manager'),
    ).toBe('Not the first choice: Ola fits best, but a rule of the program excludes the pair (time-zone gap).');
    expect(
      notFirstChoiceSentence(t, { type: 'MATCHES_LOST', bestMentorPlaces: 2, matchesLost: 2 }, 'Ola', 'manager'),
    ).toBe('Not the first choice: placing this mentee with Ola would leave 2 mentees without a mentor.');
  });

  it('reads in German too', async () => {
    const { t } = await german();
    expect(notFirstChoiceSentence(t, fitBetterUsed, 'Dana Weber', 'manager')).toBe(
      'Nicht die erste Wahl: Die 3 Plätze bei Dana Weber gingen an Mentees, deren Paarung insgesamt 41 Punkte mehr Passung bringt, als diesen Mentee dort einzuteilen.',
    );
  });
});

describe('matchHintSentence', () => {
  it('asks for one more place among the mentors who speak the language, named in the reader’s language', async () => {
    const en = await english();
    const hint = { type: 'EXTRA_PLACE', mentorCount: 3, language: 'pt' } as const;
    expect(matchHintSentence(en.t, hint, 'en')).toBe(
      'One more place among the 3 mentors who speak Portuguese (all full) would match them.',
    );
    const de = await german();
    expect(matchHintSentence(de.t, hint, 'de')).toBe(
      'Ein weiterer Platz bei einem der 3 Mentoren, die Portugiesisch sprechen (alle voll), würde zu einem Paar führen.',
    );
  });

  it('states each loosened rule with its amount', async () => {
    const { t } = await english();
    expect(matchHintSentence(t, { type: 'WIDER_TIMEZONE_GAP', mentorCount: 2, gapHours: 3 }, 'en')).toBe(
      '2 mentors would fit if the time-zone gap allowed 3 hours.',
    );
    expect(matchHintSentence(t, { type: 'NO_SHARED_LANGUAGE', mentorCount: 1, language: 'de' }, 'en')).toBe(
      '1 mentor, who speaks German, would fit if no shared language were required.',
    );
    expect(matchHintSentence(t, { type: 'SMALLER_SENIORITY_GAP', mentorCount: 4, gapYears: 2 }, 'en')).toBe(
      '4 mentors would fit with a minimum seniority gap of 2 years.',
    );
    expect(matchHintSentence(t, { type: 'SAME_DEPARTMENT', mentorCount: 1 }, 'en')).toBe(
      '1 mentor of their own department would fit if that were allowed.',
    );
    expect(matchHintSentence(t, { type: 'MORE_MENTORS' }, 'en')).toBe(
      'No mentor in the program can take them under any rule: more mentors are needed.',
    );
  });
});
