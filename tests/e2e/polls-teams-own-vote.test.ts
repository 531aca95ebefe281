import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { postMessages } from '../support/bot-framework.js';
import { useBotAndConnector } from '../support/bot-and-connector.js';
import {
  cardBodyText as textOf,
  cardOf,
  channelData,
  conversations,
  mentioning,
  teamsActivity,
  type CardAction,
  type InvokeAnswer,
} from '../support/teams-activities.js';

const jens = { id: '29:jens', name: 'Jens Hansen', aadObjectId: 'aad-jens' };

/** "@klikbot <text>" written in the channel. */
function mentionedInChannel(connectorUrl: string, text: string): Record<string, unknown> {
  return teamsActivity(connectorUrl, { ...mentioning(text), conversation: conversations.channel, channelData });
}

/** Jens's press of `button` on the card `messageId` in the channel, as Teams sends it (an Action.Execute). */
function pressing(connectorUrl: string, button: CardAction | undefined, messageId: string): Record<string, unknown> {
  return teamsActivity(connectorUrl, {
    from: jens,
    conversation: conversations.channel,
    channelData,
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: messageId,
    value: { action: { type: 'Action.Execute', verb: button?.verb, data: button?.data } },
  });
}

describe("a voter's own copy of a poll card in a Teams channel", () => {
  const clock = createFixedClock(DateTime.fromISO('2018-09-14T10:15:00+02:00'));
  const h = useBotAndConnector({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock });

  it('marks their choice in the card returned to them, not in the card rewritten for everyone', async () => {
    await postMessages(
      h.bot.url,
      mentionedInChannel(h.connector.url, 'afstemning (flere valg): Hvilke webinarer? | KY | FK | SAPA'),
    );
    const [posted] = await h.connector.waitFor(1);
    // the fake connector gives the n-th message it receives the id sent-n
    const messageId = 'sent-1';
    const buttons = cardOf(posted!).actions ?? [];
    const press = async (title: string): Promise<InvokeAnswer> => {
      const button = buttons.find((action) => action.title === title);
      const response = await postMessages(h.bot.url, pressing(h.connector.url, button, messageId));
      expect(response.status).toBe(200);
      return (await response.json()) as InvokeAnswer;
    };

    await press('KY');
    const own = await press('SAPA');
    expect(textOf(own.value)).toContain('✓ Dine stemmer: KY, SAPA (kun vist for dig)');
    expect(own.value.actions?.map((action) => action.title)).toEqual(['✓ KY', 'FK', '✓ SAPA', 'Luk afstemning']);

    const rewrites = () => h.connector.requests.filter((request) => request.method === 'PUT');
    await vi.waitFor(() => expect(textOf(cardOf(rewrites().at(-1)!))).toMatch(/1 stemme\b/), {
      timeout: 10_000,
      interval: 50,
    });
    // every write to the posted message, which the whole channel sees, is the shared card
    for (const rewrite of rewrites()) {
      const card = cardOf(rewrite);
      expect(textOf(card)).not.toMatch(/✓|Din stemme|Dine stemmer|fjernet/);
      expect(card.actions?.map((action) => action.title)).toEqual(['KY', 'FK', 'SAPA', 'Luk afstemning']);
    }

    // an accidental second press says what it did, to the presser
    const removed = await press('SAPA');
    expect(textOf(removed.value)).toContain('Du har fjernet din stemme på SAPA. ✓ Din stemme: KY (kun vist for dig)');

    // a client without Action.Execute (the Emulator) submits instead, and the message is updated
    // by id for everyone: with the shared card, as no one else's copy may be written there
    const before = rewrites().length;
    const fk = buttons.find((action) => action.title === 'FK');
    const submitted = teamsActivity(h.connector.url, {
      from: jens,
      conversation: conversations.channel,
      channelData,
      replyToId: messageId,
      value: fk?.data,
    });
    expect((await postMessages(h.bot.url, submitted)).status).toBe(200);
    await vi.waitFor(() => expect(rewrites().length).toBeGreaterThan(before), { timeout: 5_000, interval: 50 });
    const updated = cardOf(rewrites().at(-1)!);
    expect(textOf(updated)).toMatch(/1 stemme\b/);
    expect(textOf(updated)).not.toMatch(/✓|Din stemme|Dine stemmer/);
  });
});
