import type { DescribedThings } from './described-things.js';
import type { EntityIndex } from './entity-index.js';
import type { PassageReadings } from './passage-readings.js';
import { queryWords } from './query-words.js';
import { answersFromKnowledge, meetingIntents } from './reading-groups.js';
import { namedStems } from './reading-parts.js';
import type { Understanding } from './types.js';

// How much more of the question a passage must say than an intent's answer to take its place
const OVERRULING_MARGIN = 0.4;
// An answer that says less than this of the question answers something else
const NOTHING_SAID = 0.15;
// … and under this it says little, so a passage holding half the question is the better answer
const POOR_ANSWER = 0.3;
const POOR_ANSWER_PASSAGE = 0.5;
// a question that asks which municipality (also "hvilke kmn"): its answer names one
const whichWord = /^(hvilken|hvilke|which)$/;
const municipalityWord = /^(kommune\w*|municipalit\w*)$/;
const asksWhichMunicipality = (tokens: string[]) =>
  tokens.some((token, index) => whichWord.test(token) && municipalityWord.test(tokens[index + 1] ?? ''));

/** Whether an intent's answer is checked: a date asked about is the timeline's, a comparison both things', whom to write to has its own reading, a kind of tasks its list. */
function checked(resolved: Understanding): boolean {
  const { dates, compared, aspect } = resolved.entities;
  // tasks of a kind are the kind's list, however the kind was put ("redone for every new receiving system")
  if (resolved.intent === 'task.list' && aspect === 'kind') return false;
  // … and the ways to choose between are the strategies' list ("what options does my client have?")
  if (resolved.intent === 'strategy.describe' && aspect === 'ways') return false;
  // … and what an IT system needs a support system for is its overview's line of needs
  if (resolved.intent === 'overview.used-by' && aspect === 'needs') return false;
  return answersFromKnowledge.has(resolved.intent) && resolved.intent !== 'contact' && !dates && !compared;
}

/**
 * A dialog's answer weighed against the question, as the search weighs words: "hvad hedder
 * workshoppen for programlederne på kommunedagene?" is the workshop's title, not the
 * KOMBIT-programleder role that "programlederne" made the intent.
 */
export class AnswerCheck {
  constructor(
    private readonly passages: PassageReadings,
    private readonly index: EntityIndex,
    private readonly described: DescribedThings,
    /** The municipalities' names, as answers write them. */
    private readonly municipalities: readonly string[] = [],
  ) {}

  /** The passages, or "I don't know", instead of an answer that says little of what was asked; undefined where it stands. */
  reconsidered(text: string, resolved: Understanding, answer: string, knowsNothing = false): Understanding | undefined {
    if (!checked(resolved)) return undefined;
    const words = queryWords(text);
    // the dialog found nothing of what was asked ("Der er ingen kommende KLIK-opgaver for …"):
    // a passage that holds most of the question says more
    if (knowsNothing) {
      const fact = this.passages.fromPassages(text, words.tokens, resolved);
      if (fact) return fact;
    }
    const names = this.index.match(words);
    // a thing described is answered in its own name, not in the words that describe it
    // … and so is a step named by its title, which an answer about its task need not repeat
    const steps = names.filter((match) => match.kind === 'step');
    const described = namedStems(words.tokens, [...this.described.find(words.tokens, names), ...steps]);
    // "which municipality shared …?" answered with no municipality in it has not answered it
    const noMunicipalityGiven =
      asksWhichMunicipality(words.tokens) && !this.municipalities.some((name) => answer.includes(name));
    const said = Math.min(
      this.passages.coverageOf(words.tokens, answer, described),
      noMunicipalityGiven ? POOR_ANSWER - 0.01 : 1,
    );
    // no passage can say that much more than an answer saying this much: no search needed
    if (said > 1 - OVERRULING_MARGIN) return undefined;
    const named = namedStems(words.tokens, names);
    const loose = said < POOR_ANSWER ? { minimum: POOR_ANSWER_PASSAGE, named } : undefined;
    // (… or, where the answer says little, a record whose passages hold the question between them)
    const fact =
      this.passages.fromPassages(text, words.tokens, resolved, loose) ??
      (said < POOR_ANSWER ? this.passages.wholeRecord(words.tokens, resolved) : undefined);
    // a meeting's programme and a thing described are put in people's own words more than anything
    const ownWords = meetingIntents.has(resolved.intent) || described.size > 0;
    const saidNothing = said < NOTHING_SAID && !ownWords;
    if (!fact) return saidNothing ? { ...resolved, intent: 'unknown' } : undefined;
    return saidNothing || fact.confidence - said >= OVERRULING_MARGIN ? fact : undefined;
  }
}
