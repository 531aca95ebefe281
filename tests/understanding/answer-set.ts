import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Core } from '../../src/core/core.js';
import { askedSchema, replyText, turn } from './question-set.js';

/**
 * Question sets judged by their answers only: written from the seed by people who did not see
 * the understanding, so they carry no intent labels, only what a right answer must say (or
 * that klikbot must say it does not know).
 */
const questionSchema = askedSchema.extend({
  expect: z.enum(['answer', 'unknown']),
  /** Facts the answer must contain, case-insensitively; "a|b" accepts either. */
  mustContain: z.array(z.string()),
  mustNotContain: z.array(z.string()).optional(),
  topic: z.string(),
  persona: z.string().optional(),
  tags: z.array(z.string()).default([]),
});
const setSchema = z.object({ about: z.string(), now: z.string(), questions: z.array(questionSchema) });

/** One question of an answer-judged set. */
export type AnswerQuestion = z.infer<typeof questionSchema>;

/** An answer-judged set, validated. */
export function loadAnswerSet(path: string): { now: string; questions: AnswerQuestion[] } {
  return setSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** How one question went. */
export interface AnswerOutcome {
  question: AnswerQuestion;
  answer: string;
  intent: string;
  missingFacts: string[];
  wrongFacts: string[];
  saidUnknown: boolean;
  right: boolean;
  /** Answered as if known, but wrong: the worst outcome. */
  confidentWrong: boolean;
}

function contains(answer: string, fact: string): boolean {
  return fact.split('|').some((alternative) => answer.includes(alternative.trim().toLowerCase()));
}

/** Asks one question (after its context, in the same conversation) and judges the answer. */
export function evaluateAnswer(core: Core, question: AnswerQuestion, defaultNow: string): AnswerOutcome {
  const now = DateTime.fromISO(question.now ?? defaultNow, { setZone: true });
  for (const earlier of question.context ?? []) core.answer(turn(earlier, question.id, now, question.lang));
  const routed = core.answer(turn(question.text, question.id, now, question.lang));
  const answer = replyText(routed.replies);
  const lower = answer.toLowerCase();
  const intent = routed.understanding?.intent ?? '(none)';
  const saidUnknown = intent === 'unknown';
  const missingFacts = question.mustContain.filter((fact) => !contains(lower, fact));
  const wrongFacts = (question.mustNotContain ?? []).filter((fact) => contains(lower, fact));
  const factsRight = missingFacts.length === 0 && wrongFacts.length === 0;
  const right = question.expect === 'unknown' ? saidUnknown : !saidUnknown && factsRight;
  return {
    question,
    answer,
    intent,
    missingFacts,
    wrongFacts,
    saidUnknown,
    right,
    confidentWrong: !right && !saidUnknown,
  };
}
