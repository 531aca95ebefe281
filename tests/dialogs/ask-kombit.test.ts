import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { postToExperts } from '../../dialogs/ask-kombit/delivery.js';
import { askKombitTimedWork } from '../../dialogs/ask-kombit/index.js';
import { learnedFor } from '../../dialogs/ask-kombit/learned.js';
import { afterWorkingDays } from '../../dialogs/ask-kombit/timed.js';
import type { AskKombitServices } from '../../dialogs/types.js';
import type { ConversationKey } from '../../src/core/address.js';
import type { Delivery } from '../../src/core/notifier.js';
import type { Reply } from '../../src/core/types.js';
import { createLogger } from '../../src/logger.js';
import {
  KombitQuestionRepository,
  OPEN_QUESTIONS_PER_PERSON,
  type KombitQuestion,
} from '../../src/state/kombit-questions.js';
import { useActionKit } from './action-kit.js';
import { knowledge } from './dialog-kit.js';

const EXPERTS = { channel: 'slack', conversationId: 'C0EXPERTS' };
const ADMIN = { channel: 'slack', userId: 'U0ADMIN', name: 'Admin' };

/** What the timed work sent, and a send that reports each as arriving unless told otherwise. */
function recordingSend(arrives: (to: ConversationKey) => boolean = () => true) {
  const sent: { to: ConversationKey; replies: Reply[] }[] = [];
  const send = async (to: ConversationKey, replies: Reply[]): Promise<Delivery> => {
    sent.push({ to, replies });
    return arrives(to)
      ? { ...to, status: 'sent', messageIds: [`m${sent.length}`] }
      : { ...to, status: 'failed', reason: 'connector down' };
  };
  return { sent, send };
}

function question(at: string, extra: Partial<KombitQuestion> = {}): KombitQuestion {
  return {
    id: randomUUID(),
    text: 'Hvad koster en SAPA-licens?',
    language: 'da',
    asker: { channel: 'teams', userId: 'aad-mette', name: 'Mette' },
    askedIn: { channel: 'msteams', conversationId: '19:programledere@thread.tacv2' },
    askedAt: at,
    expertsIn: EXPERTS,
    ...extra,
  };
}

describe('Ask KOMBIT on the clock', () => {
  const kit = useActionKit();
  const work = (ask: AskKombitServices) => ({ ask, knowledge, logger: createLogger('silent') });

  it('reminds the experts once of a question open two working days, counted past a weekend', async () => {
    const questions = new KombitQuestionRepository(kit.store, kit.clock);
    await questions.designate(EXPERTS, ADMIN);
    // Friday 7 September 2018, 14:00: two working days on is Tuesday 11 September, 14:00
    const friday = question('2018-09-07T12:00:00.000Z', { postedAt: '2018-09-07T12:00:01.000Z' });
    await questions.ask(friday);
    const { sent, send } = recordingSend();
    const ask = { questions, send };
    await askKombitTimedWork(work(ask), DateTime.fromISO('2018-09-11T13:59:00+02:00'));
    expect(sent).toEqual([]);
    await askKombitTimedWork(work(ask), DateTime.fromISO('2018-09-11T14:00:00+02:00'));
    await askKombitTimedWork(work(ask), DateTime.fromISO('2018-09-12T10:00:00+02:00'));
    expect(sent.map((one) => one.replies[0]?.text ?? '')).toEqual([
      expect.stringContaining('Venter stadig på svar efter 2 arbejdsdage'),
    ]);
    expect(sent[0]?.to).toEqual(EXPERTS);
  });

  it('posts a card that did not reach the experts, and delivers an answer that did not reach its asker, once each', async () => {
    const questions = new KombitQuestionRepository(kit.store, kit.clock);
    await questions.designate(EXPERTS, ADMIN);
    const unposted = question('2018-09-06T08:00:00.000Z');
    await questions.ask(unposted);
    const answered = question('2018-09-06T08:00:00.000Z', { postedAt: '2018-09-06T08:00:01.000Z' });
    await questions.ask(answered);
    await questions.answer(answered.id, { channel: 'slack', userId: 'U0ERIK' }, 'Ingen licens.', undefined);
    let connectorUp = false;
    const { sent, send } = recordingSend(() => connectorUp);
    const ask = { questions, send };
    const now = DateTime.fromISO('2018-09-06T10:05:00+02:00');
    await askKombitTimedWork(work(ask), now);
    expect(sent).toHaveLength(2);
    connectorUp = true;
    await askKombitTimedWork(work(ask), now);
    await askKombitTimedWork(work(ask), now);
    expect(sent).toHaveLength(4);
    expect(sent[3]?.replies[0]?.text).toContain('Ingen licens.');
    expect(questions.get(unposted.id)?.postedAt).toBeDefined();
    expect(questions.get(answered.id)?.deliveredAt).toBeDefined();
  });

  it('sends a card once though the dialog and the timed work try at the same moment, and tries a failed reminder again', async () => {
    const questions = new KombitQuestionRepository(kit.store, kit.clock);
    await questions.designate(EXPERTS, ADMIN);
    const one = question('2018-09-06T08:00:00.000Z');
    await questions.ask(one);
    let up = true;
    const { sent, send } = recordingSend(() => up);
    const ask = { questions, send };
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    await Promise.all([postToExperts(knowledge, ask, one), askKombitTimedWork(work(ask), now)]);
    expect(sent).toHaveLength(1);

    up = false;
    const later = DateTime.fromISO('2018-09-10T10:30:00+02:00');
    await askKombitTimedWork(work(ask), later);
    up = true;
    await askKombitTimedWork(work(ask), later);
    await askKombitTimedWork(work(ask), later);
    const reminders = sent.filter((one) => (one.replies[0]?.text ?? '').includes('Venter stadig'));
    expect(reminders).toHaveLength(2);
    expect(questions.get(one.id)?.remindedAt).toBeDefined();
  });

  it('posts the weekly summary on Monday from 9, once a week, with the median time to answer', async () => {
    const questions = new KombitQuestionRepository(kit.store, kit.clock);
    await questions.designate(EXPERTS, ADMIN);
    for (const [asked, hours] of [
      ['2018-09-04T08:00:00.000Z', 2],
      ['2018-09-05T08:00:00.000Z', 6],
    ] as const) {
      const one = question(asked, { postedAt: asked, remindedAt: asked });
      await questions.ask(one);
      kit.clock.set(DateTime.fromISO(asked).plus({ hours }));
      await questions.answer(one.id, { channel: 'slack', userId: 'U0ERIK' }, 'Svar.', undefined);
      await questions.markDelivered(one.id);
    }
    const { sent, send } = recordingSend();
    const ask = { questions, send };
    await askKombitTimedWork(work(ask), DateTime.fromISO('2018-09-10T08:59:00+02:00'));
    await askKombitTimedWork(work(ask), DateTime.fromISO('2018-09-10T09:00:00+02:00'));
    await askKombitTimedWork(work(ask), DateTime.fromISO('2018-09-10T15:00:00+02:00'));
    expect(sent).toHaveLength(1);
    const facts = Object.fromEntries((sent[0]?.replies[0]?.facts ?? []).map((fact) => [fact.label, fact.value]));
    expect(facts).toEqual({ Stillet: '2', Besvaret: '2', 'Mediantid til svar': '4 timer', 'Åbne nu': '0' });
  });

  it('counts working days past Danish holidays: Maundy Thursday to the Tuesday after Easter', () => {
    const thursday = DateTime.fromISO('2019-04-18T10:00:00+02:00');
    expect(afterWorkingDays(thursday, 1).toISODate()).toBe('2019-04-23');
  });
});

