import { describe, expect, it } from 'vitest';
import { appHomeOpened, appMention, directMessage, slashCommand } from '../support/slack-requests.js';
import { blockText, buttonClick, buttonLabelled, buttonsIn, useSlackBot } from '../support/slack-harness.js';
import type { SlackCall } from '../support/slack-fake.js';

const HELP_HEADER = 'Det kan jeg hjælpe med';
const UNKNOWN_BUTTON = 'Den knap kender jeg ikke';

/** The text and blocks of a posted message, as a person would read them. */
function readable(call: SlackCall): string {
  return `${String(call.args.text)}\n${blockText(call.args.blocks)}`;
}

describe('klikbot in Slack, through a fake Slack Web API', () => {
  const h = useSlackBot();

  it('answers /klik privately through the response_url, in the text and in the blocks', async () => {
    const response = await h.post(
      slashCommand({ text: 'hvornår er deadline for at udpege FK-ansvarlig?', responseUrl: h.fake.responseUrl('fk') }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(''); // the acknowledgement alone: the answer follows on its own
    const [answer] = await h.waitFor('response_url');
    expect(answer!.responseId).toBe('fk');
    expect(answer!.args.response_type).toBe('ephemeral');
    expect(answer!.args.text).toContain('1. november 2018');
    expect(blockText(answer!.args.blocks)).toContain('1. november 2018');
    expect(h.calls('chat.postMessage')).toEqual([]);
  });

  it('answers /klik without a question with the help', async () => {
    await h.post(slashCommand({ text: '', responseUrl: h.fake.responseUrl('empty') }));
    const [answer] = await h.waitFor('response_url');
    expect(answer!.args.response_type).toBe('ephemeral');
    expect(blockText(answer!.args.blocks)).toContain(HELP_HEADER);
  });

  it("answers an @mention in the mention's thread, with the bot's own mention taken out of the question", async () => {
    const mention = appMention({ text: '<@U0KLIKBOT> hjælp', channel: 'C0HELP' });
    await h.event(mention);
    const [reply] = await h.waitFor('chat.postMessage');
    expect(reply!.token).toBe('xoxb-test');
    expect(reply!.args).toMatchObject({ channel: 'C0HELP', thread_ts: mention.ts });
    expect(blockText(reply!.args.blocks)).toContain(HELP_HEADER);
  });

  it('answers a DM to the bot that mentions someone else as a question it does not know (only its own mention is taken out)', async () => {
    await h.event(directMessage({ text: '<@U0SOMEONE> hjælp', user: 'U0ASTRID', channel: 'D0ASTRID' }));
    const [reply] = await h.waitFor('chat.postMessage');
    expect(reply!.args.channel).toBe('D0ASTRID');
    expect(blockText(reply!.args.blocks)).not.toContain(HELP_HEADER);
  });

  it('answers an @mention inside a thread in that thread', async () => {
    await h.event({
      ...appMention({ text: 'hvornår er deadline for at udpege FK-ansvarlig?', channel: 'C0THREAD' }),
      thread_ts: '1536220000.000001',
    });
    const [reply] = await h.waitFor('chat.postMessage');
    expect(reply!.args).toMatchObject({ channel: 'C0THREAD', thread_ts: '1536220000.000001' });
    expect(readable(reply!)).toContain('1. november 2018');
  });

  it('answers a DM in the DM itself, not in a thread', async () => {
    await h.event(directMessage({ text: 'hvornår er deadline for at udpege FK-ansvarlig?' }));
    const [reply] = await h.waitFor('chat.postMessage');
    expect(reply!.args.channel).toBe('D0METTE');
    expect(reply!.args.thread_ts).toBeUndefined();
    expect(readable(reply!)).toContain('1. november 2018');
  });

  it('says nothing to edits, deletions, bot posts and its own echo in the DM', async () => {
    const question = directMessage({ text: 'hvornår er deadline for at udpege FK-ansvarlig?' });
    const { user: _user, ...unsigned } = question; // Slack names the author inside an edit or deletion, not on it
    await h.event({
      ...unsigned,
      subtype: 'message_changed',
      hidden: true,
      message: { ...question, text: 'hjælp', edited: { user: 'U0METTE' } },
      previous_message: question,
    });
    await h.event({
      ...unsigned,
      subtype: 'message_deleted',
      hidden: true,
      deleted_ts: question.ts,
      previous_message: question,
    });
    await h.event({ ...unsigned, subtype: 'bot_message', bot_id: 'B0OTHER', username: 'andenbot' });
    // what klikbot posts in a DM comes back as a plain message from its own bot user
    await h.event({
      ...directMessage({ text: 'Det kan jeg hjælpe med', user: 'U0KLIKBOT' }),
      bot_id: 'B0KLIKBOT',
      app_id: 'A0KLIKBOT',
    });
    expect(await h.settle()).toEqual([]);
  });
});

describe('klikbot buttons in Slack', () => {
  const h = useSlackBot();

  async function galleryMessage(channel: string): Promise<{ blocks: unknown; threadTs: string }> {
    const mention = appMention({ text: 'vis rollegalleriet', channel });
    await h.event(mention);
    const [gallery] = await h.waitFor('chat.postMessage');
    expect(blockText(gallery!.args.blocks)).toContain('Rollegalleriet');
    return { blocks: gallery!.args.blocks, threadTs: String(mention.ts) };
  }

  it('replaces the pressed message with chat.update when the button says so', async () => {
    const gallery = await galleryMessage('C0ROLES');
    const button = buttonLabelled(gallery.blocks, /projekt- og programroller/);
    expect(JSON.parse(button.value)).toMatchObject({ dialog: 'role-list', replacesCard: true });
    await h.post(
      buttonClick(
        { actionId: button.action_id, value: button.value, channel: 'C0ROLES', messageTs: '1536220800.000100' },
        { threadTs: gallery.threadTs },
      ),
    );
    const [update] = await h.waitFor('chat.update');
    expect(update!.args).toMatchObject({ channel: 'C0ROLES', ts: '1536220800.000100' });
    expect(blockText(update!.args.blocks)).toMatch(/projekt- og programroller[\s\S]*Projektejer/i);
    expect(h.calls('chat.postMessage')).toHaveLength(1); // the gallery itself, nothing more
  });

  it("answers a button that does not replace its message in the message's thread", async () => {
    const gallery = await galleryMessage('C0ABOUT');
    const category = buttonLabelled(gallery.blocks, /projekt- og programroller/);
    await h.post(
      buttonClick(
        { actionId: category.action_id, value: category.value, channel: 'C0ABOUT', messageTs: '1536220800.000200' },
        { threadTs: gallery.threadTs },
      ),
    );
    const [list] = await h.waitFor('chat.update');
    const about = buttonLabelled(list!.args.blocks, /^Om Projektejer/);
    expect(JSON.parse(about.value)).not.toHaveProperty('replacesCard');
    await h.post(
      buttonClick(
        { actionId: about.action_id, value: about.value, channel: 'C0ABOUT', messageTs: '1536220800.000200' },
        { threadTs: gallery.threadTs },
      ),
    );
    await h.waitFor('chat.postMessage', 2);
    const posted = h.calls('chat.postMessage')[1]!;
    expect(posted.args).toMatchObject({ channel: 'C0ABOUT', thread_ts: gallery.threadTs });
    expect(readable(posted)).toContain('Projektejer');
    expect(h.calls('chat.update')).toHaveLength(1);
  });

  it('replaces a private (ephemeral) message through its response_url, and answers beside it privately', async () => {
    await h.post(slashCommand({ text: 'vis rollegalleriet', responseUrl: h.fake.responseUrl('gallery') }));
    const [gallery] = await h.waitFor('response_url');
    const technical = buttonLabelled(gallery!.args.blocks, /tekniske roller/);
    await h.post(
      buttonClick(
        { actionId: technical.action_id, value: technical.value, responseUrl: h.fake.responseUrl('replace') },
        { ephemeral: true },
      ),
    );
    const [, replaced] = await h.waitFor('response_url', 2);
    expect(replaced).toMatchObject({ responseId: 'replace', args: { replace_original: true } });
    expect(blockText(replaced!.args.blocks)).toMatch(/tekniske roller/i);

    const about = buttonsIn(replaced!.args.blocks).find((button) => button.text.text.startsWith('Om '))!;
    await h.post(
      buttonClick(
        { actionId: about.action_id, value: about.value, responseUrl: h.fake.responseUrl('beside') },
        { ephemeral: true },
      ),
    );
    const [, , beside] = await h.waitFor('response_url', 3);
    expect(beside).toMatchObject({
      responseId: 'beside',
      args: { replace_original: false, response_type: 'ephemeral' },
    });
    expect(readable(beside!)).toContain(about.text.text.replace(/^Om /, '').replace(/ \(.*$/, ''));
    expect(h.calls('chat.update')).toEqual([]);
    expect(h.calls('chat.postMessage')).toEqual([]);
  });

  it('tells only the presser about a button it cannot read, or one naming a dialog it does not have, and leaves the message', async () => {
    await h.post(buttonClick({ actionId: 'klikbot:0', value: 'not-json', responseUrl: h.fake.responseUrl('garbled') }));
    await h.post(
      buttonClick({
        actionId: 'klikbot:1',
        value: '{"dialog":"retired-dialog","args":{},"replacesCard":true}',
        responseUrl: h.fake.responseUrl('retired'),
      }),
    );
    const notes = await h.waitFor('response_url', 2);
    expect(notes.map((note) => note.responseId).sort()).toEqual(['garbled', 'retired']);
    for (const note of notes) {
      expect(note.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(note.args.text).toContain(UNKNOWN_BUTTON);
    }
    expect(await h.settle()).toHaveLength(2); // the two notes: no chat.update, no chat.postMessage
  });

  it('answers a button in the App Home in the DM', async () => {
    const value = JSON.stringify({ dialog: 'upcoming', args: { lang: 'da' } });
    await h.post(buttonClick({ actionId: 'klikbot:2', value }, { inHome: true }));
    const [reply] = await h.waitFor('chat.postMessage');
    expect(reply!.args.channel).toBe('U0METTE');
    expect(reply!.args.thread_ts).toBeUndefined();
    expect(blockText(reply!.args.blocks)).toContain('20. september 2018');
  });
});

describe('the App Home in Slack', () => {
  const h = useSlackBot();

  it('draws the Home tab with the coming deadlines when it is opened', async () => {
    await h.event(appHomeOpened());
    const [published] = await h.waitFor('views.publish');
    expect(published!.args.user_id).toBe('U0METTE');
    const view = published!.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const text = blockText(view.blocks);
    expect(text).toContain('Kommende deadlines');
    expect(text).toMatch(/inden torsdag 20\. september 2018[\s\S]*torsdag 1\. november 2018/);
    expect(text).not.toMatch(/2017/); // only what is still to come on 6 September 2018
  });

  it('keeps the DM when the Messages tab is opened, so a reminder can go there', async () => {
    const reminder = [{ text: 'Påmindelse om BBR.' }];
    expect((await h.bot.notifier.send({ channel: 'slack', conversationId: 'D0JENS' }, reminder)).status).toBe(
      'unknown',
    );
    await h.event({ ...appHomeOpened({ user: 'U0JENS' }), channel: 'D0JENS', tab: 'messages' });
    expect(await h.settle()).toEqual([]); // no Home view drawn, nothing said
    const delivery = await h.bot.notifier.send({ channel: 'slack', conversationId: 'D0JENS' }, reminder);
    expect(delivery.status).toBe('sent');
    const [sent] = await h.waitFor('chat.postMessage');
    expect(sent!.args).toMatchObject({ channel: 'D0JENS', text: 'Påmindelse om BBR.' });
  });
});
