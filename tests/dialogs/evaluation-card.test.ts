import { beforeEach, describe, expect, it } from 'vitest';
import { klikbotDialogs } from '../../dialogs/index.js';
import type { ConversationKey } from '../../src/core/address.js';
import type { Reply } from '../../src/core/types.js';
import { answerAs, crowd, expectNotice, mette, peter, run, useEvaluationKit } from './evaluation-kit.js';

/** The evaluation's card as posted in a Teams channel, and what klikbot later writes over it. */
const kit = useEvaluationKit();
const posted = { conversationId: '19:moede@thread.tacv2;messageid=1', messageId: '1700000000001' };
let told: { to: ConversationKey; replies: Reply[] }[];

beforeEach(() => {
  told = [];
  kit.services = {
    ...kit.services,
    tell: (to, replies) => {
      told.push({ to, replies });
      return Promise.resolve(true);
    },
  };
});

/** Starts the evaluation as Mette and posts its card, as a channel does; its id. */
async function startAndPost(): Promise<{ id: string; card: Reply }> {
  const [card] = await run(kit, 'evaluation-start', mette);
  const id = card?.buttons?.[0]?.action.args.evaluationId;
  if (!card || !id) throw new Error('no evaluation card');
  await klikbotDialogs.cardPosted(card, posted, kit.services);
  return { id, card };
}

describe("the evaluation's posted card", () => {
  it("is rewritten as closed, with no answer button, when the evaluation is closed by typing 'luk evaluering'", async () => {
    const { id, card } = await startAndPost();
    for (const person of crowd(2)) await answerAs(kit, person, id, { rating: '4' });

    const [results] = await run(kit, 'evaluation-close', mette);
    expect(results?.intro).toBe('2 svar, gennemsnit 4,0 af 5.');
    expect(told).toHaveLength(1);
    const [rewrite] = told[0]!.replies;
    expect(told[0]!.to).toEqual({ channel: 'teams', conversationId: 'teams-conversation' });
    expect(rewrite?.replaces).toEqual(posted);
    expect(rewrite?.heading).toBe('Kort evaluering af Programledermøde september 2018, 6. september');
    expect(rewrite?.text).toContain('Evalueringen er lukket med 2 svar; der kan ikke svares mere.');
    expect(rewrite?.buttons?.map((button) => [button.title, button.action.dialog])).toEqual([
      ['Vis resultatet', 'evaluation-results'],
    ]);

    // the old card's answer button, where a client still shows it, says why not
    const answerButton = card.buttons?.[0];
    const [pressed] = await run(kit, answerButton!.action.dialog, peter, answerButton!.action.args);
    expectNotice(pressed, /^Evalueringen er lukket; der kan ikke svares mere\./);
  });

  it("is left to the results when closed with the card's own button, which put them in its place", async () => {
    const { card } = await startAndPost();
    const closeButton = card.buttons?.find((button) => button.action.dialog === 'evaluation-close');
    expect(closeButton?.replacesCard).toBe(true);
    const [results] = await run(kit, 'evaluation-close', mette, closeButton!.action.args);
    expect(results?.text).toBe(
      'Evalueringen af Programledermøde september 2018, 6. september er lukket. Ingen svarede.',
    );
    expect(told).toEqual([]);
  });

  it("is rewritten when closed from the 'already open' notice's button, which answers with a new message", async () => {
    await startAndPost();
    const [refusal] = await run(kit, 'evaluation-start', peter);
    const closeButton = refusal?.buttons?.find((button) => button.action.dialog === 'evaluation-close');
    expect(closeButton?.replacesCard).toBe(false);
    await run(kit, 'evaluation-close', mette, closeButton!.action.args);
    expect(told[0]?.replies[0]?.replaces).toEqual(posted);
    expect(told[0]?.replies[0]?.text).toContain('Evalueringen er lukket med 0 svar');
  });

  it('is said to be closed in English when closed in English', async () => {
    await startAndPost();
    await run(kit, 'evaluation-close', mette, {}, { language: 'en' });
    expect(told[0]?.replies[0]?.text).toBe(
      'Short evaluation of Programledermøde september 2018, 6 September: The evaluation is closed with 0 answers; no more answers are taken.',
    );
  });
});
