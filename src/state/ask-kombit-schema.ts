import { z } from 'zod';

const isoInstant = z.iso.datetime({ offset: true });

/** A person in their channel, with the name the channel gave. */
const personSchema = z.object({
  channel: z.string().min(1),
  userId: z.string().min(1),
  name: z.string().max(200).optional(),
});

/** Where something was said or goes: a stored conversation, and the thread in it where the channel has threads. */
const placeSchema = z.object({
  channel: z.string().min(1),
  conversationId: z.string().min(1),
  /** Slack: the thread's ts; Teams: the channel's conversation id with its `;messageid=`. */
  thread: z.string().min(1).max(300).optional(),
});

/** The longest question, note and answer kept (a chat message; a longer one is refused before writing). */
export const QUESTION_MAX = 1000;
export const NOTE_MAX = 500;
export const ANSWER_MAX = 3000;

/**
 * The conversation where KOMBIT's experts take the questions klikbot could not answer: a
 * Teams channel or a Slack channel, designated by an administrator (`eksperter her`). One at a
 * time; `summaryWeek` is the last week whose summary was posted there, so it goes once.
 */
export const expertConversationSchema = z.object({
  channel: z.string().min(1),
  conversationId: z.string().min(1),
  designatedBy: personSchema,
  designatedAt: isoInstant,
  /** ISO week ("2026-W49") of the last weekly summary posted. */
  summaryWeek: z.string().max(10).optional(),
});

/** An expert's answer to a handed-over question. */
const expertAnswerSchema = z.object({
  text: z.string().min(1).max(ANSWER_MAX),
  by: personSchema,
  at: isoInstant,
  /** Kept as a learned answer ("Gem som svar"). */
  saved: z.boolean(),
});

/**
 * A question handed over to KOMBIT ("Spørg KOMBIT"), from the asker's press to the answer
 * delivered. Each step is stored before the message it causes is sent, and marked once sent,
 * so a restart sends what is missing and nothing twice.
 */
export const kombitQuestionSchema = z.object({
  id: z.uuid(),
  text: z.string().min(1).max(QUESTION_MAX),
  /** The line the asker added. */
  note: z.string().max(NOTE_MAX).optional(),
  /** What klikbot answered (or would have): shown to the experts. */
  klikbotAnswer: z.string().max(QUESTION_MAX).optional(),
  language: z.enum(['da', 'en']),
  asker: personSchema,
  municipalityId: z.string().min(1).optional(),
  askedIn: placeSchema.extend({ kind: z.enum(['personal', 'group', 'channel']).optional() }),
  askedAt: isoInstant,
  /** The expert conversation it was sent to; `postedAt` once the card arrived there. */
  expertsIn: z.object({ channel: z.string().min(1), conversationId: z.string().min(1) }),
  postedAt: isoInstant.optional(),
  /** The card's message there, for rewriting it when taken or answered. */
  cardMessage: z.object({ conversationId: z.string().min(1), messageId: z.string().min(1) }).optional(),
  takenBy: personSchema.extend({ at: isoInstant }).optional(),
  answer: expertAnswerSchema.optional(),
  /** When the answer reached the asker. */
  deliveredAt: isoInstant.optional(),
  /** When the expert conversation was reminded that it is still open. */
  remindedAt: isoInstant.optional(),
  /**
   * A send under way (the card to the experts, or the answer to the asker), claimed before it
   * starts, so the dialog and the timed work never both send it; a claim older than a few
   * minutes is of a send that died and may be taken over.
   */
  sending: z.object({ what: z.enum(['card', 'answer']), since: isoInstant }).optional(),
});

/**
 * An answer KOMBIT gave that klikbot now gives itself: the question, other ways of asking it,
 * the answer, and who gave it when (its source).
 */
export const learnedAnswerSchema = z.object({
  id: z.uuid(),
  question: z.string().min(1).max(QUESTION_MAX),
  variants: z.array(z.string().min(1).max(QUESTION_MAX)).max(20),
  answer: z.string().min(1).max(ANSWER_MAX),
  language: z.enum(['da', 'en']),
  by: personSchema,
  at: isoInstant,
  /** The handed-over question it came from. */
  questionId: z.uuid().optional(),
  editedBy: personSchema.optional(),
  editedAt: isoInstant.optional(),
});

export type ExpertConversation = z.infer<typeof expertConversationSchema>;
export type KombitQuestion = z.infer<typeof kombitQuestionSchema>;
export type LearnedAnswer = z.infer<typeof learnedAnswerSchema>;
export type AskPerson = z.infer<typeof personSchema>;
export type AskPlace = z.infer<typeof placeSchema>;
