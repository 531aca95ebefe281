import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ASK_KOMBIT_DIALOGS } from '../../dialogs/names.js';
import type { ConversationKey } from '../../src/core/address.js';
import type { Delivery } from '../../src/core/notifier.js';
import type { ActionPayload, ConversationKind, Reply, ReplyButton, Turn } from '../../src/core/types.js';
import { createCore } from '../../src/klikbot-core.js';
import { KombitQuestionRepository } from '../../src/state/kombit-questions.js';
import { useActionKit } from './action-kit.js';
import { knowledge } from './dialog-kit.js';

const SLACK_ADMIN = 'U0ADMIN';
const EXPERTS = 'C0EXPERTS';

interface Who {
  userId: string;
  name?: string;
  conversation: string;
  kind?: ConversationKind;
  thread?: string;
}

const mette: Who = {
  userId: 'U0METTE',
  name: 'Mette',
  conversation: 'C0PROGRAM',
  kind: 'channel',
  thread: '1536220800.000100',
};
const erik: Who = { userId: 'U0ERIK', name: 'Erik', conversation: EXPERTS, kind: 'channel' };
const admin: Who = { userId: SLACK_ADMIN, name: 'Admin', conversation: 'D0ADMIN', kind: 'personal' };

function turn(who: Who, text: string, action?: ActionPayload): Turn {
  return {
    user: { id: who.userId, ...(who.name ? { name: who.name } : {}) },
    conversation: {
      channel: 'slack',
      id: who.conversation,
      isGroup: who.kind !== 'personal',
      kind: who.kind ?? 'channel',
      address: { channel: 'slack', conversationId: who.conversation },
      ...(who.thread ? { thread: who.thread } : {}),
    },
    text,
    ...(action ? { action } : {}),
    locale: 'da-DK',
    now: DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true }),
  };
}

const shown = (replies: Reply[]) =>
  replies
    .map((reply) => [reply.heading, reply.text, ...(reply.facts ?? []).map((f) => `${f.label}: ${f.value}`)].join('\n'))
    .join('\n');

function button(replies: Reply[], title: RegExp): ReplyButton {
  const found = replies.flatMap((reply) => reply.buttons ?? []).find((one) => title.test(one.title));
  if (!found)
    throw new Error(
      `no ${String(title)} among ${replies
        .flatMap((r) => r.buttons ?? [])
        .map((b) => b.title)
        .join(' | ')}`,
    );
  return found;
}

