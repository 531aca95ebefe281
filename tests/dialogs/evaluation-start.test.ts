import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { evaluationDialogsByName, startEvaluation } from '../../dialogs/evaluations/index.js';
import { answerAs, contextOf, expectNotice, mette, peter, run, startAs, useEvaluationKit } from './evaluation-kit.js';

const kit = useEvaluationKit();

describe("'evaluation-start': the card that opens the evaluation", () => {
  it("posts 'Kort evaluering af' today's meeting with a button that opens the form, and one to close it", async () => {
    const [card, ...rest] = await run(kit, 'evaluation-start', mette);
    expect(rest).toEqual([]);
    expect(card?.notice).toBeUndefined();
    expect(card?.broadcast).toBe(true);
    expect(card?.heading).toBe('Kort evaluering af Programledermøde september 2018, 6. september');
    expect(card?.text).toContain('Giv Programledermøde september 2018, 6. september en karakter fra 1 til 5');
    expect(card?.text).toContain('heller ikke værten eller en administrator – kan se, hvem der har svaret hvad');
    const [evaluation] = kit.store.read().evaluations;
    expect(evaluation).toMatchObject({
      channel: 'teams',
      conversationId: 'teams-conversation',
      meetingId: 'programledermoede-2018-09-06',
      startedBy: { userId: 'aad-mette', name: 'Mette Vinther Poulsen' },
    });
    expect(card?.buttons).toEqual([
      {
        title: 'Svar på evalueringen',
        action: { dialog: 'evaluation-form', args: { evaluationId: evaluation!.id } },
        replacesCard: true,
      },
      {
        title: 'Luk og vis resultatet',
        // pressed on the card: the results take its place, so it is not rewritten as closed too
        action: { dialog: 'evaluation-close', args: { evaluationId: evaluation!.id, from: 'card' } },
        replacesCard: true,
      },
    ]);
  });

  it('keeps one open evaluation per conversation: a second start says so and offers the open one', async () => {
    const id = await startAs(kit);
    await answerAs(kit, peter, id, { rating: '4' });
    const [refusal] = await run(kit, 'evaluation-start', peter);
    expect(refusal?.notice).toBe(true);
    expect(refusal?.text).toBe(
      'Der er allerede en åben evaluering her (af Programledermøde september 2018, 6. september, 1 svar indtil videre). Luk den, før en ny startes.',
    );
    expect(refusal?.buttons?.map((button) => [button.action.dialog, button.action.args.evaluationId])).toEqual([
      ['evaluation-form', id],
      ['evaluation-close', id],
    ]);
    expect(kit.store.read().evaluations).toHaveLength(1);
    // another conversation has its own
    await startAs(kit, mette, {}, { conversationId: '19:andet-team@thread.tacv2' });
    expect(kit.store.read().evaluations).toHaveLength(2);
  });

  it('is refused in a personal chat, where only one person could answer', async () => {
    const [refusal] = await run(kit, 'evaluation-start', mette, {}, { personal: true });
    expectNotice(refusal, /^En evaluering startes i den samtale, mødet holdes i/);
    expect(kit.store.read().evaluations).toEqual([]);
  });

  it('evaluates the meeting the agenda names, the meeting run here today, or none on a day without one', async () => {
    await startAs(kit, mette, { meetingId: 'programledermoede-2018-09-12' }, { conversationId: 'a' });
    const [unknown] = await run(kit, 'evaluation-start', mette, { meetingId: 'ukendt-moede' }, { conversationId: 'b' });
    expect(unknown).toMatchObject({ notice: true, text: 'Det møde kender jeg ikke.' });

    kit.clock.set(DateTime.fromISO('2018-09-14T12:25:00+02:00'));
    await kit.store.update((draft) => {
      draft.meetingSessions.push({
        channel: 'teams',
        conversationId: 'c',
        meetingId: 'programledermoede-2018-09-12',
        currentItem: 9,
        startedAt: '2018-09-14T10:00:00.000+02:00',
        startedBy: { channel: 'teams', userId: 'aad-mette' },
        coHosts: [],
      });
    });
    await startAs(kit, mette, {}, { conversationId: 'c' });
    await startAs(kit, mette, {}, { conversationId: 'd' });
    kit.clock.set(DateTime.fromISO('2018-10-01T12:00:00+02:00'));
    const [none] = await run(kit, 'evaluation-start', mette, {}, { conversationId: 'e' });
    expect(none?.heading).toBe('Kort evaluering af mødet 1. oktober');
    expect(kit.store.read().evaluations.map((evaluation) => [evaluation.conversationId, evaluation.meetingId])).toEqual(
      [
        ['a', 'programledermoede-2018-09-12'],
        ['c', 'programledermoede-2018-09-12'],
        ['d', 'programledermoede-2018-09-14'],
        ['e', undefined],
      ],
    );
  });

  it('speaks English when asked in English', async () => {
    const [card] = await run(kit, 'evaluation-start', mette, {}, { language: 'en' });
    expect(card?.heading).toBe('Short evaluation of Programledermøde september 2018, 6 September');
  });
});

