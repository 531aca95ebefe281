import type { DateTime } from 'luxon';
import { findDateSpan, type FoundDate } from './dates.js';
import { queryWords } from './query-words.js';
import { CONFIDENCE_THRESHOLD, type Understanding } from './types.js';

/*
 * "Hej, jeg er lige startet som programleder i Norddjurs … Min chef spurgte i går hvilke
 * kompetencer man egentlig skal have i rollen?": in a long message the question is one clause
 * among the story around it. Where the whole message reads as nothing (or too unsure to answer), the clauses that ask are
 * read by themselves: those that open with a question word, or end with a question mark and ask
 * with one or open with a verb ("Er der nogen frister?"); "…, hvor de har fuldført trin 3." tells.
 */

// a message this long (in words) may hold its question in one clause
const longMessage = 18;
// the words a clause asks with
const asking = /^(hvad|hvilke|hvilken|hvilket|hvem|hvornaar|hvor|hvordan|hvorfor|what|which|who|when|where|how|why)$/;
// … or, with a question mark, the verb a yes-or-no question opens with ("Er der nogen frister denne uge?")
const yesOrNo = /^(er|har|skal|kan|findes|gaelder|bliver|kommer|faar|is|are|do|does|can|will|should|have|has|must)$/;
// who asked, before the question they asked, in a few words ("min chef spurgte i går: …", "my boss asked me yesterday")
const reported =
  /^(?:\S+\s+){0,3}?(?:spurgte|spørger|vil vide|vil gerne vide|asked|asks|wants to know)\b(?:\s+(?:i går|i dag|i morges|mig|os|om|me|us|yesterday|today))*[\s:,]+/iu;
// a sentence ends where the next begins with a capital ("d. 1. november", "kl. 9.30" go on)
const sentences = /(?<=[.!?;])\s+(?=\p{Lu})/u;
// … and a question may follow a comma, opening with its word
// (typed in lower case, "… haster mest.. hvad har vi af frister?", a full stop before a question word ends a sentence too)
const questionWord =
  /(?:og\s+|and\s+)?(?:(?:fra|from|by|til|until|since|siden|indtil)\s+)?(?:hvad|hvilke|hvilken|hvem|hvornår|hvornaar|hvordan|what|which|who|when|how)\b/iu;
const questionAfterComma = new RegExp(`(?:,|(?<=[.!?…]))\\s+(?=${questionWord.source})`, 'iu');
// … or a dash, where the part after it says enough by itself ("… the login change - from when do users …",
// not "… - hvilken anbefaler du?")
const questionAfterDash = new RegExp(`\\s[-–—]\\s+(?=${questionWord.source})`, 'iu');

const prepositionBefore = /^(fra|from|by|til|until|since|siden|indtil)$/;

// A yes-or-no clause says enough by itself in some words, none of them pointing into the story
// around it ("Har I et notat?", "Skal jeg melde det til jer?" lean on what came before)
const yesOrNoWords = 5;
// ("i" is most often the preposition: "… Organisation i SAPA?")
const pointing = /^(det|den|dem|de|han|hun|ham|hende|jer|it|they|them|he|she|him|her)$/;

function standsAlone(tokens: string[]): boolean {
  return tokens.length >= yesOrNoWords && !tokens.slice(1).some((token) => pointing.test(token));
}

function asks(clause: string): boolean {
  const { tokens } = queryWords(clause);
  const opening = tokens[0] === 'og' || tokens[0] === 'and' ? 1 : 0;
  // ("fra hvornår …?", "by when …?": a question word after the preposition it asks with)
  const first = prepositionBefore.test(tokens[opening] ?? '') ? tokens[opening + 1] : tokens[opening];
  if (asking.test(first ?? '')) return true;
  if (!/\?\s*$/.test(clause)) return false;
  return tokens.some((token) => asking.test(token)) || (yesOrNo.test(first ?? '') && standsAlone(tokens));
}

/** The clauses of a long message that ask something, by themselves, last first (the question most often ends it). */
export function askingClauses(text: string): string[] {
  if (queryWords(text).tokens.length < longMessage) return [];
  return text
    .split(sentences)
    .flatMap((sentence) => sentence.split(questionAfterComma))
    .flatMap((part) => {
      const [first = '', ...after] = part.split(questionAfterDash);
      return [first, ...after.filter((clause) => standsAlone(queryWords(clause).tokens))];
    })
    .map((clause) => clause.replace(reported, '').trim())
    .filter(asks)
    .reverse();
}

/**
 * The date a long message's question names, before one in the story around it ("… before I
 * meet my director next week. Which tasks are due in December?" asks of December); the
 * message's first date where the asking clauses name none.
 */
export function askedDate(text: string, now: DateTime, language: 'da' | 'en'): FoundDate | undefined {
  // (no date in the whole message, none in its clauses: most questions name none)
  const first = findDateSpan(text, now, language);
  if (!first) return undefined;
  for (const clause of askingClauses(text)) {
    const found = findDateSpan(clause, now, language);
    if (found) return found;
  }
  return first;
}

/**
 * A long message's question, read by itself (`reread`) where the whole reads as nothing or too
 * unsure to answer. A clause read apart from a whole that was unsure must agree with it: apart,
 * it lost the words around it.
 */
export function readByItsClause(
  text: string,
  read: Understanding,
  reread: (text: string) => Understanding,
): Understanding | undefined {
  if (read.intent !== 'unknown' && read.confidence >= CONFIDENCE_THRESHOLD) return undefined;
  for (const clause of askingClauses(text)) {
    const alone = reread(clause);
    const agrees = read.intent === 'unknown' || alone.intent === read.intent;
    // (what klikbot can do is no question a long message asks in one of its clauses: "… what are you planning to add to it?")
    const answers = alone.intent !== 'unknown' && alone.intent !== 'help';
    if (answers && alone.confidence >= CONFIDENCE_THRESHOLD && agrees)
      return { ...alone, language: read.language, clause, ...(alone.intent === 'fact' ? { asked: clause } : {}) };
  }
  return undefined;
}
