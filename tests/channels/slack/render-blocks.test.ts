import type { types as slack } from '@slack/bolt';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  readSlackButton,
  SLACK_ACTION_ID,
  SLACK_LIMITS,
  toSlackMessage,
  type SlackMessage,
} from '../../../src/channels/slack/render-blocks.js';
import type { Reply, ReplyButton } from '../../../src/core/types.js';
import { loadKnowledge } from '../../../src/knowledge/loader.js';
import { createCore } from '../../../src/klikbot-core.js';

type Text = slack.PlainTextElement | slack.MrkdwnElement;

/** Every text object of a message with the limit Slack sets for it. */
function textsOf(block: slack.KnownBlock): [Text, number][] {
  switch (block.type) {
    case 'header':
      return [[block.text, SLACK_LIMITS.headerText]];
    case 'section':
      return [
        ...(block.text ? [[block.text, SLACK_LIMITS.sectionText] as [Text, number]] : []),
        ...(block.fields ?? []).map((field) => [field, SLACK_LIMITS.fieldText] as [Text, number]),
      ];
    case 'context':
      return block.elements
        .filter((element) => element.type === 'mrkdwn')
        .map((element) => [element, SLACK_LIMITS.contextText]);
    case 'actions':
      return block.elements
        .filter((element) => element.type === 'button')
        .map((element) => [element.text, SLACK_LIMITS.buttonText]);
    default:
      throw new Error(`unexpected block ${block.type}`);
  }
}

/** What Slack would refuse in a message (invalid_blocks), as readable problems. */
function problems(message: SlackMessage): string[] {
  const found: string[] = [];
  if (message.blocks.length > SLACK_LIMITS.blocksPerMessage) found.push(`${message.blocks.length} blocks`);
  for (const block of message.blocks) {
    for (const [text, max] of textsOf(block)) {
      if (text.text.length === 0 || text.text.length > max) found.push(`${block.type} text of ${text.text.length}`);
    }
    if (block.type === 'section' && (block.fields?.length ?? 0) > SLACK_LIMITS.fieldsPerSection)
      found.push('too many fields');
    if (block.type === 'actions') {
      if (block.elements.length > SLACK_LIMITS.buttonsPerActions) found.push('too many buttons');
      const ids = block.elements.map((element) => (element.type === 'button' ? element.action_id : ''));
      if (new Set(ids).size !== ids.length) found.push('duplicate action_id');
    }
  }
  return found;
}

const buttonsOf = (message: SlackMessage): slack.Button[] =>
  message.blocks.flatMap((block) =>
    block.type === 'actions' ? block.elements.filter((element) => element.type === 'button') : [],
  );

const button = (title: string, args: Record<string, string> = {}, replacesCard?: boolean): ReplyButton => ({
  title,
  action: { dialog: 'ask', args },
  ...(replacesCard ? { replacesCard } : {}),
});

