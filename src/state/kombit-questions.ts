import type { Clock } from '../clock.js';
import { nowIso } from '../clock.js';
import type { AskPerson, ExpertConversation, KombitQuestion, LearnedAnswer } from './ask-kombit-schema.js';
import type { DeepReadonly, State } from './schema.js';
import { personRecord, samePerson } from './person.js';
import type { Store } from './store.js';

export type { AskPerson, AskPlace, ExpertConversation, KombitQuestion, LearnedAnswer } from './ask-kombit-schema.js';
export { ANSWER_MAX, NOTE_MAX, QUESTION_MAX } from './ask-kombit-schema.js';

/** How many questions one person may have open with KOMBIT at once: the experts are a few people, not a queue anyone can fill. */
export const OPEN_QUESTIONS_PER_PERSON = 5;

/** How long a claimed send keeps others from sending the same: longer than a throttled send with its retries takes. */
const SEND_CLAIM_MS = 5 * 60 * 1000;

/** What became of an attempt to take or answer a question. */
export type QuestionStep =
  | { outcome: 'done'; question: DeepReadonly<KombitQuestion> }
  | { outcome: 'gone' }
  | { outcome: 'answered'; question: DeepReadonly<KombitQuestion> }
  | { outcome: 'taken'; question: DeepReadonly<KombitQuestion> };

/** An open question: not yet answered. */
export function isOpen(question: DeepReadonly<KombitQuestion>): boolean {
  return question.answer === undefined;
}

/**
 * The questions handed over to KOMBIT, where KOMBIT's experts take them, and the answers klikbot
 * has learned from them. Every step is one write that checks the step before it, so two experts
 * pressing at once, a replayed button or a restart leave one outcome.
 */
export class KombitQuestionRepository {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** The expert conversation, if one is designated. */
  experts(): DeepReadonly<ExpertConversation> | undefined {
    return this.store.read().expertConversations[0];
  }

  /**
   * Makes `place` the expert conversation (replacing any other). The questions still open move
   * with it, to be posted there again (their cards elsewhere act on nothing); resolves with how
   * many moved.
   */
  async designate(place: { channel: string; conversationId: string }, by: AskPerson): Promise<{ moved: number }> {
    return this.store.update((draft) => {
      draft.expertConversations.splice(0, draft.expertConversations.length, {
        channel: place.channel,
        conversationId: place.conversationId,
        designatedBy: personRecord(by),
        designatedAt: nowIso(this.clock),
      });
      let moved = 0;
      for (const question of draft.kombitQuestions) {
        const there = question.expertsIn;
        if (
          question.answer !== undefined ||
          (there.channel === place.channel && there.conversationId === place.conversationId)
        )
          continue;
        question.expertsIn = { channel: place.channel, conversationId: place.conversationId };
        delete question.postedAt;
        delete question.cardMessage;
        delete question.sending;
        delete question.takenBy;
        moved += 1;
      }
      return { moved };
    });
  }

  /** Ends the designation of `place`; false when it was not the expert conversation. */
  async undesignate(place: { channel: string; conversationId: string }): Promise<boolean> {
    return this.store.update((draft) => {
      const before = draft.expertConversations.length;
      draft.expertConversations = draft.expertConversations.filter(
        (one) => !(one.channel === place.channel && one.conversationId === place.conversationId),
      );
      return draft.expertConversations.length < before;
    });
  }

  /** Marks the week's summary as posted; false when it already was (or there are no experts). */
  async claimSummary(week: string): Promise<boolean> {
    return this.store.update((draft) => {
      const experts = draft.expertConversations[0];
      if (!experts || experts.summaryWeek === week) return false;
      experts.summaryWeek = week;
      return true;
    });
  }

  /** Every question handed over, oldest first. */
  all(): readonly DeepReadonly<KombitQuestion>[] {
    return this.store.read().kombitQuestions;
  }

  get(id: string): DeepReadonly<KombitQuestion> | undefined {
    return this.all().find((question) => question.id === id);
  }

  /** The questions `person` has open now. */
  openOf(person: { channel: string; userId: string }): DeepReadonly<KombitQuestion>[] {
    return this.all().filter((question) => isOpen(question) && samePerson(question.asker, person));
  }

  /**
   * Stores a new question; 'exists' when one with its id is stored already (the same form sent
   * twice), 'too-many' when the asker has as many open as they may.
   */
  async ask(question: KombitQuestion): Promise<'stored' | 'exists' | 'too-many'> {
    return this.store.update((draft) => {
      if (draft.kombitQuestions.some((one) => one.id === question.id)) return 'exists';
      const open = draft.kombitQuestions.filter(
        (one) => one.answer === undefined && samePerson(one.asker, question.asker),
      );
      if (open.length >= OPEN_QUESTIONS_PER_PERSON) return 'too-many';
      draft.kombitQuestions.push(question);
      return 'stored';
    });
  }

