/*
 * "hvad står KSD for?", "what does TAC stand for?", "hvad er SPLUNK en forkortelse for?": the
 * letters of a name asked to be spelled out. Only a record that spells them out answers that
 * (an IT system's full name, a glossary word's expansion); the rest of the material says what
 * the thing does, which is no answer to what its letters stand for.
 */

/** Where the letters asked about stand in the question, [start, end), if it asks what they stand for. */
export function lettersAsked(tokens: string[]): [number, number] | undefined {
  const at = (word: string) => tokens.indexOf(word);
  const span = (start: number, end: number): [number, number] | undefined =>
    start >= 0 && end > start + 1 ? [start + 1, end] : undefined;
  // "hvad står KSD for?", "hvad står TAC for i BBR trin 1?" (not "hvad står der om …?", "hvem står for …?")
  const stands = at('staar');
  if (stands > 0 && tokens[stands - 1] === 'hvad' && tokens[stands + 1] !== 'der') {
    const letters = span(stands, tokens.indexOf('for', stands + 2));
    if (letters) return letters;
  }
  // "what does TAC stand for?", "what is TAC short for?"
  const stand = tokens.findIndex((token, index) => /^(stand|stands|short)$/.test(token) && tokens[index + 1] === 'for');
  if (stand > 0) return span(Math.max(at('does'), at('is'), at('do'), at('s')), stand);
  // "hvad er SPLUNK en forkortelse for?", "is TAC an abbreviation?"
  const short = tokens.findIndex((token) => /^(forkortelse|abbreviation|acronym)$/.test(token));
  if (short > 0 && /^(en|an|a)$/.test(tokens[short - 1] ?? '')) return span(Math.max(at('er'), at('is')), short - 1);
  // "hvad betyder forkortelsen TAC?", "what does the abbreviation TAC mean?"
  const named = tokens.findIndex((token) => /^(forkortelsen|abbreviation)$/.test(token));
  if (named >= 0 && named < tokens.length - 1) return [named + 1, named + 2];
  return undefined;
}
