import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { replyText, turn } from './question-set.js';

// The FK slide tells the task kinds by how often they are done: basis tasks once (typically for
// the first receiving system), solution-specific ones each time a new receiving system is taken into use.
describe('tasks asked for by how often they are done', () => {
  let ask: (text: string, language?: 'da' | 'en') => { intent: string | undefined; text: string };
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');

  beforeAll(async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    ask = (text, language = 'da') => {
      const routed = core.answer(turn(text, `c-${text}`, now, language));
      return { intent: routed.understanding?.intent, text: replyText(routed.replies) };
    };
  });

  it('lists the solution-specific tasks for "each time" / "every new", in Danish and English', () => {
    for (const [question, language] of [
      ['Hvilke opgaver på Fordelingskomponenten skal vi tage igen hver gang vi får et nyt fagsystem?', 'da'],
      ['Which Fordelingskomponenten tasks come back each time we connect another receiving system?', 'en'],
    ] as const) {
      const answer = ask(question, language);
      expect(answer.intent, question).toBe('task.list');
      expect(answer.text, question).toContain('Verificer fordelingsregler');
      expect(answer.text, question).not.toContain('Udpeg FK-ADM og FK-ANSV');
    }
  });

  it('lists the basis tasks for "only once"', () => {
    const answer = ask('Which of the KLIK tasks for FK are one-off, done only once?', 'en');
    expect(answer.intent).toBe('task.list');
    expect(answer.text).toContain('Udpeg FK-ADM og FK-ANSV');
    expect(answer.text).not.toContain('Verificer fordelingsregler');
  });

  it('leaves "each time" about something else than tasks to the rest of the understanding', () => {
    expect(ask('hvad sker der hver gang vi holder programledermøde?').intent).not.toBe('task.list');
  });

  it('sets the kinds side by side, what each means and its tasks, when a question asks how two kinds differ', () => {
    for (const [question, language, once, each] of [
      ['hvad er forskellen på basis- og løsningsspecifikke opgaver på FK?', 'da', 'én gang', 'hver gang'],
      [
        'forskel paa dem der kun skal laves en gang og dem vi skal gentage for hvert nyt modtagersystem',
        'da',
        'én gang',
        'hver gang',
      ],
      ['how do the basis tasks differ from the solution specific ones?', 'en', 'done once', 'each time'],
      ['compare the FK tasks you do once with those you redo per system', 'en', 'done once', 'each time'],
      ['hvad er forskellen pa basisopgaver og losningsspecifikke opgaver', 'da', 'én gang', 'hver gang'],
    ] as const) {
      const answer = ask(question, language);
      expect(answer.intent, question).toBe('task.list');
      for (const fact of [once, each, 'Godkend initiale fordelingsregler', 'Konfigurér fordelingsregler'])
        expect(answer.text, question).toContain(fact);
    }
  });

  it('sets two kinds named side by side, also where nothing is compared', () => {
    const answer = ask('hvilke basisopgaver og løsningsspecifikke opgaver er der for fordelingskomponenten?');
    expect(answer.text).toContain('Godkend initiale fordelingsregler');
    expect(answer.text).toContain('Konfigurér fordelingsregler');
  });

  it('lists one kind where the question compares nothing', () => {
    for (const question of ['vis basisopgaver pr. system', 'can you repeat the basis tasks?']) {
      const answer = ask(question, question.startsWith('vis') ? 'da' : 'en');
      expect(answer.text, question).not.toMatch(/Forskellen på de slags opgaver|How the kinds of task differ/);
      // (the kind named, however often the words say it is done)
      expect(answer.text, question).toMatch(/6 basisopgaver|6 basis tasks/);
    }
  });
});
