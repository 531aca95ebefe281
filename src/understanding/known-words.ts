import { termOf, type IntentClassifier } from './classifier.js';
import type { EntityIndex, EntityMatch, QueryWords } from './entity-index.js';
import { reminderWordFor } from './reminder-requests.js';
import type { Vocabulary } from './search/vocabulary.js';
import { isEverydayWord } from './search/everyday-words.js';
import { outsideWordsOf } from './search/outside.js';
import { statusWordFor } from './statements.js';
import { stem } from './stem.js';
import { isStopword, stopwordOfTypo } from './stopwords.js';

/**
 * What the understanding knows of a question's words before it reads them: which it knows
 * (from its names, its example questions, the domain), which it spells as a status word, and
 * whether a date is all a question says.
 */
// a word this long is respelt before names are looked for in it
const longWord = 8;

export class KnownWords {
  constructor(
    private readonly index: EntityIndex,
    private readonly classifier: IntentClassifier,
    private readonly domainStems: Set<string>,
    private readonly vocabulary: Vocabulary,
  ) {}

  /**
   * "what's happening next week?", "noget jeg skal vide om 1. november?": a date and nothing
   * else the material could be about asks for everything dated then.
   */
  onlyAsksWhatHappens(tokens: string[], date: [number, number] | undefined): boolean {
    if (!date || outsideWordsOf(tokens).length > 0) return false;
    return tokens.every(
      (token, index) =>
        (index >= date[0] && index < date[1]) ||
        isStopword(token) ||
        isEverydayWord(token) ||
        this.classifier.knows(termOf(token)),
    );
  }

  /**
   * "fædige" is "færdige": a status word one typo off, where the word is nothing else the bot
   * knows, is read as that word (the examples' stems forgive typos only in longer stems); so
   * is a misspelt "påmindelser" ("påmindelsrne").
   */
  spellStatusWords(words: QueryWords, language: 'da' | 'en'): QueryWords {
    const tokens = words.tokens.map((token) => {
      if (isStopword(token)) return token;
      // "complience" is "compliance": a long word the material writes, one letter off, is that
      // word (a name is found by its typo, but not joined with the next word: "complience test")
      const written = token.length >= longWord ? this.vocabulary.respelt(token) : undefined;
      if (written) return written;
      if (this.index.knows(token)) return token;
      // "modet" is "mødet": a Danish word typed without æ, ø or å, where the material says which
      const lettered = language === 'da' ? this.vocabulary.withDanishLetters(token) : undefined;
      if (lettered) return lettered;
      if (token.length < 6 || this.classifier.knows(termOf(token))) return token;
      // "stoettesys", "fordelingskomp.": a long word cut short is the one word it begins
      const whole = this.vocabulary.cutShort(token);
      if (whole) return whole;
      return (
        statusWordFor(token) ??
        reminderWordFor(token) ??
        this.#smallWord(token) ??
        this.vocabulary.respelt(token) ??
        token
      );
    });
    return this.#joinedCompounds({ ...words, tokens });
  }

  /**
   * "implementerings overblikket", "fordelings-komponenten": a compound of the material typed
   * as two words, the first with the joining "s" no word ends in alone, is the one word ("rolle
   * galleriet" and "compliance test" are two words the names read as they are).
   */
  #joinedCompounds(words: QueryWords): QueryWords {
    const tokens: string[] = [];
    const capitalised: boolean[] = [];
    for (let index = 0; index < words.tokens.length; index += 1) {
      const [first, second] = [words.tokens[index]!, words.tokens[index + 1]];
      const joined = second !== undefined && this.#compound(first, second);
      tokens.push(joined ? first + second : first);
      capitalised.push(words.capitalised[index]!);
      if (joined) index += 1;
    }
    return { tokens, capitalised };
  }

  #compound(first: string, second: string): boolean {
    if (first.length < 5 || !first.endsWith('s') || second.length < 4 || isStopword(second)) return false;
    return this.vocabulary.has(stem(first + second));
  }

  /** A small word mistyped, where the material knows no word like it ("egenltig"). */
  #smallWord(token: string): string | undefined {
    const small = stopwordOfTypo(token);
    return small && !this.vocabulary.has(stem(token)) ? small : undefined;
  }

  /** The share of content words the bot knows: from its names, its example questions or a date. */
  knownShare(tokens: string[], matches: EntityMatch[], date: [number, number] | undefined): number {
    const covered = new Set<number>();
    for (const match of matches) for (let index = match.start; index < match.end; index += 1) covered.add(index);
    if (date) for (let index = date[0]; index < date[1]; index += 1) covered.add(index);
    let content = 0;
    let known = 0;
    tokens.forEach((token, index) => {
      const term = termOf(token);
      if (isStopword(token)) return;
      content += 1;
      // cheapest checks first: the typo-tolerant ones generate every one-letter deletion
      if (
        covered.has(index) ||
        this.domainStems.has(stem(token)) ||
        this.classifier.knows(term) ||
        this.index.knows(token)
      )
        known += 1;
    });
    return content === 0 ? 1 : known / content;
  }
}
