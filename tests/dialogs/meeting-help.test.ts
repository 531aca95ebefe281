import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Turn } from '../../src/core/types.js';
import { createCore } from '../../src/klikbot-core.js';
import { knowledge } from './dialog-kit.js';

/** How a host finds the meeting's words: "hjælp" in a channel, and "hvordan …" questions, through the core. */
const core = createCore({ knowledge });

function asked(text: string, isGroup: boolean): Turn {
  return {
    user: { id: 'u1', name: 'Programleder' },
    conversation: { channel: 'teams', id: isGroup ? '19:moede@thread.tacv2' : 'a:personal', isGroup },
    text,
    now: DateTime.fromISO('2018-09-06T09:40:00+02:00', { setZone: true }),
  };
}

const texts = (text: string, isGroup = true) => core.answer(asked(text, isGroup)).replies.map((reply) => reply.text);

describe('help with running a meeting', () => {
  it('leads with the meeting’s commands in a group chat or channel, and keeps today’s help after them, in one card', () => {
    const replies = core.answer(asked('hjælp', true)).replies;
    expect(replies).toHaveLength(1);
    const [help] = replies;
    expect(help?.heading).toBe('Det kan jeg hjælpe med');
    expect(help?.list?.map((line) => line.split(':')[0])).toEqual([
      '»start møde«',
      '»næste punkt«',
      '»pause 10«',
      '»afstemning',
      '»start evaluering«',
      '»medvært @navn«',
      '»hvem er her?«',
      '»afslut møde«',
      '»forrige punkt«',
      '»mind os om mødet«',
    ]);
    expect(help?.text.indexOf('»start møde«')).toBeLessThan(help!.text.indexOf('Jeg er klikbot'));
    expect(help?.outro).toContain('»hvornår er der pause?«');
    expect(help?.buttons?.length).toBeLessThanOrEqual(6);
    expect(help?.list).toContain(
      '»hvem er her?«: viser fremmødet efter kommune; deltagerne melder sig med »jeg er her«',
    );
  });

  it('names the reminders before the meeting, in Danish and in English, with the words that turn them on and off', () => {
    const [help] = core.answer(asked('hjælp', true)).replies;
    expect(help?.list).toContain(
      '»mind os om mødet«: minder jer her om hvert møde 15 minutter før og ved lydtestene; »stop mødepåmindelser« stopper det',
    );
    expect(help?.text).toContain('- »mind os om mødet«: minder jer her om hvert møde 15 minutter før');
    const [english] = core.answer(asked('help', true)).replies;
    expect(english?.list).toContain(
      '"remind us about the meeting": reminds you here of each meeting 15 minutes before and at the sound checks; "stop meeting reminders" stops it',
    );
    // the words named are the ones klikbot takes
    const named: [string, string][] = [
      ['mind os om mødet', 'meeting-remind'],
      ['stop mødepåmindelser', 'meeting-remind-stop'],
      ['remind us about the meeting', 'meeting-remind'],
      ['stop meeting reminders', 'meeting-remind-stop'],
    ];
    for (const [text, dialog] of named) expect(core.answer(asked(text, true)).action?.dialog, text).toBe(dialog);
  });

  it('keeps today’s help first in a personal chat', () => {
    const replies = core.answer(asked('hjælp', false)).replies;
    expect(replies).toHaveLength(1);
    expect(replies[0]?.heading).toBe('Det kan jeg hjælpe med');
  });

  it('answers "hvordan …" about running a meeting with the command to type, not the municipality prompt', () => {
    expect(texts('hvordan starter jeg mødet?')).toEqual([
      'Skriv »start møde«: det starter dagens møde her; du bliver vært.',
    ]);
    expect(texts('hvordan starter jeg mødet?', false)).toEqual([
      'Skriv »start møde« i den gruppesamtale eller kanal, hvor mødet holdes: det starter dagens møde her; du bliver vært.',
    ]);
    expect(texts('hvordan går jeg videre til næste punkt?')[0]).toMatch(/^Skriv »næste punkt«/);
    expect(texts('hvordan holder jeg pause?')[0]).toMatch(/^Skriv »pause 10«/);
    expect(texts('hvordan starter jeg evalueringen?')[0]).toMatch(/^Skriv »start evaluering«/);
    expect(texts('how do I end the meeting?')).toEqual([
      'Type "end meeting": it ends the meeting with thanks and the follow-up.',
    ]);
  });

  it('reads "hvordan laver jeg en afstemning?" and "how do I start a poll?" as the poll’s how-to', () => {
    for (const text of ['hvordan laver jeg en afstemning?', 'how do I start a poll?'])
      expect(core.answer(asked(text, true)).action).toEqual({ dialog: 'poll-create', args: {} });
  });
});
