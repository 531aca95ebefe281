import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { Understander } from '../../src/understanding/understand.js';
import { replyText, turn } from './question-set.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
let understander: Understander;
beforeAll(async () => {
  understander = new Understander(await loadKnowledge('data/knowledge'));
});

describe('words that frame a question without saying what it asks', () => {
  const read = (text: string) => understander.understand({ text, now, locale: 'en-GB' });

  it('leave the question as sure as it is without them', () => {
    const role = read('in a nutshell, what does an aftaleadministrator do for the municipality?');
    expect(role.intent).toBe('role.describe');
    expect(role.entities.roles).toContain('aftaleadministrator');
    expect(read('i was wondering what the role gallery is').intent).toBe('role.list');
    expect(read('in a nutshell, what is Organisation?').intent).toBe('fact');
    expect(read('simply put, what are the steps in BBR?').intent).toBe('task.steps');
  });

  it('still leave a question about something klikbot never knows unknown', () => {
    expect(read('in a nutshell, what does a programme leader earn?').intent).toBe('unknown');
  });
});

describe('who acts as a role, while rolling something out', () => {
  it('asks who the role is, of the rollout', async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const text = 'who acts as SPOC for the vendors when we are rolling out Adgangsstyring?';
    const reply = replyText(core.answer(turn(text, 'acts-as', now, 'en')).replies);
    expect(reply).toContain('STS-projektlederen bliver SPOC for leverandørerne');
  });
});

describe('who runs a meeting', () => {
  it('is its hosts, in Danish and English', async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    const ask = (text: string, language: 'da' | 'en') =>
      replyText(core.answer(turn(text, `hosts-${language}`, now, language)).replies);
    expect(ask('who is running the september session?', 'en')).toContain('Mette Vinther Poulsen');
    expect(ask('hvem styrer mødet?', 'da')).toContain('Mette Vinther Poulsen');
    // … not who runs another gathering
    expect(ask('who runs the kick-off meetings for Organisation?', 'en')).not.toContain('Mette Vinther Poulsen');
    expect(ask('hvem holder møde med leverandøren?', 'da')).not.toContain('Mette Vinther Poulsen');
  });
});