describe('a Reply as a Slack message', () => {
  it('sends a plain reply as one section, with the text a phone notification shows as typed: no markup', () => {
    expect(toSlackMessage({ text: 'Næste deadline er **torsdag 1. november 2018**.' })).toEqual({
      text: 'Næste deadline er torsdag 1. november 2018.',
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'Næste deadline er *torsdag 1. november 2018*.', verbatim: true },
        },
      ],
    });
  });

  it('renders header, intro, facts, list, outro, source and buttons in that order', () => {
    const message = toSlackMessage({
      text: 'Udpeg FK-ADM & FK-ANSV: deadline **1. november 2018**.',
      intro: 'Deadline **1. november 2018**.',
      heading: 'Udpeg FK-ADM & FK-ANSV',
      facts: [
        { label: 'Status', value: 'påbegyndt' },
        { label: 'System', value: 'Fordelingskomponenten' },
      ],
      list: ['Opret rollerne', 'Tildel **personer**'],
      outro: 'Spørg KOMBIT <support>.',
      source: 'Kilde: Programledermøde september 2018',
      buttons: [button('Vis trinene', { taskId: 'fk' }), button('Hele landsstatus', {}, true)],
    });
    expect(message.text).toBe('Udpeg FK-ADM &amp; FK-ANSV: deadline 1. november 2018.');
    expect(message.blocks.map((block) => block.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'section',
      'context',
      'actions',
    ]);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Udpeg FK-ADM & FK-ANSV', emoji: true },
    });
    expect(message.blocks[1]).toMatchObject({ text: { text: 'Deadline *1. november 2018*.' } });
    expect(message.blocks[2]).toMatchObject({
      fields: [
        { type: 'mrkdwn', text: '*Status*\npåbegyndt' },
        { type: 'mrkdwn', text: '*System*\nFordelingskomponenten' },
      ],
    });
    expect(message.blocks[3]).toMatchObject({ text: { text: '• Opret rollerne\n• Tildel *personer*' } });
    expect(message.blocks[4]).toMatchObject({ text: { text: 'Spørg KOMBIT &lt;support&gt;.' } });
    expect(message.blocks[5]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Kilde: Programledermøde september 2018', verbatim: true }],
    });
    expect(buttonsOf(message)).toEqual([
      {
        type: 'button',
        action_id: 'klikbot:0',
        text: { type: 'plain_text', text: 'Vis trinene', emoji: true },
        value: '{"dialog":"ask","args":{"taskId":"fk"}}',
      },
      {
        type: 'button',
        action_id: 'klikbot:1',
        text: { type: 'plain_text', text: 'Hele landsstatus', emoji: true },
        value: '{"dialog":"ask","args":{},"replacesCard":true}',
      },
    ]);
  });

  it('uses the text where a structured reply has no intro', () => {
    const message = toSlackMessage({ text: 'Der er **4 basisopgaver**:', list: ['A'] });
    expect(message.blocks[0]).toMatchObject({ type: 'section', text: { text: 'Der er *4 basisopgaver*:' } });
  });

  it('never lets data or user text mention people or channels, in the text or any block', () => {
    const evil = 'Hej <!channel> <@U0123> <!subteam^S1|@alle>';
    const message = toSlackMessage({
      text: evil,
      heading: evil,
      facts: [{ label: evil, value: evil }],
      list: [evil],
      outro: evil,
      source: evil,
      buttons: [button(evil)],
    });
    const mrkdwnTexts = [
      message.text,
      ...message.blocks
        .flatMap((block) => textsOf(block).map(([text]) => text))
        .filter((text) => text.type === 'mrkdwn')
        .map((text) => text.text),
    ];
    for (const text of mrkdwnTexts) {
      expect(text).not.toMatch(/<[@!#]/);
      expect(text).toContain('&lt;!channel&gt;');
    }
    for (const block of message.blocks) {
      for (const [text] of textsOf(block)) if (text.type === 'mrkdwn') expect(text.verbatim).toBe(true);
    }
  });

  it('cuts a long heading to 150 characters and a long button title to 75, with an ellipsis', () => {
    const message = toSlackMessage({ text: 'x', heading: 'H'.repeat(400), buttons: [button('B'.repeat(100))] });
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: `${'H'.repeat(149)}…` } });
    expect(buttonsOf(message)[0]?.text.text).toBe(`${'B'.repeat(74)}…`);
  });

  it('splits a long intro into sections of at most 3000 characters', () => {
    const text = Array.from({ length: 400 }, (_, index) => `Linje ${index}: noget om KLIK-opgaverne`).join('\n');
    const message = toSlackMessage({ text });
    expect(message.blocks.length).toBeGreaterThan(4);
    expect(message.blocks.every((block) => block.type === 'section')).toBe(true);
    expect(problems(message)).toEqual([]);
    expect(message.blocks.map((block) => (block.type === 'section' ? block.text?.text : '')).join('\n')).toBe(text);
  });

  it('puts at most 10 facts in a section and cuts a fact to 2000 characters', () => {
    const facts = Array.from({ length: 23 }, (_, index) => ({
      label: `Fakta ${index}`,
      value: index === 0 ? 'v'.repeat(2500) : `værdi ${index}`,
    }));
    const message = toSlackMessage({ text: 'Fakta', facts });
    const sections = message.blocks.filter((block) => block.type === 'section' && block.fields);
    expect(sections.map((block) => (block.type === 'section' ? block.fields?.length : 0))).toEqual([10, 10, 3]);
    expect(problems(message)).toEqual([]);
    const first = sections[0]?.type === 'section' ? sections[0].fields?.[0]?.text : '';
    expect(first).toMatch(/^\*Fakta 0\*\nv+…$/);
    expect(first).toHaveLength(SLACK_LIMITS.fieldText - 4);
  });

  it('packs list items into sections under 3000 characters', () => {
    const list = Array.from(
      { length: 150 },
      (_, index) => `Opgave ${index}: en beskrivelse af, hvad kommunen skal gøre`,
    );
    const message = toSlackMessage({ text: 'Opgaver', list });
    const listBlocks = message.blocks.slice(1);
    expect(listBlocks.length).toBeGreaterThan(1);
    expect(problems(message)).toEqual([]);
    const lines = listBlocks.flatMap((block) => (block.type === 'section' ? (block.text?.text ?? '').split('\n') : []));
    expect(lines).toEqual(list.map((item) => `• ${item}`));
  });

  it('leaves out a button whose value would pass 2000 characters, and keeps the other buttons numbered as in the reply', () => {
    const message = toSlackMessage({
      text: 'x',
      buttons: [button('Kort'), button('Lang', { text: 'y'.repeat(1990) }), button('Også kort')],
    });
    expect(buttonsOf(message).map((element) => [element.action_id, element.text.text])).toEqual([
      ['klikbot:0', 'Kort'],
      ['klikbot:2', 'Også kort'],
    ]);
    const alone = toSlackMessage({ text: 'x', heading: 'H', buttons: [button('Lang', { text: 'y'.repeat(1990) })] });
    expect(alone.blocks.map((block) => block.type)).toEqual(['header', 'section']);
  });

  it('keeps at most 25 buttons, each with a unique action id Slack routes to klikbot', () => {
    const message = toSlackMessage({
      text: 'x',
      buttons: Array.from({ length: 30 }, (_, index) => button(`Knap ${index}`)),
    });
    const elements = buttonsOf(message);
    expect(elements).toHaveLength(25);
    expect(elements.every((element) => SLACK_ACTION_ID.test(element.action_id ?? ''))).toBe(true);
    expect(problems(message)).toEqual([]);
  });

  it('stays within 50 blocks, keeping the source and the buttons and marking the cut', () => {
    const list = Array.from({ length: 60 }, (_, index) => `${index}: ${'z'.repeat(2990)}`);
    const message = toSlackMessage({ text: 'x', heading: 'H', list, source: 'Kilde: seed', buttons: [button('Mere')] });
    expect(message.blocks).toHaveLength(50);
    expect(message.blocks.slice(-3).map((block) => block.type)).toEqual(['section', 'context', 'actions']);
    expect(message.blocks.at(-3)).toMatchObject({ text: { text: '…' } });
    expect(problems(message)).toEqual([]);
  });
});

