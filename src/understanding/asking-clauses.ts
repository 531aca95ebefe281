import { queryWords } from './query-words.js';

/*
 * "Hej, jeg er lige startet som programleder i Norddjurs … Min chef spurgte i går hvilke
 * kompetencer man egentlig skal have i rollen, kan du hjælpe mig med det?": in a long message
 * the question is one clause among the story around it. Where the whole message reads as
 * nothing, the clauses that ask are read by themselves.
 */

// a message this long (in words) may hold its question in one clause
const longMessage = 18;
// the words a clause asks with
const asking = /^(hvad|hvilke|hvilken|hvilket|hvem|hvornaar|hvor|hvordan|hvorfor|what|which|who|when|where|how|why)$/;
// what a clause that asks may open with and is no part of its question ("min chef spurgte (i går)")
const reported =
  /^(.*?\b(?:spurgte|spørger|spoerger|vil vide|vil gerne vide|asked|asks|wants to know)\b(?:\s+(?:i går|i dag|mig|os|om))*)\s+/iu;

/** The clauses of a long message that ask something, by themselves, last first (the question most often ends it). */
export function askingClauses(text: string): string[] {
  if (queryWords(text).tokens.length < longMessage) return [];
  const clauses = text
    .split(
      /(?<=[.!?;])\s+|,\s+(?=(?:og\s+)?(?:hvad|hvilke|hvilken|hvem|hvornår|hvor|hvordan|what|which|who|when|where|how)\b)/iu,
    )
    .map((clause) => clause.replace(reported, '').trim())
    .filter((clause) => queryWords(clause).tokens.some((token) => asking.test(token)));
  return clauses.reverse();
}
