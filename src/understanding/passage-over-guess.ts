import { termOf, type IntentClassifier } from './classifier.js';
import type { PassageReadings } from './passage-readings.js';
import { PASSAGE_OVER_GUESS, UNREAD_PASSAGE, answersFromKnowledge, namesSomething } from './reading-groups.js';
import { statusWithoutItsWords } from './status-fillers.js';
import { isGlueWord, isStopword } from './stopwords.js';
import { CONFIDENCE_THRESHOLD, type Understanding } from './types.js';

// Below this an intent read from the words alone is a guess, and a passage holding
// PASSAGE_OVER_GUESS of the question (weighed by rarity) is the better answer.
const GUESS_CONFIDENCE = 0.7;

/** What a guessed intent is weighed against. */
export interface GuessedReading {
  passages: PassageReadings;
  classifier: IntentClassifier;
  text: string;
  tokens: string[];
  resolved: Understanding;
  /** The stems of what the question names. */
  named: Set<string>;
}

/**
 * An intent guessed from the question's words alone (nothing named, a middling confidence)
 * gives way to a passage that holds nearly all of the question: "hvem er værter på
 * programledermøderne?" is the meetings' hosts, not the day's programme.
 */
export function passageOverGuess(reading: GuessedReading): Understanding | undefined {
  const { passages, classifier, text, tokens, resolved, named } = reading;
  // (a municipality is named by "hvad har Albertslund med rollegalleriet at gøre?" too, no status in its words)
  const statusless = statusWithoutItsWords(resolved, tokens);
  const namesOne = namesSomething({
    ...resolved.entities,
    municipalities: statusless ? [] : resolved.entities.municipalities,
  });
  const guessed =
    (answersFromKnowledge.has(resolved.intent) || statusless) &&
    !namesOne &&
    resolved.confidence >= CONFIDENCE_THRESHOLD &&
    resolved.confidence < GUESS_CONFIDENCE;
  // … though not where the intent's own examples hold every word ("hvilke roller er der i
  // rollegalleriet?" is the role list, though one slide's point has "roller" and its title "rollegalleriet")
  const content = tokens.filter((token) => !isStopword(token) && !isGlueWord(token));
  if (!guessed || content.every((token) => classifier.explains(resolved.intent, termOf(token)))) return undefined;
  // (a status read from "hvad har {municipality}" alone is a guess no better than none)
  const fact = passages.fromPassages(
    text,
    tokens,
    resolved,
    statusless ? { minimum: UNREAD_PASSAGE, named } : undefined,
  );
  return fact && fact.confidence >= (statusless ? UNREAD_PASSAGE : PASSAGE_OVER_GUESS) ? fact : undefined;
}
