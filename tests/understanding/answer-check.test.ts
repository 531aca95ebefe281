import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';
import { dataDir } from '../knowledge/data-copy.js';

const knowledge = await loadKnowledge(dataDir);
const understander = new Understander(knowledge);
const now = DateTime.fromISO('2018-09-06T10:00:00', { zone: 'Europe/Copenhagen' });
const read = (text: string) => understander.understand({ text, now, locale: 'da-DK' });

describe("an intent's answer checked against the question", () => {
  const question = 'hvilke opgaver skal kommunen løse, når et nyt modtagersystem kobles på Fordelingskomponenten?';
  const understood = read(question);

  it('stands where it says what was asked', () => {
    const answer =
      'Løsningsspecifikke opgaver hver gang et nyt modtagersystem kobles på Fordelingskomponenten: Verificer …';
    expect(understander.check.reconsidered(question, understood, answer)).toBeUndefined();
  });

  it('is "I don\'t know" where it says next to nothing of it and no passage does better', () => {
    const unrelated = 'SAPAs udrulningsplan fordeler de 98 kommuner i 14 grupper fra NU/2018 til Q4/2019.';
    const longer = 'hvor mange penge bruger Beskedfordeleren på kaffe og kage om måneden?';
    expect(understander.check.reconsidered(longer, { ...read(longer), intent: 'task.list' }, unrelated)?.intent).toBe(
      'unknown',
    );
  });

  it('gives way to a passage that says much more of the question', () => {
    const asked = 'hvad hedder workshoppen for programlederne på kommunedagene?';
    const reading = { ...read(asked), intent: 'role.describe' as const };
    const instead = understander.check.reconsidered(
      asked,
      reading,
      'KOMBIT-programleder er en projekt- og programrolle.',
    );
    expect(instead?.intent).toBe('fact');
    expect(instead?.entities.passages?.[0]).toContain('kommunedag');
  });

  it('where no intent reads the question, is the passage holding half of it in other words', () => {
    const paraphrased = read('hvad bidrog Kolding med til rollegalleriet?');
    expect(paraphrased.intent).toBe('fact');
    expect(paraphrased.entities.passages?.[0]).toContain('rollegalleriet-jeres-input');
  });

  it('is left alone for a date asked about, a comparison and a question of two words', () => {
    const dated = read('hvad sker der den 12. september?');
    expect(understander.check.reconsidered('hvad sker der den 12. september?', dated, 'intet')).toBeUndefined();
    const compared = read('forskellen på FK-ADM og FK-ANSV?');
    expect(understander.check.reconsidered('forskellen på FK-ADM og FK-ANSV?', compared, 'intet')).toBeUndefined();
    const short = read('hvornår lukker KIGO?');
    expect(understander.check.reconsidered('hvornår lukker KIGO?', short, 'intet')).toBeUndefined();
  });
});
