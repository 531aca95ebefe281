import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import type { Core } from '../../src/core/core.js';
import type { ActionPayload, Reply, Turn } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { MembershipRepository } from '../../src/state/memberships.js';
import { StatusRepository } from '../../src/state/statuses.js';
import { openStore, type Store } from '../../src/state/store.js';
import { createCore } from '../../src/klikbot-core.js';

const knowledge = await loadKnowledge('data/knowledge');
const now = DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true });
let dir: string;
let store: Store;
let core: Core;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-core-text-'));
  store = await openStore(path.join(dir, 'klikbot.json'));
  const clock = createFixedClock(now);
  // the local web chat, whose one person is trusted: a claim there is verified as it is made
  const services = {
    memberships: new MembershipRepository(store, clock),
    statuses: new StatusRepository(store, clock),
    administrators: new Set<string>(),
    localTrusted: true,
  };
  core = createCore({ knowledge, services });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function turn(text: string, action?: ActionPayload, user = 'U1'): Turn {
  return {
    user: { id: user, name: 'Anna' },
    conversation: { channel: 'web', id: `D-${user}`, isGroup: false },
    text,
    action,
    now,
  };
}

const say = (text: string, user?: string): Promise<Reply[]> => core.handle(turn(text, undefined, user));
const updates = () => store.read().statusUpdates;

describe('changes typed in words', () => {
  it('writes nothing for a question asked without a question word or mark', async () => {
    await say('jeg er fra Køge');
    for (const text of [
      'jeg vil gerne vide om BBR trin 2 er fuldført',
      'ved du om BBR trin 4 er påbegyndt',
      'tell me if step 5 of BBR is done',
      'I wonder whether BBR step 1 is finished',
    ]) {
      await say(text);
    }
    expect(updates()).toEqual([]);
  });

  it('takes the municipality a sentence names: a member of another is refused, nothing is written', async () => {
    await say('jeg er fra Køge');
    const [refused] = await say('Aarhus har fuldført BBR trin 3');
    expect(refused?.text).toMatch(/^Du hører til Køge Kommune og kan kun ændre status for den/);
    expect(updates()).toEqual([]);
    const [own] = await say('Køge har fuldført BBR trin 3');
    expect(own?.text).toContain('er nu fuldført for Køge Kommune');
  });

  it('sets each step a sentence names, and refuses each for a member of another municipality', async () => {
    await say('jeg er fra Køge');
    const replies = await say('vi har fuldført trin 2 og 3 i BBR');
    expect(replies.map((reply) => reply.text)).toEqual([
      'BBR på Adgangsstyring, trin 2 er nu fuldført for Køge Kommune (før: ikke påbegyndt).',
      'BBR på Adgangsstyring, trin 3 er nu fuldført for Køge Kommune (før: ikke påbegyndt).',
    ]);
    // (refused alike for each step: said once)
    const refused = await say('Aarhus har påbegyndt BBR trin 4 og 5');
    expect(refused.map((reply) => reply.text.slice(0, 26))).toEqual(['Du hører til Køge Kommune ']);
    expect(updates().map((u) => [u.taskId, u.step, u.status])).toEqual([
      ['bbr-adgangsstyring', 2, 'done'],
      ['bbr-adgangsstyring', 3, 'done'],
    ]);
  });

  it('joins a municipality from "vi er Aarhus Kommune" and confirms it back', async () => {
    const [joined] = await say('vi er Aarhus Kommune');
    expect(joined?.text).toBe(
      'Du hører nu til Aarhus Kommune (lokal tilstand: denne maskines ene person er betroet, så tilknytningen er bekræftet).',
    );
    const [moved] = await say('we are from Odense');
    expect(moved?.text).toBe(
      'You now belong to Odense Kommune (local mode: the one person on this machine is trusted, so the claim is verified). You no longer belong to Aarhus Kommune.',
    );
  });

  it('sets the status a sentence names for the member’s municipality, with undo', async () => {
    await say('jeg er fra Køge');
    const [updated] = await say('BBR trin 3 er fuldført');
    expect(updated?.text).toBe('BBR på Adgangsstyring, trin 3 er nu fuldført for Køge Kommune (før: ikke påbegyndt).');
    expect(updated?.buttons?.[0]?.action.dialog).toBe('status-undo');
    const [started] = await say('vi er gået i gang med at godkende fordelingsreglerne');
    expect(started?.text).toContain('Godkend initiale fordelingsregler er nu påbegyndt for Køge Kommune');
    const [english] = await say('we finished step 2 of BBR');
    expect(english?.text).toBe('BBR på Adgangsstyring, step 2 is now done for Køge Kommune (before: not started).');
    expect(updates().map((u) => [u.municipalityId, u.taskId, u.step, u.status])).toEqual([
      ['koege', 'bbr-adgangsstyring', 3, 'done'],
      ['koege', 'godkend-initiale-fordelingsregler', undefined, 'started'],
      ['koege', 'bbr-adgangsstyring', 2, 'done'],
    ]);
  });

  it('asks back when the task is not named, writing nothing until a choice is pressed', async () => {
    await say('vi er Aarhus Kommune');
    const [asked] = await say('trin 3 er fuldført');
    expect(asked?.notice).toBe(true);
    expect(asked?.text).toContain('Mener du trin 3 for BBR på Adgangsstyring?');
    expect(updates()).toHaveLength(0);
    const choice = asked?.buttons?.find((button) => button.action.dialog === 'status-update');
    expect(choice?.action.args).toMatchObject({ taskId: 'bbr-adgangsstyring', step: '3', status: 'done' });
    const [updated] = await core.handle(turn('', choice?.action));
    expect(updated?.text).toContain('er nu fuldført for Aarhus Kommune');
    expect(updates()).toHaveLength(1);
  });

  it('asks which step when a task with steps is named without one, and which task among several', async () => {
    await say('vi er Aarhus Kommune');
    const [steps] = await say('BBR er fuldført');
    expect(steps?.text).toContain('trin 1, 2, 3, 4 eller 5 for BBR på Adgangsstyring');
    expect(
      steps?.buttons
        ?.filter((button) => button.action.dialog === 'status-update')
        .map((button) => button.action.args.step),
    ).toEqual(['1', '2', '3', '4', '5']);
    const [tasks] = await say('vi er færdige med fordelingsreglerne');
    // the one no longer tracked in KLIK is no choice
    const chosen = tasks?.buttons
      ?.filter((button) => button.action.dialog === 'status-update')
      .map((button) => button.action.args.taskId);
    expect(chosen).toEqual([
      'godkend-initiale-fordelingsregler',
      'konfigurer-fordelingsregler',
      'verificer-fordelingsregler',
    ]);
    expect(updates()).toHaveLength(0);
  });

  it('never writes for a question, a follow-up to a change, or a non-member', async () => {
    await say('vi er Aarhus Kommune');
    await say('BBR trin 3 er fuldført');
    const [followUp] = await say('og trin 4?');
    expect(followUp?.text).toContain('Få BBR brugerne til at logge ind');
    const [question] = await say('er BBR trin 3 fuldført?');
    expect(question?.text).toContain('28');
    expect(updates()).toHaveLength(1);
    // a sentence naming every status asks for the counts; it reports none
    const counts = await say('BBR trin 2 tal for påbegyndt og fuldført');
    expect(counts.map((reply) => reply.text).join('\n')).not.toContain('er nu');
    await say('step 1 of BBR figures: done, started, not started');
    await say('BBR trin 4 tal: i gang / færdig');
    expect(updates()).toHaveLength(1);
    const [refused] = await say('BBR trin 4 er fuldført', 'U2');
    expect(refused?.text).toContain('Du hører ikke til en kommune endnu');
    expect(updates()).toHaveLength(1);
  });
});

