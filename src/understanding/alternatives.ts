import type { EntityMatch } from './entity-index.js';

/*
 * "fordele ved brugergrænsefladen i stedet for integration", "the GUI rather than integrating":
 * what follows "i stedet for", "frem for", "instead of" or "rather than" is the alternative the
 * question weighs against, not what it asks about, where it names a thing of a kind named before.
 */

const phrases = [
  ['i', 'stedet', 'for'],
  ['istedet', 'for'],
  ['frem', 'for'],
  ['fremfor'],
  ['instead', 'of'],
  ['rather', 'than'],
];

/** The index of the first word after an "instead of", if the question has one. */
function alternativeStart(tokens: string[]): number | undefined {
  for (let index = 0; index < tokens.length; index += 1)
    for (const phrase of phrases)
      if (phrase.every((word, offset) => tokens[index + offset] === word)) return index + phrase.length;
  return undefined;
}

/** Whether the strategies a question names are all named after its "instead of": the alternative, not the one asked of. */
export function strategyOnlyAfterAlternative(matches: EntityMatch[], tokens: string[]): boolean {
  const at = alternativeStart(tokens);
  const strategies = matches.filter((match) => match.kind === 'strategy');
  return at !== undefined && strategies.length > 0 && strategies.every((match) => match.start >= at);
}

/** The things named, without those named only as the alternative to another of their kind. */
export function withoutAlternatives(matches: EntityMatch[], tokens: string[]): EntityMatch[] {
  const at = alternativeStart(tokens);
  if (at === undefined) return matches;
  const asked = matches.filter((match) => match.start < at);
  return matches.filter((match) => match.start < at || !asked.some((before) => before.kind === match.kind));
}

/**
 * The things named before an "instead of": what follows it does not keep the question from
 * describing a thing of its kind ("den løsning hvor man taster ind i en brugerflade i stedet
 * for at integrere" describes strategy B, whatever "integrere" names).
 */
export function namedBeforeAlternative(matches: EntityMatch[], tokens: string[]): EntityMatch[] {
  const at = alternativeStart(tokens);
  return at === undefined ? matches : matches.filter((match) => match.start < at);
}
