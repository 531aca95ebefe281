import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { replyText, turn } from './question-set.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true });

describe('the tasks being updated', () => {
  let ask: (text: string, lang?: 'da' | 'en') => { intent?: string; text: string };
  beforeAll(async () => {
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    let n = 0;
    ask = (text, lang = 'da') => {
      const routed = core.answer(turn(text, `c-updating-${(n += 1)}`, now, lang));
      return { intent: routed.understanding?.intent, text: replyText(routed.replies) };
    };
  });

  it('are both of them, however asked, not the one slide that says it of one', () => {
    for (const [question, lang] of [
      ['hvilke klik opgaver er under opdatering', 'da'],
      ['Der blev sagt noget om at to KLIK-opgaver er ved at blive opdateret, hvad går de ud på?', 'da'],
      ['which KLIK tasks are being updated right now?', 'en'],
      ['er der nogen opgaver der er ved at blive opdateret?', 'da'],
    ] as const) {
      const answer = ask(question, lang);
      expect(answer.intent, question).toBe('task.list');
      expect(answer.text, question).toContain('snitfladeoverblik');
      expect(answer.text, question).toContain('it-miljø');
      // the announced tasks are coming, not being updated
      expect(answer.text, question).not.toContain('SAPA skal anvende Organisation');
    }
  });

  it('are only those of a kind asked for ("hvilke basisopgaver …")', () => {
    const answer = ask('hvilke basisopgaver er under opdatering?').text;
    expect(answer).toContain('**2 basisopgaver under opdatering**');
  });

  it('leave the coming tasks, how often a slide is updated and how to update a status as they were', () => {
    expect(ask('hvilke nye klik opgaver kommer der?').text).toContain('SAPA skal anvende Organisation');
    expect(ask('hvor tit bliver implementeringsoverblikket opdateret?').text).toContain('kvartalsvis');
    for (const [question, lang] of [
      ['hvordan skal jeg opdatere status på en opgave?', 'da'],
      ['when will KLIK be updated?', 'en'],
      ['I have updated the task in KLIK', 'en'],
    ] as const)
      expect(ask(question, lang).text, question).not.toMatch(/KLIK-opgaver under opdatering|KLIK tasks being updated/);
  });
});
