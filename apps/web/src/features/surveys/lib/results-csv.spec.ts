import { describe, expect, it } from 'vitest';
import { csvField, resultsCsv } from './results-csv';

const questions = [
  { questionId: 'q1', number: 1, prompt: 'How likely, "really", to recommend?' },
  { questionId: 'q2', number: 2, prompt: 'Which helped?' },
  { questionId: 'q3', number: 3, prompt: 'What else?' },
];

describe('csvField', () => {
  it('quotes separators, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });
});

describe('resultsCsv', () => {
  it('writes one row per figure and never a free text', () => {
    const csv = resultsCsv(questions, [
      {
        name: 'Whole program',
        status: 'SHOWN',
        respondents: 6,
        questions: [
          {
            questionId: 'q1',
            status: 'SHOWN',
            answered: 6,
            score: 33.3333,
            promoters: 3,
            passives: 2,
            detractors: 1,
            distribution: [
              { value: 9, count: 3 },
              { value: 7, count: 2 },
            ],
          },
          {
            questionId: 'q2',
            status: 'SHOWN',
            answered: 5,
            options: [{ label: 'Sessions', count: 4, percent: 80 }],
          },
          { questionId: 'q3', status: 'SHOWN', answered: 2 },
        ],
      },
    ]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('group,respondents,question,prompt,figure,count,value');
    expect(lines).toContain('Whole program,6,1,"How likely, ""really"", to recommend?",nps_score,,33.3');
    expect(lines).toContain('Whole program,6,1,"How likely, ""really"", to recommend?",value 9,3,');
    expect(lines).toContain('Whole program,6,2,Which helped?,option: Sessions,4,80');
    expect(lines).toContain('Whole program,6,3,What else?,answered,2,');
    expect(lines).toHaveLength(1 + 7 + 2 + 1);
  });

  it('says a group or question is hidden without any count', () => {
    const csv = resultsCsv(questions, [
      { name: 'Cohort A', status: 'HIDDEN', note: 'hidden: n < 5', questions: [] },
      {
        name: 'Cohort B',
        status: 'SHOWN',
        respondents: 5,
        questions: [{ questionId: 'q2', status: 'HIDDEN', note: 'hidden: n < 5' }],
      },
    ]);
    expect(csv).toBe(
      'group,respondents,question,prompt,figure,count,value\r\n' +
        'Cohort A,,,,hidden,,hidden: n < 5\r\n' +
        'Cohort B,5,2,Which helped?,hidden,,hidden: n < 5\r\n',
    );
  });
});
