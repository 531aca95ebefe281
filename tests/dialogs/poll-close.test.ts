import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { ConversationAddress, Delivery, Notifier } from '../../src/core/notifier.js';
import type { Reply } from '../../src/core/types.js';
import { createLogger } from '../../src/logger.js';
import { ADMIN, ANNA, BO, HOST, only, refusal, run, turnOf, usePollKit } from './poll-kit.js';
import { announceClosedPolls } from '../../dialogs/polls/announce.js';
import { POLL_DIALOGS } from '../../dialogs/names.js';
import { pollIdOf } from '../../dialogs/polls/card.js';

const kit = usePollKit();
const EXAMPLE = 'afstemning: Hvilken strategi for Organisation vælger I? | A Integration | B STS ORG GUI | C Interim';

async function pollFrom(text: string, who = HOST): Promise<string> {
  return pollIdOf(only(await run(kit, POLL_DIALOGS.create, turnOf(kit, who, text), { text })))!;
}

describe('poll-close', () => {
  it('closes the example after 41 votes with the results card: bars, counts, percentages and "Hent CSV"', async () => {
    const pollId = await pollFrom(EXAMPLE);
    const choices = [...Array<string>(11).fill('a'), ...Array<string>(6).fill('b'), ...Array<string>(24).fill('c')];
    await Promise.all(
      choices.map((option, i) =>
        run(kit, POLL_DIALOGS.vote, turnOf(kit, { channel: 'teams', userId: `aad-${i}` }), { pollId, option }),
      ),
    );
    const card = only(await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId }));
    // the card draws the bars; its standalone text (notifications, screen readers) says the counts in words
    expect(card.list).toEqual([
      'A Integration: ██████░░░░░░░░ 11 (27 %)',
      'B STS ORG GUI: ████░░░░░░░░░░ 6 (15 %)',
      'C Interim: ██████████████ 24 (59 %)',
    ]);
    expect(card.text.split('\n')).toEqual([
      '📊 **Hvilken strategi for Organisation vælger I?** (lukket, 41 stemmer)',
      'A Integration 11 stemmer, 27 %; B STS ORG GUI 6 stemmer, 15 %; C Interim 24 stemmer, 59 %.',
    ]);
    expect(card.buttons).toEqual([{ title: 'Hent CSV', action: { dialog: POLL_DIALOGS.csv, args: { pollId } } }]);
    expect(kit.polls.get(pollId)).toMatchObject({
      closedAt: '2018-09-06T10:00:00.000+02:00',
      closedBy: { userId: 'aad-host' },
    });
  });

  it('refuses anyone but the creator or an administrator: a notice, and the poll stays open', async () => {
    const pollId = await pollFrom(EXAMPLE);
    expect(refusal(await run(kit, POLL_DIALOGS.close, turnOf(kit, ANNA), { pollId }))).toBe(
      'Kun den, der oprettede afstemningen, eller en administrator kan lukke den. Intet er ændret.',
    );
    expect(refusal(await run(kit, POLL_DIALOGS.close, turnOf(kit, ANNA, 'luk afstemningen'), {}))).toMatch(/^Kun den/);
    expect(kit.polls.get(pollId)!.closedAt).toBeUndefined();
    only(await run(kit, POLL_DIALOGS.close, turnOf(kit, ADMIN), { pollId }));
    expect(kit.polls.get(pollId)).toMatchObject({ closedBy: { userId: ADMIN.userId } });
  });

  it('"luk" without a poll closes the conversation\'s newest open poll, the person\'s own first', async () => {
    const own = await pollFrom('afstemning: Første? | Ja | Nej');
    const theirs = await pollFrom('afstemning: Annas? | Ja | Nej', ANNA);
    only(await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST, 'luk'), {}));
    expect(kit.polls.get(own)!.closedAt).toBeDefined();
    expect(kit.polls.get(theirs)!.closedAt).toBeUndefined();
    expect(refusal(await run(kit, POLL_DIALOGS.close, turnOf(kit, BO, 'luk'), {}))).toMatch(/^Kun den/);
    only(await run(kit, POLL_DIALOGS.close, turnOf(kit, ANNA, 'luk'), {}));
    expect(refusal(await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST, 'luk'), {}))).toBe(
      'Der er ingen åben afstemning her.',
    );
  });

  it('pressing "Luk" on a poll already closed shows its results again', async () => {
    const pollId = await pollFrom(EXAMPLE);
    only(await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId }));
    expect(only(await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId })).text).toContain(
      '(lukket, 0 stemmer)',
    );
  });
});

