import { storedStateAt, storedTextAt } from '../support/stored-text.js';
import { describe, expect, it } from 'vitest';
import { blockText, buttonClick, buttonLabelled, useSlackBot } from '../support/slack-harness.js';
import type { SlackCall } from '../support/slack-fake.js';
import { appMention, SLACK_IDS, slashCommand, viewSubmission } from '../support/slack-requests.js';

interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: {
    type: string;
    block_id?: string;
    optional?: boolean;
    element?: { type: string; multiline?: boolean; max_length?: number };
  }[];
}

const PETER = 'U0PETER';
const chosen = (value: string) => ({ choice: { type: 'static_select', selected_option: { value } } });
const written = (value: string) => ({ text: { type: 'plain_text_input', value } });

// runs once src/main.ts wires the evaluations and dialogs/action-dialogs.ts registers their dialogs
describe('the end-of-meeting evaluation in a Slack channel', () => {
  const h = useSlackBot({ KLIKBOT_NOW: '2018-09-06T11:55:00+02:00' });

  async function openForm(blocks: unknown, user: string): Promise<OpenedView> {
    const before = h.calls('views.open').length;
    const answer = buttonLabelled(blocks, /^Svar på evalueringen$/);
    expect((await h.post(buttonClick({ actionId: answer.action_id, value: answer.value, user }))).status).toBe(200);
    const [opened] = (await h.waitFor('views.open', before + 1)).slice(before);
    return opened!.args.view as OpenedView;
  }

  async function submit(
    view: OpenedView,
    user: string,
    values: Record<string, Record<string, unknown>>,
  ): Promise<Response> {
    return h.post(
      viewSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata, values, user }),
    );
  }

  it('posts the card, opens the form as a modal, takes one answer each, and shows the results when the host closes it', async () => {
    await h.event(appMention({ text: 'start evaluering' }));
    const [card] = await h.waitFor('chat.postMessage');
    expect(card!.args.channel).toBe('C0PROGRAM');
    expect(blockText(card!.args.blocks)).toContain('Kort evaluering af Programledermøde september 2018, 6. september');

    const view = await openForm(card!.args.blocks, PETER);
    const inputs = view.blocks.filter((block) => block.type === 'input');
    expect(
      inputs.map((block) => [
        block.block_id,
        block.element?.type,
        block.optional ?? false,
        block.element?.max_length ?? null,
      ]),
    ).toEqual([
      ['rating', 'static_select', false, null],
      ['worked', 'plain_text_input', true, 2000],
      ['improve', 'plain_text_input', true, 2000],
    ]);

    // too long: Slack shows the reason under the field and keeps the modal open; nothing is stored
    const refused = await submit(view, PETER, {
      rating: chosen('3'),
      worked: written('y'.repeat(2001)),
      improve: written(''),
    });
    expect(await refused.json()).toEqual({
      response_action: 'errors',
      errors: { worked: 'Højst 2000 tegn – dit svar har 2001.' },
    });

    const posts = h.calls('chat.postMessage').length;
    expect(
      (
        await submit(view, PETER, {
          rating: chosen('3'),
          worked: written('Tiden holdt'),
          improve: written('Mere tid til spørgsmål'),
        })
      ).status,
    ).toBe(200);
    const [thanks] = (await h.waitFor('chat.postMessage', posts + 1)).slice(posts);
    expect(thanks!.args.channel).toBe(PETER);
    expect(String(thanks!.args.text)).toMatch(/^Tak for dit svar!/);

    // a second press of the button: told privately, no modal
    const modals = h.calls('views.open').length;
    const again = buttonLabelled(card!.args.blocks, /^Svar på evalueringen$/);
    await h.post(
      buttonClick({
        actionId: again.action_id,
        value: again.value,
        user: PETER,
        responseUrl: h.fake.responseUrl('again'),
      }),
    );
    const [told] = await h.waitFor((call: SlackCall) => call.responseId === 'again');
    expect(told!.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(told!.args.text)).toMatch(/^Du har allerede svaret på denne evaluering\./);
    expect(h.calls('views.open')).toHaveLength(modals);

    const close = buttonLabelled(card!.args.blocks, /^Luk og vis resultatet$/);
    await h.post(buttonClick({ actionId: close.action_id, value: close.value, messageTs: '1536227700.000100' }));
    const [update] = await h.waitFor((call: SlackCall) => call.method === 'chat.update');
    expect(update!.args.ts).toBe('1536227700.000100');
    const results = blockText(update!.args.blocks);
    expect(results).toContain('1 svar, gennemsnit 3,0 af 5.');
    expect(results).toContain('Mere tid til spørgsmål');

    // the host's export, asked for in the channel: a file in the host's DM, a note only the host sees
    await h.event(appMention({ text: 'evaluering csv' }));
    const [completed] = await h.waitFor('files.completeUploadExternal');
    const [opened] = h.calls('conversations.open');
    expect(opened!.args.users).toBe(SLACK_IDS.userId);
    expect(completed!.args.channel_id).toBe(SLACK_IDS.dmChannelId);
    expect(String(completed!.args.initial_comment)).toMatch(/^Svarene på evalueringen af .* som CSV-fil \(1 svar\)\.$/);
    const [uploaded] = h.calls('file_upload');
    const rows = String(uploaded!.args.content).split('\r\n');
    expect(rows[0]).toBe('\uFEFFBedømmelse (1–5);Hvad fungerede?;Hvad kan vi gøre bedre?');
    expect(rows[1]).toContain('Mere tid til spørgsmål');
    const [note] = await h.waitFor('chat.postEphemeral');
    expect(note!.args).toMatchObject({ channel: 'C0PROGRAM', user: SLACK_IDS.userId });
    expect(note!.args.text).toBe('Filen er sendt til din private chat med klikbot.');
    const settled = await h.settle();
    expect(
      settled.filter((call) => call.method === 'chat.postMessage' && JSON.stringify(call.args).includes('Bedømmelse')),
    ).toEqual([]);

    const file = await storedTextAt(h.bot.statePath);
    const state = (await storedStateAt(h.bot.statePath)) as {
      evaluationAnswers: unknown[];
      evaluationResponders: unknown[];
    };
    expect(state.evaluationAnswers).toHaveLength(1);
    expect(state.evaluationResponders).toHaveLength(1);
    expect(file).not.toContain(PETER);
  });

  it("'/klik start evaluering' posts the card in the channel for everyone; '/klik svar på evalueringen' opens the form", async () => {
    await h.post(
      slashCommand({ text: 'start evaluering', channelId: 'C0ANDEN', responseUrl: h.fake.responseUrl('start') }),
    );
    const [posted] = await h.waitFor(
      (call: SlackCall) => call.method === 'chat.postMessage' && call.args.channel === 'C0ANDEN',
    );
    expect(blockText(posted!.args.blocks)).toContain(
      'Kort evaluering af Programledermøde september 2018, 6. september',
    );
    await h.post(
      slashCommand({
        text: 'svar på evalueringen',
        channelId: 'C0ANDEN',
        userId: PETER,
        responseUrl: h.fake.responseUrl('svar'),
      }),
    );
    const [opened] = await h.waitFor('views.open');
    expect(
      (opened!.args.view as OpenedView).blocks.filter((block) => block.type === 'input').map((block) => block.block_id),
    ).toEqual(['rating', 'worked', 'improve']);
  });
});
