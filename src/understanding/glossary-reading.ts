import type { Knowledge } from '../knowledge/registry.js';
import { standsForWords } from './abbreviations.js';
import { editDistance } from './fuzzy.js';
import { queryWords } from './query-words.js';
import { stem } from './stem.js';

/*
 * "hvad er STS for noget?", "hvad betyder det at en opgave udgår?", "what is a fagsystem?": a
 * word of the programme asked about by itself is explained from data/knowledge/glossary.json.
 * Only the asking may surround the word: "hvad er på programledermødet?" and "hvad betyder
 * compliance for os?" ask something else. A word asked about as a thing ("hvad er
 * rollegalleriet?", "what are the pilots?") keeps the answer read for it, unless that reading
 * is unsure or the question asks for the meaning in so many words.
 */

// how the question asks, around the word asked about
const askingWords = new Set([
  ...['hvad', 'er', 'var', 'betyder', 'betyde', 'menes', 'med', 'forstaas', 'ved', 'daekker', 'over'],
  ...['egentlig', 'egentligt', 'helt', 'kort', 'fortalt', 'lige', 'kan', 'du', 'vil', 'gider', 'mig'],
  ...['det', 'at', 'der', 'en', 'et', 'ordet', 'begrebet', 'udtrykket', 'forkortelsen'],
  ...['what', 'is', 's', 'are', 'does', 'do', 'mean', 'means', 'meaning', 'meant', 'by', 'of', 'the'],
  ...['a', 'an', 'word', 'term', 'actually', 'exactly', 'really', 'please', 'you', 'can', 'could', 'me'],
]);
// … and what the word may be said of ("en opgave udgår")
const saidOf = /^(opgave|opgaven|opgaver|task|tasks)$/;
// the meaning asked for in so many words, or the word asked about as a word ("hvad er en …")
const meaningWords = /^(betyder|betyde|menes|forstaas|daekker|mean|means|meaning|meant|ordet|begrebet|word|term)$/;
const indefinite = /^(en|et|a|an)$/;
// "hvad siger materialet om …?": what the slides say, not klikbot's explanation
const theMaterial = /^(siger|sagde|stod|materialet|material|say|says|said|slide\w*|plancher\w*)$/;
// "piloterne", "kommunedagene", "the pilots": the things themselves
const definite = /^(the|\p{L}{3,}(?:erne|ene))$/u;

// "hvad er STS for noget?", "hvad er KLIK for en ting / en størrelse?": what kind of thing it is
const kindOfThing = /^(ting|stoerrelse|slags|type|dyr|fisk|fugl|sag|noget|nogen)$/;

/**
 * Where "for noget" / "for en ting" starts (the tokens' length where there is none): the word
 * asked about comes before it, and what follows is said beside the question ("…, det bliver
 * nævnt hele tiden").
 */
function kindAskedFrom(tokens: string[]): number {
  const at = tokens.findIndex(
    (token, index) =>
      index > 0 &&
      token === 'for' &&
      (/^(noget|nogen)$/.test(tokens[index + 1] ?? '') ||
        (indefinite.test(tokens[index + 1] ?? '') && kindOfThing.test(tokens[index + 2] ?? ''))),
  );
  return at < 0 ? tokens.length : at;
}

// "what does 'udgår' mean on a KLIK task?", "hvad betyder udgår i KLIK?": where the word is
// used, said after it, is no part of it
const placeWord = /^(on|in|for|i|paa|ved|om|a|an|en|et|the|klik|klikopgave\w*|opgave\w*|task|tasks|portal\w*)$/;

/** The words without the place they are used in, said after them. */
function withoutPlace(word: string[]): string[] {
  let end = word.length;
  while (end > 1 && placeWord.test(word[end - 1]!)) end -= 1;
  return end < word.length && /^(on|in|for|i|paa|ved|om)$/.test(word[end] ?? '') ? word.slice(0, end) : word;
}

/** What the question asks of a word of the glossary. */
export type GlossaryAsked = { id: string; also?: string } | 'not-spelled-out';
const joins = new Set(['og', 'and', 'eller', 'or']);

interface Entry {
  id: string;
  names: string[][];
  spelledOut: boolean;
}

function close(one: string, other: string): boolean {
  return one === other || (Math.min(one.length, other.length) >= 5 && editDistance(one, other, 1) <= 1);
}

export class GlossaryReading {
  readonly #entries: Entry[];

  constructor(knowledge: Knowledge) {
    this.#entries = knowledge.glossary.map((entry) => ({
      id: entry.id,
      names: [entry.term, ...(entry.aliases ?? [])].map((name) => queryWords(name).tokens.map(stem)),
      spelledOut: entry.expansion !== undefined,
    }));
  }

  /**
   * The word of the glossary a question that asks what something is (record-descriptions.ts)
   * asks about, where `unsure` says the intents read nothing better (`unread`: nothing at all); with `spelling` (the
   * question asks what its letters stand for, abbreviations.ts) "not-spelled-out" where the
   * material never says.
   */
  asked(tokens: string[], unsure: boolean, spelling = false, unread = false): GlossaryAsked | undefined {
    if (tokens.some((token) => theMaterial.test(token))) return undefined;
    const kindFrom = kindAskedFrom(tokens);
    const asking = (token: string, index: number) =>
      askingWords.has(token) || (standsForWords.test(token) && spelling) || index >= kindFrom;
    const word = tokens.filter((token, index) => !asking(token, index));
    const asksTheMeaning =
      spelling ||
      kindFrom < tokens.length ||
      tokens.some((token) => meaningWords.test(token)) ||
      (word.length > 0 && indefinite.test(tokens[tokens.indexOf(word[0]!) - 1] ?? ''));
    // (a thing asked about by its definite form is the word's too where nothing else read it: "what is the monopoly break?")
    const thing = tokens.some((token) => definite.test(token)) && !unread;
    if (!(asksTheMeaning || (unsure && !thing))) return undefined;
    const entry =
      this.#named(word) ?? this.#named(word.filter((token) => !saidOf.test(token))) ?? this.#named(withoutPlace(word));
    if (!entry) return this.#two(word, spelling);
    return spelling && !entry.spelledOut ? 'not-spelled-out' : { id: entry.id };
  }

  /** "hvad står STS og SP for?": two words asked about at once, each explained. */
  #two(word: string[], spelling: boolean): GlossaryAsked | undefined {
    const join = word.findIndex((token) => joins.has(token));
    if (join < 1) return undefined;
    const one = this.#named(word.slice(0, join));
    const other = this.#named(word.slice(join + 1));
    if (!one || !other || one === other || (spelling && !(one.spelledOut && other.spelledOut))) return undefined;
    return { id: one.id, also: other.id };
  }

  /** Whether a word is one of the glossary's words as written ("sts"). */
  names(token: string): boolean {
    const said = stem(token);
    return this.#entries.some((entry) => entry.names.some((name) => name.length === 1 && name[0] === said));
  }

  /**
   * The one entry whose word (or a form of it) the words say, word for word and nothing more
   * ("compliance for os" is not compliance); a letter off is forgiven.
   */
  #named(word: string[]): Entry | undefined {
    const said = word.map(stem);
    if (said.length === 0) return undefined;
    const named = this.#entries.filter((entry) =>
      entry.names.some(
        (name) => name.length === said.length && name.every((known, index) => close(said[index]!, known)),
      ),
    );
    return named.length === 1 ? named[0] : undefined;
  }
}
