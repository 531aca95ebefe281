import { describe, expect, it } from 'vitest';
import type { ConversationKey } from '../../src/core/address.js';
import type { Reply } from '../../src/core/types.js';
import { POLL_DIALOGS } from '../../dialogs/names.js';
import { pollIdOf } from '../../dialogs/polls/card.js';
import { pollCardPosted } from '../../dialogs/polls/posted.js';
import { HOST, only, run, turnOf, usePollKit } from './poll-kit.js';

const kit = usePollKit();
const CARD = { conversationId: '19:meeting@thread.tacv2;messageid=7', messageId: 'card-7' };
const ELSEWHERE = { conversationId: '19:meeting@thread.tacv2;messageid=7', messageId: 'result-9' };

/** A poll whose card was posted as CARD; its id and its card. */
async function postedPoll(): Promise<{ pollId: string; card: Reply }> {
  const text = 'afstemning: Pause nu? | Ja | Nej';
  const card = only(await run(kit, POLL_DIALOGS.create, turnOf(kit, HOST, text), { text }));
  const pollId = pollIdOf(card)!;
  await pollCardPosted(card, CARD, kit.services);
  return { pollId, card };
}

/** The services with `tell` recording what is written, answering `arrives`. */
function telling(arrives = true) {
  const told: { to: ConversationKey; replies: Reply[] }[] = [];
  const services = {
    ...kit.services,
    tell: async (to: ConversationKey, replies: Reply[]) => {
      told.push({ to, replies });
      return arrives;
    },
  };
  return { told, services };
}

describe('a poll card posted', () => {
  it('writes a result shown in another message over the card people voted on, which stays the poll’s', async () => {
    const { pollId } = await postedPoll();
    const result = only(await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST, 'luk afstemning')));
    const { told, services } = telling();
    await pollCardPosted(result, ELSEWHERE, services);
    expect(told).toEqual([
      { to: { channel: 'teams', conversationId: '19:meeting@thread.tacv2' }, replies: [{ ...result, replaces: CARD }] },
    ]);
    expect(kit.polls.get(pollId)!.message).toEqual(CARD);
  });

  it('keeps the new message when the card can no longer be written to', async () => {
    const { pollId } = await postedPoll();
    const result = only(await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST, 'luk afstemning')));
    await pollCardPosted(result, ELSEWHERE, telling(false).services);
    expect(kit.polls.get(pollId)!.message).toEqual(ELSEWHERE);
  });

  it('writes nothing for an open poll, or for the result shown on the card itself', async () => {
    const { pollId, card } = await postedPoll();
    const { told, services } = telling();
    await pollCardPosted(card, ELSEWHERE, services);
    expect(kit.polls.get(pollId)!.message).toEqual(ELSEWHERE);
    const result = only(await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId }));
    await pollCardPosted(result, ELSEWHERE, services);
    expect(told).toEqual([]);
  });
});
