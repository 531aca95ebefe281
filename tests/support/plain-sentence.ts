/**
 * What is wrong with a text meant to be shown or read as plain sentences (a notification, a
 * card's `speak`): Markdown markers, the results' bar characters, list lines, or an ending that
 * is no sentence's. An empty list means it reads as written.
 */
export function plainSentenceProblems(text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') return ['is empty'];
  const problems: string[] = [];
  const checks: [RegExp, string][] = [
    [/\*\*|__/, 'bold markers (** or __)'],
    [/`/, 'code markers (`)'],
    [/\[[^\]\n]*\]\([^)\n]*\)/, 'a Markdown link'],
    [/(^|[\s(«"])_\S[^_\n]*_(?=$|[\s.,;:!?)»"])/, 'underscores around words (_title_)'],
    [/(^|[\s(«"])\*\S[^*\n]*\*(?=$|[\s.,;:!?)»"])/, 'stars around words (*title*)'],
    [/[█░▒▓▏▎▍▌▋▊▉]/, 'bar characters'],
    [/\n/, 'line breaks'],
    [/(^|[.:;]\s)[-•] /, 'a list bullet'],
    [/\s·\s/, 'a middle dot between parts'],
  ];
  for (const [pattern, what] of checks) if (pattern.test(text)) problems.push(`has ${what}`);
  if (!/[.!?…][)»"'”]*$/u.test(text.trim())) problems.push('does not end as a sentence');
  if (!/\p{L}/u.test(text)) problems.push('has no words');
  return problems;
}