describe("'evaluation-form': the rating and the two questions", () => {
  it('asks for a rating of 1–5, best first, and what worked and what could be better, each optional and at most 2,000 characters', async () => {
    const id = await startAs(kit);
    const [reply] = await run(kit, 'evaluation-form', peter, { evaluationId: id });
    const form = reply?.form;
    expect(form?.fields.map((field) => [field.id, field.kind ?? 'choice'])).toEqual([
      ['rating', 'choice'],
      ['worked', 'text'],
      ['improve', 'text'],
    ]);
    expect(form?.fields[0]?.options.map((option) => option.value)).toEqual(['5', '4', '3', '2', '1']);
    expect(form?.fields[0]?.options[0]?.label).toBe('5 – rigtig godt');
    expect(form?.fields.slice(1)).toEqual([
      {
        id: 'worked',
        label: 'Hvad fungerede?',
        kind: 'text',
        options: [],
        maxLength: 2000,
        optional: true,
        multiline: true,
        placeholder: 'Frivilligt',
      },
      {
        id: 'improve',
        label: 'Hvad kan vi gøre bedre?',
        kind: 'text',
        options: [],
        maxLength: 2000,
        optional: true,
        multiline: true,
        placeholder: 'Frivilligt',
      },
    ]);
    expect(form?.submit).toEqual({ dialog: 'evaluation-answer', args: { evaluationId: id, lang: 'da' } });
    expect(form?.open).toEqual({ dialog: 'evaluation-form', args: { evaluationId: id } });
    expect(Object.hasOwn(evaluationDialogsByName, form!.submit.dialog)).toBe(true);
  });

  it("is the conversation's open evaluation when none is named; refused once answered, once closed, or when there is none", async () => {
    const [none] = await run(kit, 'evaluation-form', peter);
    expectNotice(none, /^Der er ingen åben evaluering her\./);
    const id = await startAs(kit);
    const [form] = await run(kit, 'evaluation-form', peter);
    expect(form?.form?.submit.args.evaluationId).toBe(id);
    await answerAs(kit, peter, id, { rating: '3' });
    const [answered] = await run(kit, 'evaluation-form', peter, { evaluationId: id });
    expectNotice(answered, /^Du har allerede svaret på denne evaluering\./);
    await run(kit, 'evaluation-close', mette, { evaluationId: id });
    const [closed] = await run(kit, 'evaluation-form', { channel: 'teams', userId: 'aad-new' }, { evaluationId: id });
    expect(closed).toMatchObject({ notice: true, text: 'Evalueringen er lukket; der kan ikke svares mere.' });
    expect(closed?.buttons?.[0]?.action).toEqual({ dialog: 'evaluation-results', args: { evaluationId: id } });
  });

  it('refuses an evaluation id it does not know', async () => {
    const [reply] = await run(kit, 'evaluation-form', peter, { evaluationId: 'not-an-id' });
    expect(reply).toEqual({ text: 'Den evaluering kender jeg ikke.', notice: true });
    expect(contextOf(kit, peter).turn.conversation.isGroup).toBe(true);
  });
});

describe('the evaluation the agenda starts as its last item begins', () => {
  it('is started once per meeting here: going back and forward over the last item sends no second one', async () => {
    const meetingId = 'programledermoede-2018-09-06';
    const first = await startEvaluation(contextOf(kit, mette), meetingId, kit.services);
    expect(first[0]?.heading).toBe('Kort evaluering af Programledermøde september 2018, 6. september');
    expect(await startEvaluation(contextOf(kit, mette), meetingId, kit.services)).toEqual([]);
    await run(kit, 'evaluation-close', mette, { evaluationId: kit.store.read().evaluations[0]!.id });
    expect(await startEvaluation(contextOf(kit, mette), meetingId, kit.services)).toEqual([]);
    expect(kit.store.read().evaluations).toHaveLength(1);
  });
});
