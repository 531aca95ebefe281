import { describe, expect, it } from 'vitest';
import { csvCell, pollCsv } from '../../src/polls/csv.js';
import type { PollResults } from '../../src/polls/results.js';

const results: PollResults = {
  voters: 41,
  options: [
    { id: 'a', label: 'A Integration', votes: 11, percent: 27 },
    { id: 'b', label: 'B, "STS" ORG GUI', votes: 6, percent: 15 },
    { id: 'c', label: '=HYPERLINK("x")', votes: 24, percent: 59 },
  ],
};

describe('a poll as CSV', () => {
  it('has one row per option: option, label, votes, percent, quoting commas and quotes', () => {
    expect(pollCsv(results).split('\n')).toEqual([
      'option,label,votes,percent',
      'a,A Integration,11,27',
      'b,"B, ""STS"" ORG GUI",6,15',
      `c,"'=HYPERLINK(""x"")",24,59`,
      '',
    ]);
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('Aarhus')).toBe('Aarhus');
    expect(csvCell(27)).toBe('27');
  });

  it('adds who chose what for a named poll, after an empty line', () => {
    const csv = pollCsv(results, [
      { name: 'Anna Andersen', choices: ['A Integration', 'C Interim'] },
      { name: '@bo', choices: ['B'] },
    ]);
    expect(csv.split('\n').slice(4)).toEqual([
      '',
      'voter,choices',
      'Anna Andersen,A Integration; C Interim',
      "'@bo,B",
      '',
    ]);
  });
});
