// snowball-stemmers ships no type declarations; this is the part klikbot uses.
declare module 'snowball-stemmers' {
  /** A Snowball stemmer for one language. */
  export interface Stemmer {
    stem(word: string): string;
  }
  /** The stemmer for `language` ("danish", "english", ...). */
  export function newStemmer(language: string): Stemmer;
  /** The languages available. */
  export function algorithms(): string[];
}
