import type { Ballot, PollResults } from './results.js';
import { csvField } from '../lib/csv.js';

/**
 * A CSV cell: quoted when it holds a comma, a quote or a line break (RFC 4180), and prefixed
 * with ' when it starts like a formula (= + - @, tab, carriage return), which a spreadsheet
 * would otherwise run.
 */
export function csvCell(value: string | number): string {
  // a count is never a formula; text goes through the one CSV field rule
  return typeof value === 'number' ? String(value) : csvField(value);
}

function row(cells: (string | number)[]): string {
  return cells.map(csvCell).join(',');
}

/**
 * A poll's results as CSV: one row per option (option, label, votes, percent), then for a
 * named poll an empty line and one row per voter (voter, choices joined by "; "). Lines end
 * in \n, not RFC 4180's \r\n: the CSV is shown in a chat message, where \r shows as a stray mark.
 */
export function pollCsv(results: PollResults, ballots: readonly Ballot[] = []): string {
  const lines = [
    row(['option', 'label', 'votes', 'percent']),
    ...results.options.map((option) => row([option.id, option.label, option.votes, option.percent])),
  ];
  if (ballots.length > 0) {
    lines.push(
      '',
      row(['voter', 'choices']),
      ...ballots.map((ballot) => row([ballot.name, ballot.choices.join('; ')])),
    );
  }
  return `${lines.join('\n')}\n`;
}