describe('the questions handed to KOMBIT, as stored', () => {
  const kit = useActionKit();

  it('keeps one question per form, and no more open ones per person than allowed', async () => {
    const questions = new KombitQuestionRepository(kit.store, kit.clock);
    const first = question('2018-09-06T08:00:00.000Z');
    expect(await questions.ask(first)).toBe('stored');
    expect(await questions.ask(first)).toBe('exists');
    for (let more = 1; more < OPEN_QUESTIONS_PER_PERSON; more += 1)
      expect(await questions.ask(question('2018-09-06T08:00:00.000Z'))).toBe('stored');
    expect(await questions.ask(question('2018-09-06T08:00:00.000Z'))).toBe('too-many');
  });

  it('lets no second expert answer a question another took, nor anyone answer it twice', async () => {
    const questions = new KombitQuestionRepository(kit.store, kit.clock);
    const one = question('2018-09-06T08:00:00.000Z');
    await questions.ask(one);
    const erik = { channel: 'slack', userId: 'U0ERIK' };
    const sofie = { channel: 'slack', userId: 'U0SOFIE' };
    expect((await questions.take(one.id, erik)).outcome).toBe('done');
    expect((await questions.answer(one.id, sofie, 'Mit svar', undefined)).outcome).toBe('taken');
    expect((await questions.answer(one.id, erik, 'Eriks svar', ['Hvad er prisen?'])).outcome).toBe('done');
    expect((await questions.answer(one.id, erik, 'Igen', undefined)).outcome).toBe('answered');
    expect(questions.get(one.id)?.answer?.text).toBe('Eriks svar');
    expect(questions.learned().map((learned) => [learned.answer, learned.variants])).toEqual([
      ['Eriks svar', ['Hvad er prisen?']],
    ]);
  });
});

describe('a learned answer found by the words of a question', () => {
  const learned = [
    {
      id: randomUUID(),
      question: 'Får pilotkommunerne penge for at være med?',
      variants: ['kompensation til pilotkommuner'],
      answer: 'Ja, pilotkommunerne får et tilskud til deltagelsen.',
      language: 'da' as const,
      by: ADMIN,
      at: '2018-09-06T08:00:00.000Z',
    },
  ];

  it('gives it for a paraphrase where the material has no answer, and for one asked almost as learned where it has', () => {
    expect(learnedFor(knowledge, learned, 'Bliver pilotkommunerne kompenseret økonomisk?', false)?.how).toBe('given');
    expect(learnedFor(knowledge, learned, 'får pilotkommuner penge for at være med', true)?.how).toBe('given');
  });

  it('finds it by what the question is about, in other words and languages: a grant for money, "free of charge" for a cost', () => {
    expect(learnedFor(knowledge, learned, 'Får vi økonomisk støtte som pilotkommune?', false)).toBeDefined();
    const licence = [
      {
        ...learned[0]!,
        id: randomUUID(),
        question: 'Hvad koster en licens til Fjernprint?',
        variants: [],
        answer: 'Fjernprint er med i aftalen uden ekstra betaling.',
      },
    ];
    expect(learnedFor(knowledge, licence, 'is Fjernprint free of charge?', false)?.how).toBe('given');
  });

  it('leaves a question that only shares a name to the material, and one about something else alone', () => {
    expect(learnedFor(knowledge, learned, 'hvilke kommuner er pilotkommuner?', true)).toBeUndefined();
    expect(learnedFor(knowledge, learned, 'hvad er deadline for BBR trin 3?', false)).toBeUndefined();
  });
});
