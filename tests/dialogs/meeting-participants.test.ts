import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/klikbot-core.js';
import type { Core } from '../../src/core/core.js';
import type { Language, Reply } from '../../src/core/types.js';
import { EvaluationRepository } from '../../src/state/evaluations.js';
import { knowledge } from './dialog-kit.js';
import { CHANNEL, people, turn, useMeetingKit } from './meeting-kit.js';

/**
 * A participant's short questions while 6 September's meeting runs in a Teams channel, through
 * the whole core (understanding, router, the meeting's dialog): one line each, for the asker.
 */
const kit = useMeetingKit();
let core: Core;
let evaluations: EvaluationRepository;

beforeEach(() => {
  evaluations = new EvaluationRepository(kit.store, kit.clock, randomBytes(32));
  core = createCore({ knowledge, services: { ...kit.meetingServices, evaluations } });
});

/** What klikbot answers `who` typing `text` at `time` on 6 September 2018 in the meeting's channel (or a personal chat). */
async function say(
  who: { userId: string; name: string },
  time: string,
  text: string,
  options: { language?: Language; personal?: boolean } = {},
): Promise<Reply[]> {
  const context = turn(kit, who, `2018-09-06T${time.replace('.', ':')}:00+02:00`, options);
  return core.handle({ ...context.turn, text });
}

const oneLine = (replies: Reply[]) => {
  expect(replies).toHaveLength(1);
  expect(replies[0]?.notice).toBe(true);
  expect(replies[0]?.broadcast).toBeUndefined();
  expect(replies[0]?.text.split('\n')).toHaveLength(1);
  return replies[0]?.text;
};

describe('a participant’s questions while the meeting runs here', () => {
  it('answers the pause, the next item and the presenter in one line each, in Danish and English', async () => {
    const [start] = await say(people.host, '09.58', 'start møde');
    expect(start?.buttons?.map((button) => button.action.dialog)).toEqual([
      'meeting-next',
      'meeting-pause',
      'poll-create',
      'evaluation-start',
      'meeting-end',
      'meeting-agenda',
    ]);
    await say(people.host, '10.05', 'næste punkt');
    expect(oneLine(await say(people.other, '10.10', 'hvem præsenterer?'))).toBe(
      'Nu præsenterer Mette Vinther Poulsen: Opsamling Implementeringsoverblikket, Rollegalleriet og rollen som KOMBIT-programleder.',
    );
    expect(oneLine(await say(people.other, '10.11', 'hvornår er der pause?'))).toBe('Næste pause er kl. 10.40–10.50.');
    expect(oneLine(await say(people.other, '10.12', 'hvad er næste punkt?'))).toBe(
      'Næste punkt kl. 10.30: Aktuelle og kommende KLIK-opgaver.',
    );
    expect(oneLine(await say(people.other, '10.13', 'hvornår er vi tilbage?'))).toBe(
      'Vi holder ikke pause (nu: Opsamling Implementeringsoverblikket, Rollegalleriet og rollen som KOMBIT-programleder). Næste pause er kl. 10.40–10.50.',
    );
    expect(oneLine(await say(people.other, '10.14', 'who is presenting?', { language: 'en' }))).toBe(
      'Mette Vinther Poulsen is presenting now: Opsamling Implementeringsoverblikket, Rollegalleriet og rollen som KOMBIT-programleder.',
    );
  });

  it('during the agenda’s pause says when we are back and what comes after it', async () => {
    await say(people.host, '09.58', 'start møde');
    for (const time of ['10.05', '10.30', '10.40']) await say(people.host, time, 'næste punkt');
    expect(oneLine(await say(people.other, '10.42', 'hvornår er vi tilbage?'))).toBe('Vi er tilbage kl. 10.50.');
    expect(oneLine(await say(people.other, '10.42', 'hvornår starter vi igen?'))).toBe('Vi er tilbage kl. 10.50.');
    expect(oneLine(await say(people.other, '10.43', 'when is the break?', { language: 'en' }))).toBe(
      'It is the break now; we are back at 10.50.',
    );
    expect(oneLine(await say(people.other, '10.44', "what's next?", { language: 'en' }))).toBe(
      'Next item at 10.50: Annoncering af deadline for SKI 02.19 leverandørers integration til Adgangsstyring.',
    );
    expect(oneLine(await say(people.other, '10.45', 'when are we back?', { language: 'en' }))).toBe(
      'We are back at 10.50.',
    );
  });

  it('counts the evaluation’s answers, not the national BBR status', async () => {
    await say(people.host, '11.54', 'start møde');
    expect(oneLine(await say(people.other, '11.54', 'hvor mange har svaret på evalueringen?'))).toBe(
      'Evalueringen er ikke startet endnu; den kommer ved sidste punkt.',
    );
    await say(people.host, '11.55', 'start evaluering');
    const open = evaluations.openIn(CHANNEL)!;
    await evaluations.answer(open.id, { channel: 'teams', userId: people.other.userId }, { rating: 4 });
    await evaluations.answer(open.id, { channel: 'teams', userId: people.admin.userId }, { rating: 5 });
    expect(oneLine(await say(people.other, '11.57', 'hvor mange har svaret?'))).toBe(
      '2 har svaret på evalueringen indtil nu.',
    );
    expect(oneLine(await say(people.other, '11.57', 'how many have answered?', { language: 'en' }))).toBe(
      '2 have answered the evaluation so far.',
    );
  });
});

describe('the same questions where no meeting runs', () => {
  it('keep today’s answers: the programme’s pause points, the national status, the next meeting in November', async () => {
    const pause = await say(people.other, '10.11', 'hvornår er der pause?');
    expect(pause[0]?.notice).toBeUndefined();
    expect(pause[0]?.text).toContain('kl. 10.40–10.50 (10 min.): **Pause**');
    const answered = await say(people.other, '10.12', 'hvor mange har svaret på evalueringen?');
    expect(answered[0]?.text).toContain('**BBR på Adgangsstyring**');
    const again = await say(people.other, '10.13', 'hvornår starter vi igen?', { personal: true });
    expect(again[0]?.text).toContain('Næste programledermøde er **i november 2018**');
  });

  it('keeps them after the meeting here has ended', async () => {
    await say(people.host, '09.58', 'start møde');
    await say(people.host, '10.00', 'afslut møde');
    const next = await say(people.other, '10.12', 'hvad er næste punkt?');
    expect(next[0]?.notice).toBeUndefined();
    expect(next[0]?.list?.length).toBeGreaterThan(5);
  });
});
