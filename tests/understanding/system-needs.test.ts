import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { readerOf, replyText, turn } from './question-set.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
let core: Core;
beforeAll(async () => {
  core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
});
const ask = (text: string, language: 'da' | 'en') => readerOf(core, now)(text, language);

describe('what an IT system needs a support system for', () => {
  it("is the system's own line of business needs, in English too, whatever else the question says", () => {
    for (const [text, language, said] of [
      ['what does SAPA need the org data for in practice', 'en', "the employee's contact details"],
      ['what does SAPA actually need the org data for? a couple of examples', 'en', 'linked to a case'],
      ['hvad skal KY bruge organisationsdata til?', 'da', 'sagsfordeling og brevfletning'],
    ] as const) {
      const { intent, reply } = ask(text, language);
      expect(intent, text).toBe('fact');
      expect(reply, text).toContain(said);
    }
  });

  it('follows on to another system', () => {
    core.answer(turn('what does SAPA need the org data for in practice', 'c-needs', now, 'en'));
    const next = core.answer(turn('and KY?', 'c-needs', now, 'en'));
    expect(replyText(next.replies)).toContain('case allocation and mail merge');
  });

  it('leaves a question of when to the dates', () => {
    expect(ask('hvornår skal SAPA bruge Organisation?', 'da').reply).not.toContain('visningsgrupper');
  });
});

describe('the role gallery asked about by name, however typed', () => {
  it('is the gallery with its own slides; which roles there are is the roles', () => {
    for (const text of ['hvad er rollegaleriet?', 'er rollelisten færdig?'])
      expect(ask(text, 'da').reply, text).toContain('Albertslund, Hillerød og Køge Kommune hjælper');
    expect(ask('hvilke roller er der?', 'da').reply).not.toContain('Albertslund');
    expect(ask('what is the galary?', 'en').reply).toContain("The role gallery (Rollegalleriet) is KOMBIT's overview");
  });

  it('is not a catalogue of something else, a file, or a word like it', () => {
    for (const text of ['is there a catalogue of the interfaces?', 'what is the valley?', 'rollekatalog pdf'])
      expect(ask(text, text.startsWith('rolle') ? 'da' : 'en').reply, text).not.toContain('Albertslund');
  });
});
