import { storedStateAt } from '../support/stored-text.js';
import { describe, expect, it } from 'vitest';
import type { SlackCall } from '../support/slack-fake.js';
import { blockText, buttonClick, buttonLabelled, buttonsIn, useSlackBot } from '../support/slack-harness.js';
import { appMention, slashCommand, viewSubmission } from '../support/slack-requests.js';

interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: { type: string; block_id?: string }[];
}

const CHANNEL = 'C0MEETING';
const HOST = 'U0HOST';
const PETER = 'U0PETER';

const chosen = (value: string) => ({ choice: { type: 'static_select', selected_option: { value } } });
/** The settings form answered: one choice, named, results shown as votes come in, closed by hand. */
const SETTINGS = {
  choice: chosen('single'),
  identity: chosen('named'),
  results: chosen('live'),
  closes: chosen('manual'),
};

/** The longest poll the rules allow: a question of 300 characters and ten options of 75. */
const LONGEST_QUESTION =
  `Hvilken løsning skal kommunen vælge ${'til det fælles kommunale støttesystem '.repeat(8)}`
    .slice(0, 299)
    .trimEnd()
    .padEnd(299, 'x') + '?';
const LONGEST_OPTIONS = Array.from(
  { length: 10 },
  (_, i) =>
    `Svar ${String(i + 1).padStart(2, '0')} ${'æøå løsning '.repeat(7)}`.slice(0, 74).trimEnd().padEnd(74, 'z') +
    String(i),
);
const LONGEST = `afstemning med indstillinger: ${LONGEST_QUESTION} | ${LONGEST_OPTIONS.join(' | ')}`;

interface PollRow {
  conversationId: string;
  question: string;
  options: { label: string }[];
}

