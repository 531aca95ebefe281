import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';
import { createCore } from '../../src/klikbot-core.js';
import { replyText, turn } from './question-set.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true });

let understander: Understander;
beforeAll(async () => {
  understander = new Understander(await loadKnowledge('data/knowledge'));
});

describe('whose status a question asks for', () => {
  const intent = (text: string) => understander.understand({ text, now }).intent;

  it("is the country's when it says all the municipalities, whoever asks", () => {
    expect(intent('status på bbr for alle kommuner')).toBe('status.national');
    expect(intent('status på bbr i hele landet')).toBe('status.national');
  });

  it('is no one’s where the question only opens as one of status and the material answers it', () => {
    const read = understander.understand({
      text: 'hvordan er støttesystemerne opdelt i implementeringsoverblikket?',
      now,
    });
    expect(read.intent).toBe('fact');
    expect(read.entities.passages?.[0]).toBe('topics/implementeringsoverblikket/points.1');
    expect(intent('hvordan går det med os?')).toBe('status.mine');
  });

  it('is the national count where it asks how many have not done a step, the names where it asks who', () => {
    const read = understander.understand({ text: 'how many municipalities are missing step 2 of BBR?', now });
    expect(read.intent).toBe('status.national');
    expect(read.entities.steps).toEqual([{ taskId: 'bbr-adgangsstyring', number: 2 }]);
    expect(intent('hvor mange kommuner mangler stadig trin 4 i BBR?')).toBe('status.national');
    expect(intent('hvem mangler trin 3 i BBR?')).toBe('status.missing');
    // (British "councils" are the municipalities)
    expect(intent('how many councils have done BBR step 1?')).toBe('status.national');
  });

  it("is the asker's own when it says ours", () => {
    expect(intent('status for vores kommune')).toBe('status.mine');
    expect(intent('hvor langt er vi med BBR?')).toBe('status.mine');
  });

  it('is the national table, which gives its source and date, when it asks where the figures come from', () => {
    expect(intent('hvor er bbr tallene fra?')).toBe('status.national');
    expect(intent('Hvilken dato er BBR-statustallene trukket fra KLIK?')).toBe('status.national');
    // a task without national figures has no such table
    expect(intent('hvor er tallene for fjernprint fra?')).not.toBe('status.national');
  });

  it("is the one counted task's table when the figures are asked about without a task named", () => {
    expect(intent('hvor er tallene fra?')).toBe('status.national');
    expect(intent('hvor gamle er de tal?')).toBe('status.national');
    // other figures are other figures
    expect(intent('hvor kommer tallene i økonomi-webinaret fra?')).not.toBe('status.national');
    expect(intent('what number do I call and when are they open?')).not.toBe('status.national');
  });
});

describe('a status asked of a dropped task', () => {
  it('is what the task is now, dropped, not who has done it', () => {
    const read = understander.understand({ text: 'skal vi stadig lave serviceaftale KMD Sag?', now });
    expect(read.intent).toBe('task.describe');
    expect(read.entities.tasks).toEqual(['serviceaftale-kmd-sag']);
    // a task that stands keeps its status question
    expect(understander.understand({ text: 'hvem mangler at udpege FK-ADM og FK-ANSV?', now }).intent).toBe(
      'status.missing',
    );
  });
});

describe("the asker's own start", () => {
  it('is no count asked of the municipalities ("jeg er lige startet" gets every count)', async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const text = 'jeg er lige startet som programleder, hvor langt er hele landet med BBR?';
    const routed = core.answer(turn(text, 'own-start', now, 'da'));
    expect(routed.understanding?.intent).toBe('status.national');
    const answer = replyText(routed.replies);
    // trin 1: 70 done, 6 started, 22 not started, in the KLIK extract
    expect(answer).toContain('70 fuldført · 6 påbegyndt · 22 ikke påbegyndt');
    // … and so is ours, said as what we are
    const ours = core.answer(
      turn('vi er lige startet som programledere, hvor langt er landet med BBR?', 'own-start', now, 'da'),
    );
    expect(replyText(ours.replies)).toContain('70 fuldført · 6 påbegyndt · 22 ikke påbegyndt');
    // … while the count of those started is still asked for as such
    expect(understander.understand({ text: 'hvor mange er startet på BBR trin 2?', now }).entities.aspect).toBe(
      'started',
    );
    // "hvor mange gange" asks how many times, no count of those in progress
    expect(understander.understand({ text: 'hvor mange gange holder de mødet?', now }).entities.aspect).toBeUndefined();
  });
});

describe('when the status counts were taken', () => {
  it("is the national status, which gives the extract's date, not the task's deadline", () => {
    for (const text of [
      'hvornår blev status for BBR trukket ud af KLIK?',
      'when were the BBR status figures extracted?',
    ]) {
      expect(understander.understand({ text, now }).intent, text).toBe('status.national');
    }
    expect(understander.understand({ text: 'hvornår er deadline for BBR?', now }).intent).toBe('deadline.task');
  });
});