describe('Ask KOMBIT as people meet it', () => {
  const kit = useActionKit();
  const setUp = () => {
    const questions = new KombitQuestionRepository(kit.store, kit.clock);
    const sent: { to: ConversationKey; replies: Reply[] }[] = [];
    const send = async (to: ConversationKey, replies: Reply[]): Promise<Delivery> => {
      sent.push({ to, replies });
      return { ...to, status: 'sent', messageIds: [`m${sent.length}`] };
    };
    kit.services.administrators = new Set([`slack:${SLACK_ADMIN}`]);
    kit.services.askKombit = { questions, send };
    const core = createCore({ knowledge, services: kit.services });
    const press = (who: Who, pressed: ReplyButton | ActionPayload, values: Record<string, string> = {}) => {
      const action = 'action' in pressed ? pressed.action : pressed;
      return core.handle(turn(who, '', { dialog: action.dialog, args: { ...action.args, ...values } }));
    };
    return { questions, sent, core, press, say: (who: Who, text: string) => core.handle(turn(who, text)) };
  };

  it('keeps the mailbox and offers no button while no expert conversation is designated', async () => {
    const { say } = setUp();
    const replies = await say(mette, 'hvad tjener en programleder om måneden?');
    expect(shown(replies)).toContain('mbprogrammet@kombit.dk');
    expect(replies.flatMap((reply) => reply.buttons ?? []).map((b) => b.title)).not.toContain('Spørg KOMBIT');
  });

  it('lets only an administrator designate the experts, in a channel', async () => {
    const { say, questions } = setUp();
    expect(shown(await say(erik, 'eksperter her'))).toContain('Kun en administrator');
    expect(shown(await say(admin, 'eksperter her'))).toContain('ikke en 1:1-chat');
    expect(questions.experts()).toBeUndefined();
    expect(shown(await say({ ...admin, conversation: EXPERTS, kind: 'channel' }, 'eksperter her'))).toContain(
      'tager KOMBITs eksperter',
    );
    expect(questions.experts()).toMatchObject({ channel: 'slack', conversationId: EXPERTS });
  });

  it('puts the button first in "I don\'t know", in the mailbox\'s place, and last on an answer the material holds', async () => {
    const { say } = setUp();
    await say({ ...admin, conversation: EXPERTS, kind: 'channel' }, 'eksperter her');
    const unknown = await say(mette, 'hvad tjener en programleder om måneden?');
    expect(unknown.at(-1)?.buttons?.[0]?.title).toBe('Spørg KOMBIT');
    expect(shown(unknown)).not.toContain('mbprogrammet@kombit.dk');
    const known = await say(mette, 'hvornår er deadline for at udpege FK-ansvarlig?');
    expect(known.at(-1)?.buttons?.at(-1)?.title).toBe('Spørg KOMBIT');
    expect(shown(known)).toContain('2018');
  });

  it('hands a question over once, names the asker to the experts only, and refuses an expert step from elsewhere', async () => {
    const { say, press, sent, questions } = setUp();
    await say({ ...admin, conversation: EXPERTS, kind: 'channel' }, 'eksperter her');
    const form = await press(mette, button(await say(mette, 'hvad tjener en programleder?'), /^Spørg KOMBIT$/));
    const submit = form[0]!.form!.submit;
    expect(shown(await press(mette, submit, { note: 'x'.repeat(501) }))).toContain('der er plads til 500');
    expect(questions.all()).toHaveLength(0);
    const confirmed = await press(mette, submit, { note: 'Til forhandlingen' });
    expect(shown(confirmed)).toContain('Sendt til KOMBIT');
    expect(shown(confirmed)).toContain('i denne tråd');
    expect(shown(await press(mette, submit))).toContain('allerede sendt');
    expect(sent.map((one) => one.to)).toEqual([{ channel: 'slack', conversationId: EXPERTS }]);
    expect(shown(sent[0]!.replies)).toContain('Mette (slack:U0METTE)');
    expect(shown(sent[0]!.replies)).toContain('Til forhandlingen');

    const [question] = questions.all();
    const id = question!.id;
    // the asker (not an expert, elsewhere) and an administrator in a public channel are refused
    expect(shown(await press(mette, { dialog: ASK_KOMBIT_DIALOGS.take, args: { id } }))).toContain(
      'Kun KOMBITs eksperter',
    );
    const inPublic = { ...admin, conversation: 'C0PROGRAM', kind: 'channel' as const };
    expect(shown(await press(inPublic, { dialog: ASK_KOMBIT_DIALOGS.answerForm, args: { id } }))).toContain(
      'Kun KOMBITs eksperter',
    );
    expect(shown(await press(erik, { dialog: ASK_KOMBIT_DIALOGS.take, args: { id: 'not-a-uuid' } }))).toContain(
      'kan jeg ikke læse',
    );
    expect(questions.get(id)?.takenBy).toBeUndefined();

    // the answer goes to Mette's thread, framed in her language
    const answered = await press(
      erik,
      { dialog: ASK_KOMBIT_DIALOGS.answer, args: { id } },
      {
        answer: 'Lønnen aftales lokalt.',
        save: 'no',
      },
    );
    expect(shown(answered)).toContain('Besvaret af Erik');
    const delivery = sent.find((one) => one.to.conversationId === 'C0PROGRAM');
    expect(delivery?.replies[0]).toMatchObject({ heading: 'Svar fra KOMBIT', thread: mette.thread });
    expect(shown(delivery!.replies)).toContain('Lønnen aftales lokalt.');
    expect(questions.learned()).toEqual([]);
  });

  it('keeps a long question within what the channels read back from a button (500 characters an argument)', async () => {
    const { say, press } = setUp();
    await say({ ...admin, conversation: EXPERTS, kind: 'channel' }, 'eksperter her');
    const long = `hvad tjener en programleder ${'og hvordan aftales lønnen lokalt '.repeat(25)}?`;
    const offered = button(await say(mette, long), /^Spørg KOMBIT$/);
    expect(Object.values(offered.action.args).every((value) => value.length <= 500)).toBe(true);
    expect((await press(mette, offered))[0]?.form).toBeDefined();
  });

  it("answers an English asker's question in English framing", async () => {
    const { say, press, sent, questions } = setUp();
    await say({ ...admin, conversation: EXPERTS, kind: 'channel' }, 'eksperter her');
    const form = await press(
      mette,
      button(await say(mette, 'what is the salary of a programme leader?'), /^Ask KOMBIT$/),
    );
    await press(mette, form[0]!.form!.submit);
    const id = questions.all()[0]!.id;
    await press(erik, { dialog: ASK_KOMBIT_DIALOGS.answer, args: { id } }, { answer: 'It is agreed locally.' });
    const delivery = sent.find((one) => one.to.conversationId === 'C0PROGRAM');
    expect(delivery?.replies[0]?.heading).toBe('An answer from KOMBIT');
    expect(delivery?.replies[0]?.text).toContain('You asked');
  });

  it('shows administrators the open questions and a CSV of all with their outcome; others get neither', async () => {
    const { say, press, questions } = setUp();
    await say({ ...admin, conversation: EXPERTS, kind: 'channel' }, 'eksperter her');
    for (const text of ['hvad tjener en programleder?', 'hvor mange feriedage har en superbruger?']) {
      const form = await press(mette, button(await say(mette, text), /^Spørg KOMBIT$/));
      await press(mette, form[0]!.form!.submit);
    }
    const [first] = questions.all();
    await press(
      erik,
      { dialog: ASK_KOMBIT_DIALOGS.answer, args: { id: first!.id } },
      { answer: 'Lokalt.', save: 'no' },
    );

    expect(shown(await say(mette, 'ubesvarede spørgsmål'))).toContain('Kun en administrator');
    const open = await say(admin, 'ubesvarede spørgsmål');
    expect(open[0]?.list).toEqual([expect.stringContaining('hvor mange feriedage har en superbruger?')]);
    const [file] = await press(admin, button(open, /CSV/));
    const rows = file!.file!.content.replace('\uFEFF', '').trim().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain('hvad tjener en programleder?');
    expect(rows[1]).toContain('besvaret og leveret');
    expect(rows[2]).toContain('åben');
  });

  it('lets administrators change and remove a learned answer, and then gives the new one or none', async () => {
    const { say, press, questions } = setUp();
    await say({ ...admin, conversation: EXPERTS, kind: 'channel' }, 'eksperter her');
    const form = await press(mette, button(await say(mette, 'hvad tjener en programleder?'), /^Spørg KOMBIT$/));
    await press(mette, form[0]!.form!.submit);
    const id = questions.all()[0]!.id;
    await press(
      erik,
      { dialog: ASK_KOMBIT_DIALOGS.answer, args: { id } },
      {
        answer: 'Lønnen aftales lokalt.',
        save: 'yes',
        variants: 'hvad får en programleder i løn?',
      },
    );
    expect(shown(await say(mette, 'hvad får en programleder i løn?'))).toContain('Lønnen aftales lokalt.');

    expect(shown(await say(erik, 'lærte svar'))).toContain('Kun en administrator');
    const listed = await say(admin, 'lærte svar');
    const edit = await press(admin, button(listed, /^Ret$/));
    await press(admin, edit[0]!.form!.submit, { answer: 'Lønnen aftales i den enkelte kommune.' });
    expect(questions.learned()[0]?.variants).toEqual(['hvad får en programleder i løn?']);
    expect(shown(await say(mette, 'hvad får en programleder i løn?'))).toContain('aftales i den enkelte kommune');

    await press(admin, button(listed, /^Fjern$/));
    expect(shown(await say(mette, 'hvad får en programleder i løn?'))).not.toContain('aftales i den enkelte kommune');
  });
});