describe('a poll created through the settings form in Slack', () => {
  const h = useSlackBot({ KLIKBOT_NOW: '2018-09-06T11:55:00+02:00', KLIKBOT_REMINDER_TICK_SECONDS: '0' });

  async function slash(text: string, user: string, channel = CHANNEL): Promise<OpenedView> {
    const before = h.calls('views.open').length;
    expect((await h.post(slashCommand({ text, channelId: channel, userId: user }))).status).toBe(200);
    const [opened] = (await h.waitFor('views.open', before + 1)).slice(before);
    return opened!.args.view as OpenedView;
  }

  async function submit(
    view: OpenedView,
    user: string,
    values: Record<string, Record<string, unknown>>,
    privateMetadata = view.private_metadata,
  ): Promise<Response> {
    return h.post(viewSubmission({ callbackId: view.callback_id, privateMetadata, values, user }));
  }

  async function polls(): Promise<PollRow[]> {
    return ((await storedStateAt(h.bot.statePath)) as { polls: PollRow[] }).polls;
  }

  it("'/klik afstemning med indstillinger: …' in a channel posts the poll card in that channel, not in the host's DM", async () => {
    const view = await slash('afstemning med indstillinger: Hvor holder vi næste møde? | Aarhus | Odense', HOST);
    expect(view.blocks.filter((block) => block.type === 'input').map((block) => block.block_id)).toEqual([
      'choice',
      'identity',
      'results',
      'closes',
    ]);
    expect((await submit(view, HOST, SETTINGS)).status).toBe(200);
    const [card] = await h.waitFor('chat.postMessage');
    expect(card!.args.channel).toBe(CHANNEL);
    expect(card!.args.thread_ts).toBeUndefined();
    expect(blockText(card!.args.blocks)).toContain('Hvor holder vi næste møde?');
    expect(blockText(card!.args.blocks)).toContain('Navngiven · resultatet vises løbende');
    await h.settle();
    expect(h.calls('chat.postMessage').filter((call) => call.args.channel === HOST)).toEqual([]);
    expect((await polls()).find((poll) => poll.question === 'Hvor holder vi næste møde?')?.conversationId).toBe(
      CHANNEL,
    );
  });

  it('the form button under an @mention opens the modal, and the poll lands in the thread it was asked in', async () => {
    const mention = appMention({
      text: 'afstemning med indstillinger: Kaffe eller te? | Kaffe | Te',
      channel: CHANNEL,
      user: HOST,
    });
    await h.event(mention);
    const [offer] = await h.waitFor('chat.postMessage');
    expect(offer!.args).toMatchObject({ channel: CHANNEL, thread_ts: mention.ts });
    const open = buttonLabelled(offer!.args.blocks, /^Ny afstemning$/);
    const click = buttonClick(
      { actionId: open.action_id, value: open.value, user: HOST, channel: CHANNEL, messageTs: '1536227000.000200' },
      { threadTs: String(mention.ts) },
    );
    expect((await h.post(click)).status).toBe(200);
    const [opened] = await h.waitFor('views.open');
    expect((await submit(opened!.args.view as OpenedView, HOST, SETTINGS)).status).toBe(200);
    const [, card] = await h.waitFor('chat.postMessage', 2);
    expect(card!.args).toMatchObject({ channel: CHANNEL, thread_ts: mention.ts });
    expect(blockText(card!.args.blocks)).toContain('Kaffe eller te?');
  });

  it('takes a poll of the largest legal size (300-character question, ten 75-character options) through the form', async () => {
    expect(LONGEST_QUESTION).toHaveLength(300);
    expect(LONGEST_OPTIONS.map((option) => option.length)).toEqual(Array.from({ length: 10 }, () => 75));
    expect(LONGEST.length).toBeGreaterThan(1000);
    const view = await slash(LONGEST, HOST);
    expect((await submit(view, HOST, SETTINGS)).status).toBe(200);
    const [card] = await h.waitFor('chat.postMessage');
    expect(card!.args.channel).toBe(CHANNEL);
    expect(buttonsIn(card!.args.blocks).map((button) => button.text.text)).toEqual([
      ...LONGEST_OPTIONS,
      'Luk afstemning',
    ]);
    const stored = (await polls()).find((poll) => poll.question === LONGEST_QUESTION);
    expect(stored?.options.map((option) => option.label)).toEqual(LONGEST_OPTIONS);
  });

  it('opens the form of the largest poll from the button under an @mention too', async () => {
    const mention = appMention({ text: LONGEST, channel: CHANNEL, user: HOST });
    await h.event(mention);
    const [offer] = await h.waitFor('chat.postMessage');
    const open = buttonLabelled(offer!.args.blocks, /^Ny afstemning$/);
    expect(
      (
        await h.post(
          buttonClick(
            { actionId: open.action_id, value: open.value, user: HOST, channel: CHANNEL },
            { threadTs: String(mention.ts) },
          ),
        )
      ).status,
    ).toBe(200);
    const [opened] = await h.waitFor('views.open');
    expect((await submit(opened!.args.view as OpenedView, HOST, SETTINGS)).status).toBe(200);
    const [, card] = await h.waitFor('chat.postMessage', 2);
    expect(card!.args).toMatchObject({ channel: CHANNEL, thread_ts: mention.ts });
    expect(buttonsIn(card!.args.blocks)).toHaveLength(11);
  });

  it('says in Danish what is too long: the question at most 300 characters, an option at most 75', async () => {
    const question = `afstemning med indstillinger: ${'x'.repeat(301)} | A | B`;
    await h.post(
      slashCommand({
        text: question,
        channelId: CHANNEL,
        userId: HOST,
        responseUrl: h.fake.responseUrl('long-question'),
      }),
    );
    const [toldQuestion] = await h.waitFor((call: SlackCall) => call.responseId === 'long-question');
    expect(toldQuestion!.args).toMatchObject({ response_type: 'ephemeral' });
    expect(String(toldQuestion!.args.text)).toMatch(
      /^Spørgsmålet er for langt \(301 tegn; højst 300\)\. Intet er oprettet\.$/,
    );
    const option = `afstemning: Hvad vælger I? | A | ${'y'.repeat(76)}`;
    await h.post(
      slashCommand({ text: option, channelId: CHANNEL, userId: HOST, responseUrl: h.fake.responseUrl('long-option') }),
    );
    const [toldOption] = await h.waitFor((call: SlackCall) => call.responseId === 'long-option');
    expect(String(toldOption!.args.text)).toMatch(/er for lang \(76 tegn\): højst 75 tegn/);
    expect(h.calls('views.open')).toEqual([]);
  });

  it('tells the host privately when klikbot is not in the channel, instead of losing the poll silently', async () => {
    const view = await slash('afstemning med indstillinger: Frokost? | Pizza | Salat', HOST, 'G0PRIVATE');
    h.fake.plan('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    expect((await submit(view, HOST, SETTINGS)).status).toBe(200);
    const [refused, told] = await h.waitFor('chat.postMessage', 2);
    expect(refused!.args.channel).toBe('G0PRIVATE');
    expect(told!.args.channel).toBe(HOST);
    expect(String(told!.args.text)).toMatch(
      /^Jeg kunne ikke skrive i <#G0PRIVATE>, fordi klikbot ikke er med i kanalen\. Inviter klikbot/,
    );
    const [, , shown] = await h.waitFor('chat.postMessage', 3);
    expect(shown!.args.channel).toBe(HOST);
    expect(blockText(shown!.args.blocks)).toContain('Frokost?');
    // its buttons only work in the channel: none are offered in the DM
    expect(buttonsIn(shown!.args.blocks)).toEqual([]);
  });

  it('refuses a form that does not say where it was opened, keeping it open and posting nothing', async () => {
    const view = await slash('afstemning med indstillinger: Frokost? | Pizza | Salat', HOST);
    const { site: _site, ...withoutSite } = JSON.parse(view.private_metadata) as Record<string, unknown>;
    const response = await submit(view, HOST, SETTINGS, JSON.stringify(withoutSite));
    expect(await response.json()).toEqual({
      response_action: 'errors',
      errors: {
        choice:
          'Jeg kan ikke se, hvor formularen blev åbnet, så jeg ved ikke, hvor svaret skal hen. Intet er gemt: luk formularen, og åbn den igen der, hvor du åbnede den.',
      },
    });
    const broken = await submit(view, HOST, SETTINGS, 'not json');
    expect(await broken.json()).toMatchObject({
      response_action: 'errors',
      errors: { choice: expect.stringMatching(/^Jeg kan ikke se, hvor formularen blev åbnet/) as unknown },
    });
    expect((await h.settle()).filter((call) => call.method === 'chat.postMessage')).toEqual([]);
    expect((await polls()).filter((poll) => poll.question === 'Frokost?' && poll.conversationId === CHANNEL)).toEqual(
      [],
    );
  });

  it('keeps an evaluation answer private: the thanks come in the DM, nothing is posted in the channel', async () => {
    await h.post(
      slashCommand({
        text: 'start evaluering',
        channelId: 'C0EVAL',
        userId: HOST,
        responseUrl: h.fake.responseUrl('start'),
      }),
    );
    // the evaluation's card, for everyone in the channel
    await h.waitFor((call: SlackCall) => call.method === 'chat.postMessage' && call.args.channel === 'C0EVAL');
    const view = await slash('svar på evalueringen', PETER, 'C0EVAL');
    expect(
      (
        await submit(view, PETER, {
          rating: chosen('4'),
          worked: { text: { type: 'plain_text_input', value: 'Godt overblik' } },
        })
      ).status,
    ).toBe(200);
    const [thanks] = await h.waitFor(
      (call: SlackCall) => call.method === 'chat.postMessage' && call.args.channel === PETER,
    );
    expect(String(thanks!.args.text)).toMatch(/^Tak for dit svar!/);
    expect((await h.settle()).filter((call) => call.args.channel === 'C0EVAL')).toHaveLength(1);
  });
});
