import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { broadcastTimedWork } from '../../dialogs/broadcast/index.js';
import type { ConversationKey } from '../../src/core/address.js';
import type { Delivery } from '../../src/core/notifier.js';
import type { ActionPayload, Reply, ReplyButton, Turn } from '../../src/core/types.js';
import { createCore } from '../../src/klikbot-core.js';
import { createLogger } from '../../src/logger.js';
import { BroadcastRepository } from '../../src/state/broadcasts.js';
import { ConversationRepository } from '../../src/state/conversations.js';
import { useActionKit } from './action-kit.js';
import { knowledge } from './dialog-kit.js';

const ADMIN = 'U0ADMIN';
const SINCE = '2018-09-01T08:00:00.000Z';
const NOW = '2018-09-06T10:00:00+02:00';
const by = { channel: 'slack', userId: ADMIN, conversationId: 'D0ADMIN' };

function turn(userId: string, text: string, action?: ActionPayload): Turn {
  return {
    user: { id: userId, name: userId === ADMIN ? 'Admin' : 'Mette' },
    conversation: {
      channel: 'slack',
      id: 'D0ADMIN',
      isGroup: false,
      kind: 'personal',
      address: { channel: 'slack', conversationId: 'D0ADMIN' },
    },
    text,
    ...(action ? { action } : {}),
    locale: 'da-DK',
    now: DateTime.fromISO(NOW, { setZone: true }),
  };
}

const shown = (replies: Reply[]) => replies.map((reply) => [reply.heading, reply.text].join('\n')).join('\n');

function button(replies: Reply[], title: RegExp): ReplyButton {
  const found = replies.flatMap((reply) => reply.buttons ?? []).find((one) => title.test(one.title));
  if (!found) throw new Error(`no ${String(title)}`);
  return found;
}

