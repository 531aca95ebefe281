import { describe, expect, it } from 'vitest';
import { FORM_ARG_MAX, sentenceArgs } from '../../dialogs/polls/create.js';
import { withFormButton } from '../../src/channels/slack/modal.js';
import { readSlackButton, toSlackMessage } from '../../src/channels/slack/render-blocks.js';
import { toAdaptiveCard } from '../../src/channels/teams/render-card.js';
import { readButton } from '../../src/channels/teams/to-turn.js';
import type { Reply } from '../../src/core/types.js';
import { HOST, only, refusal, run, turnOf, usePollKit } from './poll-kit.js';
import { POLL_DIALOGS } from '../../dialogs/names.js';
import { pollIdOf } from '../../dialogs/polls/card.js';

const kit = usePollKit();
const create = (text: string, args: Record<string, string> = { text }) =>
  run(kit, POLL_DIALOGS.create, turnOf(kit, HOST, text), args);

/** The longest poll the rules allow: a question of 300 characters and ten options of 75. */
const QUESTION = `${'Hvilken løsning vælger kommunen til støttesystemet? '.repeat(6)}`.slice(0, 299) + '?';
const OPTIONS = Array.from({ length: 10 }, (_, i) => `${String(i).padStart(2, '0')} ${'ø'.repeat(72)}`);
const LONGEST = `afstemning med indstillinger: ${QUESTION} | ${OPTIONS.join(' | ')}`;

/** The settings form the longest sentence is answered with. */
async function longestForm(): Promise<Reply> {
  const [reply] = await create(LONGEST);
  expect(reply?.form).toBeDefined();
  return reply!;
}

describe('poll-create with a sentence longer than a button argument', () => {
  it('puts the sentence in the form in pieces no longer than any channel carries back, in order', async () => {
    expect(QUESTION).toHaveLength(300);
    expect(OPTIONS.every((option) => option.length === 75)).toBe(true);
    const { form } = await longestForm();
    for (const args of [form!.submit.args, form!.open!.args]) {
      expect(Object.values(args).every((value) => value.length <= FORM_ARG_MAX)).toBe(true);
      expect([args.text, args.text2, args.text3].join('')).toBe(LONGEST);
    }
    // a character written as two (an emoji) is never cut in half
    const emoji = sentenceArgs(`${'x'.repeat(FORM_ARG_MAX - 1)}📊 rest`);
    expect(emoji).toEqual({ text: 'x'.repeat(FORM_ARG_MAX - 1), text2: '📊 rest' });
  });

  it('Teams and the web chat: the submitted form reads back whole, and creates the largest poll', async () => {
    const reply = await longestForm();
    const actions = toAdaptiveCard(reply).actions as { type: string; data: Record<string, unknown> }[];
    const submit = actions.find((action) => action.type === 'Action.Submit')!;
    // Teams puts the inputs' values beside klikbot's payload
    const pressed = readButton({
      ...submit.data,
      choice: 'multiple',
      identity: 'named',
      results: 'live',
      closes: 'manual',
    });
    expect(pressed.kind).toBe('action');
    if (pressed.kind !== 'action') return;
    const card = only(await create('', pressed.action.args));
    const poll = kit.polls.get(pollIdOf(card)!);
    expect(poll).toMatchObject({ question: QUESTION, multiple: true, anonymous: false, live: true });
    expect(poll?.options.map((option) => option.label)).toEqual(OPTIONS);
  });

  it('Slack: the button that opens the form reads back whole, and gives the same form again', async () => {
    const reply = await longestForm();
    const [button] = toSlackMessage(withFormButton(reply)).blocks.flatMap((block) =>
      block.type === 'actions' ? block.elements : [],
    );
    expect(button).toMatchObject({ type: 'button', text: { text: 'Ny afstemning' } });
    const pressed = readSlackButton((button as { value: string }).value);
    expect(pressed?.dialog).toBe(POLL_DIALOGS.create);
    const [again] = await create('', pressed!.args);
    expect(again?.form?.submit).toEqual(reply.form!.submit);
  });

  it('says in Danish which part is too long, and creates nothing', async () => {
    expect(refusal(await create(`afstemning med indstillinger: ${'x'.repeat(301)} | A | B`))).toBe(
      'Spørgsmålet er for langt (301 tegn; højst 300). Intet er oprettet.',
    );
    expect(refusal(await create(`afstemning: Q | A | ${'y'.repeat(76)}`))).toMatch(
      /^Svarmuligheden »y+…« er for lang \(76 tegn\): højst 75 tegn, så den kan stå på en knap\. Intet er oprettet\.$/,
    );
    // a sentence over the whole limit is told about the part that is too long
    expect(refusal(await create(`afstemning med indstillinger: ${'x'.repeat(1600)} | A | B`))).toBe(
      'Spørgsmålet er for langt (1600 tegn; højst 300). Intet er oprettet.',
    );
    const padded = `afstemning:${' '.repeat(1500)}Q | A | B`;
    expect(refusal(await create(padded))).toBe(
      `Afstemningen er for lang (${padded.length} tegn; højst 1500): spørgsmålet må have højst 300 tegn og hver svarmulighed højst 75. Intet er oprettet.`,
    );
    expect(kit.store.read().polls).toHaveLength(0);
  });
});
