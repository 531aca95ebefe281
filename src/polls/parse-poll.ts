import type { DateTime } from 'luxon';
import { MAX_OPTION_LENGTH, MAX_OPTIONS, MAX_QUESTION_LENGTH } from '../state/polls.js';
import { readFlags, type FlagProblem, type PollFlags } from './poll-flags.js';

/** The longest poll sentence taken: room for the longest question and ten options, and within what a form can carry back. */
export const MAX_SENTENCE_LENGTH = 1500;

/**
 * The longest text read at all, to say which part of a sentence over MAX_SENTENCE_LENGTH is
 * too long; the channels deliver no longer messages (10,000 characters), and reading more
 * would only cost time.
 */
const MAX_READ_LENGTH = 10_000;

/** A poll as a sentence describes it, defaults filled in: anonymous, one choice, results when closed. */
export interface PollDraft {
  question: string;
  options: string[];
  multiple: boolean;
  anonymous: boolean;
  live: boolean;
  closesAt?: string;
  /** The person asked to choose the settings in a form. */
  form: boolean;
}

/** What is wrong with a poll sentence, to say so. */
export type PollProblem =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number }
  | { kind: 'question-too-long'; length: number }
  | { kind: 'too-few-options'; count: number }
  | { kind: 'too-many-options'; count: number }
  | { kind: 'option-too-long'; label: string }
  | { kind: 'duplicate-option'; label: string }
  | { kind: FlagProblem };

/** A sentence read: the draft, or the problem. */
export type ParsedPoll = { ok: true; draft: PollDraft } | { ok: false; problem: PollProblem };

// "afstemning", "poll", "ny afstemning", "opret en afstemning", "create a poll"
const opener =
  /^\s*(?:(?:ny|nyt|opret|lav|start|new|create|make|quick)\s+(?:en\s+|et\s+|a\s+|an\s+)?)?(?:afstemning|poll)(?![\p{L}\d])/iu;
// the colon after the opening part, not one inside a time ("lukker kl. 11:30: …")
const headEnd = /:(?!\d)/u;

/** A poll sentence's parts: the words before the colon (flags), and the question and options after it. */
export interface PollSentence {
  head: string;
  body: string;
}

/**
 * The parts of a text that opens as a poll ("afstemning: …", "poll (flere valg): …",
 * "afstemning Hvilken? | A | B"), or undefined when it does not open that way.
 */
export function splitPollSentence(text: string): PollSentence | undefined {
  const opened = opener.exec(text);
  if (!opened) return undefined;
  const rest = text.slice(opened[0].length);
  const colon = headEnd.exec(rest);
  if (colon) return { head: rest.slice(0, colon.index), body: rest.slice(colon.index + 1).trim() };
  if (/[|\n]/.test(rest)) return { head: '', body: rest.trim() };
  return { head: rest, body: '' };
}

/** One question or option as shown: on one line, without backticks (they would break the results' code block). */
function clean(text: string): string {
  return text.replace(/`/g, "'").replace(/\s+/g, ' ').trim();
}

type Segments = { segments: string[]; trailing: string[] };

/**
 * The question and options, and trailing flags: a last part in parentheses holding only flags
 * ("| C Interim (flere valg, live)"), or a last part that is only flags and says so plainly:
 * several of them ("| flere valg, lukker om 10 min") or a closing ("| lukker kl. 11.30"). Any
 * other last part stays an option, though it reads like a flag or a time: "| kl. 13",
 * "| om 1 time", "| Med navn" are answers people vote for.
 */
function segmentsOf(body: string, now: DateTime): Segments {
  const parts = (body.includes('|') ? body.split('|') : body.split('\n')).map(clean).filter((part) => part !== '');
  const last = parts.at(-1);
  if (parts.length < 2 || last === undefined) return { segments: parts, trailing: [] };
  const bracketed = /\(([^()]*)\)\s*$/.exec(last);
  if (bracketed && readFlags(bracketed[1]!, now).rest === '') {
    const kept = last.slice(0, bracketed.index).trim();
    return { segments: [...parts.slice(0, -1), ...(kept ? [kept] : [])], trailing: [bracketed[1]!] };
  }
  const saysSettings = /\b(lukker|luk|closes|close)\b/i.test(last) || last.split(/[,;]/).length >= 2;
  if (saysSettings && readFlags(last, now).rest === '') return { segments: parts.slice(0, -1), trailing: [last] };
  return { segments: parts, trailing: [] };
}

function shapeProblem(question: string, options: string[]): PollProblem | undefined {
  if (question.length > MAX_QUESTION_LENGTH) return { kind: 'question-too-long', length: question.length };
  if (options.length < 2) return { kind: 'too-few-options', count: options.length };
  if (options.length > MAX_OPTIONS) return { kind: 'too-many-options', count: options.length };
  const long = options.find((label) => label.length > MAX_OPTION_LENGTH);
  if (long !== undefined) return { kind: 'option-too-long', label: long };
  const seen = new Set<string>();
  for (const label of options) {
    if (seen.has(label.toLowerCase())) return { kind: 'duplicate-option', label };
    seen.add(label.toLowerCase());
  }
  return undefined;
}

function mergedFlags(pieces: string[], now: DateTime): { flags: PollFlags; problem?: FlagProblem } {
  const flags: PollFlags = {};
  for (const piece of pieces) {
    const read = readFlags(piece, now);
    if (read.problem) return { flags, problem: read.problem };
    for (const key of ['multiple', 'anonymous', 'live'] as const) {
      const value = read.flags[key];
      if (value === undefined) continue;
      if (flags[key] !== undefined && flags[key] !== value) return { flags, problem: 'contradiction' };
      flags[key] = value;
    }
    if (read.flags.closesAt !== undefined) flags.closesAt = read.flags.closesAt;
    if (read.flags.form) flags.form = true;
  }
  return { flags };
}

/**
 * Reads a poll sentence: "afstemning: Hvilken strategi vælger I? | A Integration | B STS ORG
 * GUI | C Interim", with flags before the colon or at the end (see segmentsOf). `now` gives
 * the day and time a closing time is read against. A question or option too long is named
 * before the sentence's own length, so that a person is told which part to shorten.
 */
export function parsePollSentence(text: string, now: DateTime): ParsedPoll {
  if (text.length > MAX_READ_LENGTH) return { ok: false, problem: { kind: 'too-long', length: text.length } };
  const sentence = splitPollSentence(text) ?? { head: '', body: text };
  const { segments, trailing } = segmentsOf(sentence.body, now);
  const [question, ...options] = segments;
  if (question === undefined) return { ok: false, problem: { kind: 'empty' } };
  const shape = shapeProblem(question, options);
  if (shape) return { ok: false, problem: shape };
  if (text.length > MAX_SENTENCE_LENGTH) return { ok: false, problem: { kind: 'too-long', length: text.length } };
  const { flags, problem } = mergedFlags([sentence.head, ...trailing], now);
  if (problem) return { ok: false, problem: { kind: problem } };
  return {
    ok: true,
    draft: {
      question,
      options,
      multiple: flags.multiple ?? false,
      anonymous: flags.anonymous ?? true,
      live: flags.live ?? false,
      ...(flags.closesAt !== undefined ? { closesAt: flags.closesAt } : {}),
      form: flags.form ?? false,
    },
  };
}