describe('KOMBIT news, written, aimed and sent', () => {
  const kit = useActionKit();

  async function setUp() {
    // three channels: one linked to Aarhus (SAPA group 1), one to Køge, one to no municipality
    await kit.store.update((draft) => {
      for (const id of ['C0AARHUS', 'C0KOEGE', 'C0OTHER'])
        draft.conversations.push({
          channel: 'slack',
          conversationId: id,
          reference: { channel: id },
          isGroup: true,
          firstSeen: SINCE,
          lastSeen: SINCE,
        });
    });
    await kit.services.memberships.linkConversation('slack', 'C0AARHUS', 'aarhus', by);
    await kit.services.memberships.linkConversation('slack', 'C0KOEGE', 'koege', by);
    const repository = new BroadcastRepository(kit.store, kit.clock);
    const conversations = new ConversationRepository(kit.store, kit.clock);
    const sent: { to: ConversationKey; replies: Reply[] }[] = [];
    const send = async (to: ConversationKey, replies: Reply[]): Promise<Delivery> => {
      sent.push({ to, replies });
      return { ...to, status: 'sent', messageIds: [`m${sent.length}`] };
    };
    kit.services.administrators = new Set([`slack:${ADMIN}`]);
    kit.services.broadcasts = { repository, conversations: () => conversations.list(), send };
    const core = createCore({ knowledge, services: kit.services });
    const say = (text: string, userId = ADMIN) => core.handle(turn(userId, text));
    const press = (pressed: ReplyButton | ActionPayload, values: Record<string, string> = {}, userId = ADMIN) => {
      const action = 'action' in pressed ? pressed.action : pressed;
      return core.handle(turn(userId, '', { dialog: action.dialog, args: { ...action.args, ...values } }));
    };
    const draft = async (values: Record<string, string>) => {
      const [form] = await say('ny nyhed');
      return press(form!.form!.submit, {
        title: 'Webinar om Organisation',
        text: 'Den 2. oktober.',
        audience: 'all',
        ...values,
      });
    };
    const tick = (at: string) =>
      broadcastTimedWork(
        { broadcasts: kit.services.broadcasts!, logger: createLogger('silent') },
        DateTime.fromISO(at),
      );
    const newsTo = () =>
      sent.filter((one) => (one.replies[0]?.heading ?? '').startsWith('📣')).map((one) => one.to.conversationId);
    return { repository, sent, say, press, draft, tick, newsTo };
  }

  it('lets only an administrator write news, and refuses a bad field before keeping anything', async () => {
    const { say, draft, repository } = await setUp();
    expect(shown(await say('ny nyhed', 'U0METTE'))).toContain('Kun en administrator');
    expect(shown(await draft({ linkLabel: 'Læs mere', linkUrl: 'javascript:alert(1)' }))).toContain('https-adresse');
    expect(shown(await draft({ title: 'x'.repeat(151) }))).toContain('150 tegn');
    expect(shown(await draft({ audience: 'municipalities', detail: 'Aarhus, Gotham' }))).toContain('Gotham');
    expect(repository.all()).toEqual([]);
  });

  it('reaches the conversations of the municipalities, the SAPA group or those not done, as asked', async () => {
    const { draft, press, tick, newsTo } = await setUp();
    const cases: [Record<string, string>, string[]][] = [
      [{ audience: 'all' }, ['C0AARHUS', 'C0KOEGE', 'C0OTHER']],
      [{ audience: 'municipalities', detail: 'Køge' }, ['C0KOEGE']],
      [{ audience: 'group', detail: '1' }, ['C0AARHUS']],
    ];
    for (const [values, expected] of cases) {
      const preview = await draft(values);
      expect(shown(preview)).toContain(`${expected.length} ${expected.length === 1 ? 'samtale' : 'samtaler'} nu`);
      await press(button(preview, /^Send$/));
      const before = newsTo().length;
      await tick(NOW);
      expect(newsTo().slice(before).toSorted(), JSON.stringify(values)).toEqual(expected);
    }
    await kit.services.statuses.record({
      municipalityId: 'aarhus',
      taskId: 'bbr-adgangsstyring',
      step: 3,
      status: 'done',
      by,
    });
    const preview = await draft({ audience: 'not-done', detail: 'BBR trin 3' });
    await press(button(preview, /^Send$/));
    const before = newsTo().length;
    await tick(NOW);
    expect(newsTo().slice(before)).toEqual(['C0KOEGE']);
  });

  it('sends at the time set, once, not after "Annullér", and puts the news in the answer about news', async () => {
    const { draft, press, tick, newsTo, say } = await setUp();
    const later = await draft({ when: '10.09.2018 09:00' });
    expect(shown(later)).toContain('10. september 2018 09.00');
    const send = button(later, /^Send$/);
    await press(send);
    expect(shown(await press(send))).toContain('allerede sendt');
    await tick('2018-09-10T08:59:00+02:00');
    expect(newsTo()).toEqual([]);
    await tick('2018-09-10T09:00:00+02:00');
    await tick('2018-09-10T09:01:00+02:00');
    expect(newsTo()).toHaveLength(3);

    const cancelled = await draft({ title: 'Webinar aflyst' });
    await press(button(cancelled, /^Send$/));
    await press(button(cancelled, /^Annullér$/));
    await tick(NOW);
    expect(newsTo()).toHaveLength(3);

    // news sent now is in the answer about news, for everyone; not what is still to come
    const now = await draft({ title: 'Webinar om Organisation flyttet' });
    await press(button(now, /^Send$/));
    await tick(NOW);
    const aimed = await draft({ title: 'Kun for Køge', audience: 'municipalities', detail: 'Køge' });
    await press(button(aimed, /^Send$/));
    await tick(NOW);
    const answer = shown(await say('hvad er der af nyheder?', 'U0METTE'));
    expect(answer).not.toContain('Kun for Køge');
    expect(answer).toContain('Webinar om Organisation flyttet');
    expect(answer).not.toContain('Webinar om Organisation\n');
    expect(shown(await say('nyheder', 'U0METTE'))).toContain('Webinar om Organisation flyttet');
    expect(shown(await say('nyheder'))).toMatch(/Levering: Webinar om Organisation flyttet/);
  });

  it('counts a claim taken over from a send that died as a try, and ends it as failed after three', async () => {
    const repository = new BroadcastRepository(kit.store, kit.clock);
    const id = '0b7a7f3e-6a2b-4c1d-9e8f-0a1b2c3d4e5f';
    await repository.draft({
      id,
      title: 'T',
      text: 'X',
      audience: { kind: 'all' },
      by: { channel: 'slack', userId: ADMIN },
      createdAt: SINCE,
      state: 'draft',
      deliveries: [],
    });
    await repository.confirm(id, [{ channel: 'slack', conversationId: 'C0X' }], SINCE);
    let at = DateTime.fromISO(NOW);
    for (let death = 0; death < 3; death += 1) {
      await repository.claim(id, 4);
      at = at.plus({ minutes: 6 });
      kit.clock.set(at);
    }
    expect((await repository.claim(id, 4)).to).toEqual([]);
    expect(repository.get(id)?.deliveries[0]).toMatchObject({ status: 'failed', tries: 3 });
    expect(repository.get(id)?.state).toBe('done');
  });
});
