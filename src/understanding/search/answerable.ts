import type { SearchResult } from './fact-search.js';
import type { Passage } from './passages.js';
import { isCommonStem } from './common-words.js';
import { queryWords } from '../query-words.js';
import { asksANumber } from './terms.js';

// How much of the question a passage must hold to be quoted as the answer: most of its
// content, weighed by rarity, with no unknown word left over that the data never mentions.
const minimumCoverage = 0.6;
// A further passage is quoted beside the best only when it fits nearly as well.
const companionShare = 0.8;
const maximumPassages = 3;

// "hvor mange …?" is answered by a count, "hvornår …?" by a date or a time: a passage
// without one is about the right thing but does not answer.
const asksHowMany = /\b(hvor\s+mange|hvormange|how\s+many|antal(?:let)?)\b/iu;
const danishWhen = /\b(hvornår|hvornaar|what\s+time|hvilken\s+dato|hvilket\s+tidspunkt)\b/iu;
// "hvad er fristen for …?", "what's the deadline for …?": a date asked for in other words, which
// a passage must give to answer (though the question may be read as a thing's plan or overview)
const asksTheDeadline =
  /\b(hvad\s+er\s+(?:fristen|deadlinen|deadline|tidsfristen|datoen|slutdatoen)|what(?:['’]s|s|\s+is)\s+the\s+(?:deadline|due\s+date|date))\b/iu;
const englishWhen = /\bwhen\b(?!\s+it\s+comes\s+to)(?!\s+\w+ing\b)/giu;
const otherQuestionWord = /\b(who|what|which|how|where|why)\b/iu;

/**
 * Whether a question asks when. An English "when" asks unless its clause asked something else
 * first or it opens a clause of doing ("who is the contact when integrating …?", "what do I
 * write when I email …?"); "any idea when …", "by when?" and "I need to find out when …" ask.
 */
export function asksWhen(text: string): boolean {
  if (danishWhen.test(text)) return true;
  for (const match of text.matchAll(englishWhen)) {
    const clause =
      text
        .slice(0, match.index)
        .split(/[.?!,;:–]/)
        .at(-1) ?? '';
    if (!otherQuestionWord.test(clause)) return true;
  }
  return false;
}
// "hvornår er den midlertidige strategi en god idé?", "when does strategy C make sense?": when,
// asked of what suits, is answered by a condition ("især hvis …", "så længe …"), not a date
const suits =
  /\b(god|godt|gode|bedst|bedste|klogt?|smart|fornuftig\w*|mening|relevant|fordel\w*|anbefal\w*|good|best|wise|sensible|sense|recommended|worth\w*)\b/iu;
const givesACondition = /\b(hvis|når|naar|især|isaer|så længe|saa laenge|medmindre|if|when|unless|as long as)\b/iu;

// "tlf til …", "hvad er …s mail?": a passage without a number or an address names the person, not how to reach them
const asksPhone = /\b(tlf|telefon\w*|mobil\w*|phone|ring\w*|call)\b/iu;
// … and an address is asked for, not mail as a way to write ("eller skal vi stadig sende mails?")
const asksAddress =
  /\b(?:e-?mail|mail)-?\s?(?:adresse\w*|address\w*)|\b(?:hvad|hvilken|hvilket|what|which|whats)\b[^.?!]{0,40}\b(?:e-?mail|mail)\b/iu;
// … or of a person named ("mail til Peter Hansen", "Mettes mail")
const asksPersonsAddress =
  /\b(?:e-?mail|mail)(?:en)?\s+(?:til|på|paa|for|of|to)\s+\p{Lu}|\b\p{Lu}\p{L}+s\s+(?:e-?mail|mail)\b/u;
// "hvad er linket til …?", "the URL for …": only a passage with an address answers
const asksLink = /\b(url|urls|link|links|linket|linkene|webadresse\w*|web\s+address\w*)\b(?!\s+(?:between|mellem))/iu;
const asksWhere = /\b(hvor|where|link\w*|finde?s?|find|url|adresse\w*|hente|download\w*|dokument\w*|fil(en)?|file)\b/iu;
// a point's number ("5. · Luk ned …"), a version, a date or a year ("BBR 1.8", "1.11", "1. november 2018") count nothing
const notACount =
  /^\d+\.\s*·?|\d+(?:[./]\d+)+|\d{1,2}\.\s*(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\p{L}*|(?:19|20)\d{2}/giu;
// a date, a time, a year, a quarter, a span of time or "now": a step's number ("5. Luk ned …") is none
const dateLike =
  /\d{1,2}[.:/]\d{1,2}|(?<!\d)(?:19|20)\d{2}(?!\d)|\d\s*(?:minut|min\b|time|dag|uge|m(?:å|aa)ned|(?:å|aa)r\b|week|day|month|hour)|\bkl\.?\s*\d|\bQ[1-4]\b|kvartal|quarter|\bnu\b|\bnow\b/iu;
const months = /januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december/iu;

const phoneNumber = /\d{2} ?\d{2} ?\d{2} ?\d{2}/;

/** Whether a question asks for a phone number ("tlf til …", "nummeret på Nicolai"). */
export function asksForAPhone(question: string): boolean {
  return asksPhone.test(question) || asksANumber(queryWords(question).tokens);
}

/** Whether a passage gives a phone number. */
export function givesAPhone(passage: Passage): boolean {
  return phoneNumber.test(passage.text);
}

/** What shape of answer a question asks for, read once for all the passages weighed. */
interface ShapeAsked {
  where: boolean;
  howMany: boolean;
  when: boolean;
  /** … when, of what suits: a condition answers too */
  whenItSuits: boolean;
  phone: boolean;
  address: boolean;
  link: boolean;
}

/** Whether a question asks for a date, by "hvornår" or as the deadline of something. */
export function asksForADate(question: string): boolean {
  return asksWhen(question) || asksTheDeadline.test(question);
}

function shapeAsked(question: string): ShapeAsked {
  const when = asksForADate(question);
  return {
    where: asksWhere.test(question),
    howMany: asksHowMany.test(question),
    when,
    whenItSuits: when && suits.test(question),
    phone: asksForAPhone(question),
    address: asksAddress.test(question) || asksPersonsAddress.test(question),
    link: asksLink.test(question),
  };
}

function hasTheShapeAsked(asked: ShapeAsked, passage: Passage): boolean {
  const { text } = passage;
  // a slide's heading that asks ("Hvornår er Rollegalleriet så klar?") answers nothing; a
  // title written as a question ("Workshop … : Mest mulig værdi af …?") still says what is on
  if (passage.kind === 'topics' && /\?\s*$/.test(text)) return false;
  // a link's title says where something is, which answers only a question of where
  if (/^links\.\d+$/.test(passage.field) && !asked.where) return false;
  if (asked.howMany && !/\d/.test(text.replace(notACount, ''))) return false;
  if (asked.when) {
    // ("SKI 02.19" is a framework's number, no date)
    const undated = text.replace(/\bSKI\s*\d{2}\.\d{2}\b/giu, '');
    const dated = dateLike.test(undated) || months.test(undated);
    if (!dated && !(asked.whenItSuits && givesACondition.test(text))) return false;
  }
  if (asked.phone && !phoneNumber.test(text)) return false;
  if (asked.address && !text.includes('@')) return false;
  if (asked.link && !/https?:\/\/|www\.|\b[\w-]+\.(?:dk|com|eu|org)\b/iu.test(text)) return false;
  return true;
}

/**
 * The passages that answer the question well enough to quote, best first; empty when none do.
 * A looser `minimum` holds only where the best passage holds every term of `named` (the things
 * the question names) that the material uses.
 */
export function answeringPassages(
  result: SearchResult,
  question = '',
  minimum = minimumCoverage,
  named: string[] = [],
  preferred: (passage: Passage) => boolean = () => false,
): SearchResult['hits'] {
  // the passage that holds most of the question leads, however often a name stands in another;
  // of those holding as much, one of a record the question names ("trin for trin i strategi B"
  // is B's steps, not C's "Gør som B")
  const asked = shapeAsked(question);
  const fitting = result.hits
    // a record that is only a name ("YR/FBS") is found by it, and says nothing when quoted
    .filter((hit) => hit.passage.text !== hit.passage.recordTitle && hasTheShapeAsked(asked, hit.passage))
    .sort(
      (x, y) =>
        y.coverage - x.coverage || Number(preferred(y.passage)) - Number(preferred(x.passage)) || y.score - x.score,
    );
  const best = fitting[0];
  // one word ("og KY?") says what about, not what is asked
  // a looser share only where every word of the question is one the material uses: a word it
  // never uses ("CVR-nummer", "uptime") is most often what is asked, and it is not there
  // … and one word found is no half of a question
  // … and a passage that leaves out what the question names is about something else
  const holds = (term: string) => best?.matched.includes(term) === true || !result.known.includes(term);
  const loose =
    result.unknown.every((term) => isCommonStem(term)) && (best?.matched.length ?? 0) >= 2 && named.every(holds);
  const needed = loose ? minimum : Math.max(minimum, minimumCoverage);
  if (!best || best.coverage < needed || result.terms < 2) return [];
  // one of two things the material knows is no answer to both ("support" of KIGO for "support of org")
  if (best.matched.length < 2 && result.known.length >= 2) return [];
  return fitting
    .filter(
      (hit) =>
        hit === best || (hit.coverage >= best.coverage * companionShare && hit.score >= best.score * companionShare),
    )
    .slice(0, maximumPassages);
}