describe('poll-delete', () => {
  it('lets the creator delete (softly); others are refused', async () => {
    const pollId = await pollFrom(EXAMPLE);
    expect(refusal(await run(kit, POLL_DIALOGS.delete, turnOf(kit, ANNA), { pollId }))).toBe(
      'Kun den, der oprettede afstemningen, eller en administrator kan slette den. Intet er ændret.',
    );
    expect(kit.polls.get(pollId)!.deletedAt).toBeUndefined();
    expect(only(await run(kit, POLL_DIALOGS.delete, turnOf(kit, HOST, 'slet afstemningen'), {})).text).toBe(
      '📊 Afstemningen »Hvilken strategi for Organisation vælger I?« er slettet.',
    );
    expect(kit.polls.get(pollId)!.deletedAt).toBeDefined();
  });
});

describe('announceClosedPolls', () => {
  type Sent = { to: ConversationAddress; replies: Reply[] };
  /** Records what would be written, answering each send with the next planned status. */
  type Planned = { status: 'sent' } | { status: 'failed'; cannotRewrite?: boolean };
  /** Records what would be written, answering each send with the next planned outcome (then: sent). */
  function recordingNotifier(plan: Planned[] = []) {
    const sent: Sent[] = [];
    const notifier: Notifier = {
      send: async (to, replies): Promise<Delivery> => {
        sent.push({ to, replies });
        const next = plan.shift() ?? { status: 'sent' };
        return next.status === 'sent'
          ? { ...to, status: 'sent', messageIds: ['m'] }
          : { ...to, status: 'failed', reason: 'planned', ...(next.cannotRewrite ? { cannotRewrite: true } : {}) };
      },
      sendToMany: async () => [],
    };
    return { sent, notifier };
  }
  const logger = createLogger('silent');
  const atTen = (minute: number, second = 0) =>
    DateTime.fromISO(`2018-09-06T10:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}+02:00`);

  it('closes a poll at its time and rewrites its posted card, then says in one line how it went', async () => {
    const pollId = await pollFrom('afstemning lukker om 10 min: Pause nu? | Ja | Nej');
    await run(kit, POLL_DIALOGS.vote, turnOf(kit, ANNA), { pollId, option: 'a' });
    await kit.polls.rememberMessage(pollId, {
      conversationId: '19:meeting@thread.tacv2;messageid=7',
      messageId: 'card-7',
    });
    const { sent, notifier } = recordingNotifier();
    await announceClosedPolls(kit.polls, notifier, atTen(9), logger);
    expect(sent).toEqual([]);
    await announceClosedPolls(kit.polls, notifier, atTen(10, 30), logger);
    expect(kit.polls.get(pollId)).toMatchObject({
      closedAt: '2018-09-06T10:10:00.000+02:00',
      announcedAt: '2018-09-06T10:00:00.000+02:00',
    });
    const [rewrite, notice, ...more] = sent;
    expect(more).toEqual([]);
    expect(rewrite?.to).toEqual({ channel: 'teams', conversationId: '19:meeting@thread.tacv2' });
    expect(rewrite?.replies[0]?.replaces).toEqual({
      conversationId: '19:meeting@thread.tacv2;messageid=7',
      messageId: 'card-7',
    });
    expect(rewrite?.replies[0]?.list).toEqual(['Ja: ██████████████ 1 (100 %)', 'Nej: ░░░░░░░░░░░░░░ 0 (0 %)']);
    expect(rewrite?.replies[0]?.text).toContain('Ja 1 stemme, 100 %; Nej 0 stemmer, 0 %.');
    expect(rewrite?.replies[0]?.buttons?.map((button) => button.title)).toEqual(['Hent CSV']);
    expect(notice?.replies[0]?.text).toBe(
      '📊 Afstemningen »Pause nu?« er lukket (1 stemme): Ja 1 stemme, 100 %; Nej 0 stemmer, 0 %.',
    );
    // announced once
    await announceClosedPolls(kit.polls, notifier, atTen(11), logger);
    expect(sent).toHaveLength(2);
  });

  it('posts the result card anew when the card is gone, and tries again next tick when nothing arrived', async () => {
    const pollId = await pollFrom('afstemning lukker om 10 min: Pause nu? | Ja | Nej');
    await kit.polls.rememberMessage(pollId, { conversationId: '19:meeting@thread.tacv2', messageId: 'card-deleted' });
    const { sent, notifier } = recordingNotifier([
      { status: 'failed', cannotRewrite: true },
      { status: 'failed' },
      { status: 'failed', cannotRewrite: true },
      { status: 'sent' },
    ]);
    await announceClosedPolls(kit.polls, notifier, atTen(10, 30), logger);
    expect(sent.map(({ replies }) => Boolean(replies[0]?.replaces))).toEqual([true, false]);
    expect(kit.polls.get(pollId)!.announcedAt).toBeUndefined();
    await announceClosedPolls(kit.polls, notifier, atTen(11, 30), logger);
    expect(sent.map(({ replies }) => Boolean(replies[0]?.replaces))).toEqual([true, false, true, false]);
    expect(sent.at(-1)?.replies[0]?.text).toContain('(lukket, 0 stemmer)');
    expect(kit.polls.get(pollId)!.announcedAt).toBeDefined();
  });

  it('sends the line about the result once: the card shows it even when that line did not arrive', async () => {
    const pollId = await pollFrom('afstemning lukker om 10 min: Pause nu? | Ja | Nej');
    await kit.polls.rememberMessage(pollId, { conversationId: '19:meeting@thread.tacv2', messageId: 'card-1' });
    const { sent, notifier } = recordingNotifier([{ status: 'sent' }, { status: 'failed' }]);
    await announceClosedPolls(kit.polls, notifier, atTen(10, 30), logger);
    await announceClosedPolls(kit.polls, notifier, atTen(11, 30), logger);
    expect(sent).toHaveLength(2);
    expect(kit.polls.get(pollId)!.announcedAt).toBeDefined();
  });

  it('announces a poll asked in English in English', async () => {
    const text = 'poll closes in 10 min: Shall we take a break now? | Yes | No';
    const pollId = pollIdOf(
      only(await run(kit, POLL_DIALOGS.create, turnOf(kit, HOST, text, undefined, 'en'), { text })),
    )!;
    expect(kit.polls.get(pollId)!.language).toBe('en');
    const { sent, notifier } = recordingNotifier();
    await announceClosedPolls(kit.polls, notifier, atTen(10, 30), logger);
    expect(sent.at(-1)?.replies[0]?.text).toContain('(closed, 0 votes)');
  });

  it('tries the rewrite again next tick, rather than posting the result twice, when it failed for a passing reason', async () => {
    const pollId = await pollFrom('afstemning lukker om 10 min: Pause nu? | Ja | Nej');
    await kit.polls.rememberMessage(pollId, { conversationId: '19:meeting@thread.tacv2', messageId: 'card-1' });
    const { sent, notifier } = recordingNotifier([{ status: 'failed' }]);
    await announceClosedPolls(kit.polls, notifier, atTen(10, 30), logger);
    expect(sent.map(({ replies }) => Boolean(replies[0]?.replaces))).toEqual([true]);
    await announceClosedPolls(kit.polls, notifier, atTen(11, 30), logger);
    expect(sent.map(({ replies }) => Boolean(replies[0]?.replaces))).toEqual([true, true, false]);
    expect(sent.at(-1)?.replies[0]?.text).toMatch(/er lukket \(0 stemmer\)/);
  });

  it('only brings the card up to date, once and without a word, for a poll that closed over an hour ago; never announces a poll its creator closed', async () => {
    const late = await pollFrom('afstemning lukker om 10 min: Pause nu? | Ja | Nej');
    await kit.polls.rememberMessage(late, { conversationId: '19:meeting@thread.tacv2', messageId: 'card-1' });
    const byHand = await pollFrom('afstemning lukker om 10 min: Frokost? | Ja | Nej');
    await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId: byHand });
    const { sent, notifier } = recordingNotifier();
    await announceClosedPolls(kit.polls, notifier, atTen(10).plus({ hours: 2 }), logger);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.replies).toHaveLength(1);
    expect(sent[0]?.replies[0]?.replaces).toEqual({ conversationId: '19:meeting@thread.tacv2', messageId: 'card-1' });
    expect(kit.polls.get(late)).toMatchObject({
      closedAt: '2018-09-06T10:10:00.000+02:00',
      announcedAt: expect.any(String) as unknown,
    });
    await announceClosedPolls(kit.polls, notifier, atTen(10).plus({ hours: 3 }), logger);
    expect(sent).toHaveLength(1);
  });
});