  /**
   * Claims the sending of a question's card or answer: false when it needs no sending (posted,
   * delivered, not answered) or another send of it is under way.
   */
  async claimSend(id: string, what: 'card' | 'answer'): Promise<boolean> {
    const now = this.clock.now().toMillis();
    return this.store.update((draft) => {
      const question = draft.kombitQuestions.find((one) => one.id === id);
      if (!question) return false;
      const needed =
        what === 'card'
          ? question.postedAt === undefined
          : question.answer !== undefined && question.deliveredAt === undefined;
      if (!needed) return false;
      if (question.sending && Date.parse(question.sending.since) > now - SEND_CLAIM_MS) return false;
      question.sending = { what, since: nowIso(this.clock) };
      return true;
    });
  }

  /** Lets go of a send that did not arrive, so it is tried again. */
  async releaseSend(id: string): Promise<void> {
    await this.#change(id, (question) => {
      delete question.sending;
    });
  }

  /** Notes that the card reached the experts, and where it stands (for rewriting it). */
  async markPosted(id: string, message: { conversationId: string; messageId: string } | undefined): Promise<void> {
    await this.#change(id, (question) => {
      question.postedAt = nowIso(this.clock);
      delete question.sending;
      if (message) question.cardMessage = { ...message };
    });
  }

  /** An expert takes the question: refused when it is answered, or taken by someone else. */
  async take(id: string, by: AskPerson): Promise<QuestionStep> {
    return this.#step(id, by, (question) => {
      question.takenBy = { ...personRecord(by), at: nowIso(this.clock) };
    });
  }

  /** Lets go of a question one has taken, so another expert may answer it. */
  async release(id: string, by: AskPerson): Promise<QuestionStep> {
    return this.#step(id, by, (question) => {
      delete question.takenBy;
    });
  }

  /**
   * Stores an expert's answer (not yet delivered): refused when answered, or taken by someone
   * else. With `saveWith` (the other ways of asking it) it is kept as a learned answer in the
   * same write, under the question's id, so a restart between the two cannot lose or repeat it.
   */
  async answer(id: string, by: AskPerson, text: string, saveWith: string[] | undefined): Promise<QuestionStep> {
    const at = nowIso(this.clock);
    return this.#step(id, by, (question, draft) => {
      question.answer = { text, by: personRecord(by), at, saved: saveWith !== undefined };
      if (saveWith === undefined || draft.learnedAnswers.some((one) => one.id === question.id)) return;
      draft.learnedAnswers.push({
        id: question.id,
        question: question.text,
        variants: [...saveWith],
        answer: text,
        language: question.language,
        by: personRecord(by),
        at,
        questionId: question.id,
      });
    });
  }

  /** The answer reached the asker. */
  async markDelivered(id: string): Promise<void> {
    await this.#change(id, (question) => {
      question.deliveredAt = nowIso(this.clock);
      delete question.sending;
    });
  }

  /** Gives back a reminder that did not arrive, so the next tick tries it again. */
  async releaseReminder(id: string): Promise<void> {
    await this.#change(id, (question) => {
      delete question.remindedAt;
    });
  }

  /** Claims the one reminder that a question is still open; false when it was claimed already. */
  async claimReminder(id: string): Promise<boolean> {
    return this.store.update((draft) => {
      const question = draft.kombitQuestions.find((one) => one.id === id);
      if (!question || question.remindedAt !== undefined || question.answer !== undefined) return false;
      question.remindedAt = nowIso(this.clock);
      return true;
    });
  }

  /** The answers klikbot has learned, oldest first. */
  learned(): readonly DeepReadonly<LearnedAnswer>[] {
    return this.store.read().learnedAnswers;
  }

  /** Changes a learned answer's text and variants; false when it is gone. */
  async editLearned(id: string, change: { answer: string; variants: string[] }, by: AskPerson): Promise<boolean> {
    return this.store.update((draft) => {
      const learned = draft.learnedAnswers.find((one) => one.id === id);
      if (!learned) return false;
      learned.answer = change.answer;
      learned.variants = [...change.variants];
      learned.editedBy = personRecord(by);
      learned.editedAt = nowIso(this.clock);
      return true;
    });
  }

  /** Removes a learned answer; false when it was gone already. */
  async removeLearned(id: string): Promise<boolean> {
    return this.store.update((draft) => {
      const before = draft.learnedAnswers.length;
      draft.learnedAnswers = draft.learnedAnswers.filter((one) => one.id !== id);
      return draft.learnedAnswers.length < before;
    });
  }

  async #change(id: string, change: (question: KombitQuestion) => void): Promise<void> {
    await this.store.update((draft) => {
      const question = draft.kombitQuestions.find((one) => one.id === id);
      if (question) change(question);
    });
  }

  /** A step an expert takes: only on an open question not taken by someone else. */
  async #step(
    id: string,
    by: AskPerson,
    change: (question: KombitQuestion, draft: State) => void,
  ): Promise<QuestionStep> {
    const outcome = await this.store.update((draft): QuestionStep['outcome'] => {
      const question = draft.kombitQuestions.find((one) => one.id === id);
      if (!question) return 'gone';
      if (question.answer !== undefined) return 'answered';
      if (question.takenBy && !samePerson(question.takenBy, by)) return 'taken';
      change(question, draft);
      return 'done';
    });
    // the question as stored after the write (the draft is the store's, not to be kept)
    const question = this.get(id);
    return outcome === 'gone' || !question ? { outcome: 'gone' } : { outcome, question };
  }
}
