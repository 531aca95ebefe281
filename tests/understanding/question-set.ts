import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Core } from '../../src/core/core.js';
import type { ActionPayload, Reply, Turn } from '../../src/core/types.js';
import { intents, type Understanding } from '../../src/understanding/types.js';

const stepSchema = z.object({ taskId: z.string(), number: z.number() });
/** What every question of a set has: its words, language, clock and earlier messages. */
export const askedSchema = z.object({
  id: z.string(),
  text: z.string(),
  lang: z.enum(['da', 'en']),
  now: z.string().optional(),
  context: z.array(z.string()).optional(),
});
const questionSchema = askedSchema.extend({
  intent: z.enum(intents),
  entities: z.record(z.string(), z.unknown()),
  mustContain: z.array(z.string()),
  tags: z.array(z.string()),
  /**
   * The action dialog the text asks for (answer() returns it unrun; its args must include
   * these), or null when none may be asked for (a question back, a read-only answer).
   */
  action: z
    .object({ dialog: z.string(), args: z.record(z.string(), z.string()) })
    .nullable()
    .optional(),
});
const setSchema = z.object({ about: z.string(), now: z.string(), questions: z.array(questionSchema) });

/** One labelled question. */
export type LabelledQuestion = z.infer<typeof questionSchema>;

/** The labelled question set, validated. */
export function loadQuestionSet(path = 'tests/understanding/questions.json'): {
  now: string;
  questions: LabelledQuestion[];
} {
  return setSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Everything a person reads in the replies. */
export function replyText(replies: Reply[]): string {
  return replies
    .flatMap((reply) => [
      reply.heading ?? '',
      reply.text,
      reply.intro ?? '',
      reply.outro ?? '',
      ...(reply.facts ?? []).map((fact) => `${fact.label}: ${fact.value}`),
      ...(reply.list ?? []),
    ])
    .filter(Boolean)
    .join('\n');
}

function sameIds(expected: unknown, actual: unknown[]): boolean {
  const wanted = z.array(z.string()).parse(expected);
  if (wanted.length === 0) return actual.length === 0;
  return wanted.every((id) => actual.includes(id));
}

/** Whether `actual` has everything `expected` has: objects key by key, lists item for item in any order. */
function matchesShape(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item) => actual.some((other) => matchesShape(item, other)))
    );
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([key, value]) =>
      matchesShape(value, (actual as Record<string, unknown>)[key]),
    );
  }
  return expected === actual;
}

/** Whether the action asked for is the one labelled (when one is labelled). */
function actionMistake(question: LabelledQuestion, action: ActionPayload | undefined): string | undefined {
  if (question.action === undefined) return undefined;
  if (question.action === null) return action ? `action ${action.dialog} (none expected)` : undefined;
  return matchesShape(question.action, action) ? undefined : `action ${JSON.stringify(action ?? null)}`;
}

/** Which expected entity fields the reading got wrong. */
export function entityMistakes(question: LabelledQuestion, understanding: Understanding): string[] {
  const mistakes: string[] = [];
  const actual = understanding.entities as unknown as Record<string, unknown>;
  for (const [field, expected] of Object.entries(question.entities)) {
    const got = actual[field];
    if (field === 'steps') {
      const wanted = z.array(stepSchema).parse(expected);
      const have = z.array(stepSchema).parse(got ?? []);
      if (!wanted.every((step) => have.some((other) => other.taskId === step.taskId && other.number === step.number)))
        mistakes.push(field);
    } else if (field === 'dates') {
      const wanted = z.object({ start: z.string(), end: z.string() }).parse(expected);
      const have = got as { start?: string; end?: string } | undefined;
      if (have?.start !== wanted.start || have.end !== wanted.end) mistakes.push(field);
    } else if (field === 'report') {
      if (!matchesShape(expected, got)) mistakes.push(field);
    } else if (Array.isArray(expected)) {
      if (!sameIds(expected, Array.isArray(got) ? got : [])) mistakes.push(field);
    } else if (got !== expected) {
      mistakes.push(field);
    }
  }
  return mistakes;
}

/** How one question went. */
export interface Outcome {
  question: LabelledQuestion;
  understanding?: Understanding;
  answer: string;
  intentRight: boolean;
  entityMistakes: string[];
  missingFacts: string[];
  /** Right intent, entities and facts. */
  right: boolean;
  /** A wrong answer given as an answer (not "I don't know"): the worst outcome. */
  confidentWrong: boolean;
}

/** A question typed by the evaluator in its own web conversation. */
export function turn(text: string, conversationId: string, now: DateTime, lang: 'da' | 'en'): Turn {
  return {
    user: { id: 'evaluator' },
    conversation: { channel: 'web', id: conversationId, isGroup: false },
    text,
    locale: lang === 'da' ? 'da-DK' : 'en-GB',
    now,
  };
}

/** Asks the real core one question at a time, each in a conversation of its own, and gives the reply's text. */
export function askerOf(core: Core, now: DateTime): (text: string, language?: 'da' | 'en') => string {
  return (text, language = 'da') => replyText(core.answer(turn(text, `c-${text}`, now, language)).replies);
}

/** Asks each question in a conversation of its own: the intent it was read as, and the reply's text. */
export function readerOf(
  core: Core,
  now: DateTime,
): (text: string, language?: 'da' | 'en') => { intent: string | undefined; reply: string } {
  return (text, language = 'da') => {
    const answer = core.answer(turn(text, `c-${text}`, now, language));
    return { intent: answer.understanding?.intent, reply: replyText(answer.replies) };
  };
}

/** Asks one labelled question (after its context, in the same conversation) and judges the answer. */
export function evaluate(core: Core, question: LabelledQuestion, defaultNow: string): Outcome {
  const now = DateTime.fromISO(question.now ?? defaultNow, { setZone: true });
  for (const earlier of question.context ?? []) core.answer(turn(earlier, question.id, now, question.lang));
  const routed = core.answer(turn(question.text, question.id, now, question.lang));
  const answer = replyText(routed.replies);
  const understanding = routed.understanding;
  const intentRight = understanding?.intent === question.intent;
  const wrongAction = actionMistake(question, routed.action);
  const mistakes = [
    ...(understanding ? entityMistakes(question, understanding) : ['(no reading)']),
    ...(wrongAction ? [wrongAction] : []),
  ];
  const missingFacts = question.mustContain.filter((fact) => !answer.toLowerCase().includes(fact.toLowerCase()));
  const right = intentRight && mistakes.length === 0 && missingFacts.length === 0;
  const answeredAsUnknown = understanding?.intent === 'unknown';
  return {
    question,
    understanding,
    answer,
    intentRight,
    entityMistakes: mistakes,
    missingFacts,
    right,
    confidentWrong: !right && !answeredAsUnknown,
  };
}