describe('status questions', () => {
  it('"status" shows my municipality; "hvor mange … trin 3?" still the national counts', async () => {
    await say('vi er Aarhus Kommune');
    await say('BBR trin 1 er fuldført');
    const [mine] = await say('status');
    expect(mine?.heading).toBe('Status for Aarhus Kommune');
    expect(mine?.list?.some((line) => line.includes('trin 1'))).toBe(false);
    const national = (await say('hvor mange kommuner er færdige med BBR trin 3?'))
      .map((reply) => reply.text)
      .join('\n');
    expect(national).toContain('28');
  });

  it('answers each question of a message, one that reads the state with the state', async () => {
    await say('vi er Aarhus Kommune');
    await say('BBR trin 1 er fuldført');
    const replies = await say('hvad er status for os, og hvornår er kommunedagen i Odense?');
    expect(replies[0]?.heading).toBe('Status for Aarhus Kommune');
    expect(replies.map((reply) => reply.list?.join('\n') ?? '').join('\n')).toContain('21. november 2018');
    // each part's buttons answer in the language it was asked in
    const english = await core.handle({
      ...turn('what is our status, and when is the deadline for BBR?'),
      locale: 'da-DK',
    });
    const langs = english.flatMap((reply) => reply.buttons ?? []).map((button) => button.action.args.lang);
    expect(langs.length).toBeGreaterThan(0);
    expect(langs.every((lang) => lang === 'en')).toBe(true);
    // a change asked beside a question is read from the whole message, and not made in part
    await say('BBR trin 2 er fuldført, og hvornår er kommunedagen i Odense?');
    expect(updates()).toHaveLength(1);
  });

  it('answer() reads the text and returns the action unrun, writing nothing', () => {
    const routed = core.answer(turn('BBR trin 3 er fuldført'));
    expect(routed.understanding?.intent).toBe('status.update');
    expect(routed.action).toEqual({
      dialog: 'status-update',
      args: { taskId: 'bbr-adgangsstyring', step: '3', status: 'done' },
    });
    expect(routed.replies).toEqual([]);
    expect(core.answer(turn('hvem mangler trin 3?')).action).toEqual({
      dialog: 'status-missing',
      args: { taskId: 'bbr-adgangsstyring', step: '3' },
    });
    expect(core.answer(turn('historik BBR trin 3')).action).toEqual({
      dialog: 'status-history',
      args: { taskId: 'bbr-adgangsstyring', step: '3' },
    });
    expect(core.answer(turn('status BBR')).action).toEqual({
      dialog: 'status-national',
      args: { taskId: 'bbr-adgangsstyring' },
    });
    expect(updates()).toHaveLength(0);
  });

  it('without state, "status BBR" still gives the seed’s national table, and a change is declined', async () => {
    const bare = createCore({ knowledge });
    const table = (await bare.handle(turn('status BBR'))).map((reply) => reply.text).join('\n');
    expect(table).toContain('KLIK-udtræk 4. september 2018');
    expect(table).toContain('70');
    // in English the extract's date is written as English dates are
    const english = (await bare.handle(turn('how many municipalities have completed step 1 of BBR?')))
      .map((reply) => reply.text)
      .join('\n');
    expect(english).toContain('(KLIK-udtræk 4 September 2018)');
    const [declined] = await bare.handle(turn('BBR trin 3 er fuldført'));
    expect(declined?.text).toBe(
      'Her kan jeg ikke gemme kommuner eller status. Spørg gerne om opgaver, frister og roller.',
    );
  });
});