describe('reading a clicked button back', () => {
  it('returns the dialog, its arguments and whether the answer replaces the message', () => {
    const reply: Reply = { text: 'x', buttons: [button('A', { taskId: 'bbr' }), button('B', {}, true)] };
    const [first, second] = buttonsOf(toSlackMessage(reply));
    expect(readSlackButton(first?.value ?? '')).toEqual({
      dialog: 'ask',
      args: { taskId: 'bbr' },
      replacesCard: false,
    });
    expect(readSlackButton(second?.value ?? '')).toEqual({ dialog: 'ask', args: {}, replacesCard: true });
    expect(readSlackButton('{"dialog":"help"}')).toEqual({ dialog: 'help', args: {}, replacesCard: false });
  });

  it('rejects what klikbot never puts on a button', () => {
    for (const value of [
      '',
      'ja',
      '{"dialog":""}',
      '{"dialog":42,"args":{}}',
      JSON.stringify({ dialog: 'd'.repeat(65), args: {} }),
      JSON.stringify({ dialog: 'ask', args: { text: 't'.repeat(501) } }),
      JSON.stringify({ dialog: 'ask', args: { ['k'.repeat(65)]: 'v' } }),
      JSON.stringify({ dialog: 'ask', args: { n: 1 } }),
      JSON.stringify({ dialog: 'ask', args: {}, pad: 'p'.repeat(2000) }),
    ]) {
      expect(readSlackButton(value), value.slice(0, 40)).toBeUndefined();
    }
  });
});

describe('klikbot’s real answers in Slack', async () => {
  const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
  const questions = [
    'hjælp',
    'hvilke deadlines kommer nu?',
    'status',
    'hvor mange har fuldført trin 1?',
    'roller',
    'strategier',
    'SAPA-udrulning',
    'næste møde',
    'nyheder',
    'kontakter',
    'hvad er FK-ADM?',
    'opgaver',
  ];

  it.each(questions)(
    '"%s" renders within Slack’s limits, with no markdown bold left and every button readable',
    async (question) => {
      const turn = {
        user: { id: 'U1' },
        conversation: { channel: 'slack' as const, id: 'D1', isGroup: false },
        text: question,
        now: DateTime.fromISO('2018-09-06T10:00:00+02:00'),
      };
      const replies = await core.handle(turn);
      expect(replies.length).toBeGreaterThan(0);
      for (const reply of replies) {
        const message = toSlackMessage(reply);
        expect(problems(message)).toEqual([]);
        const prose = [
          message.text,
          ...message.blocks.flatMap((block) => textsOf(block).map(([text]) => text.text)),
        ].map((text) => text.replace(/```[\s\S]*?```/g, ''));
        for (const text of prose) expect(text).not.toContain('**');
        const elements = buttonsOf(message);
        expect(elements.map((element) => readSlackButton(element.value ?? ''))).toEqual(
          (reply.buttons ?? []).map((original) => ({
            ...original.action,
            replacesCard: original.replacesCard === true,
          })),
        );
      }
    },
  );
});
