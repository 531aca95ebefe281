import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { replyText, turn } from './question-set.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true });

describe('a passage quoted for a question that names a system', () => {
  let core: Core;
  const answer = (text: string, language: 'da' | 'en' = 'da') =>
    replyText(core.answer(turn(text, 'c1', now, language)).replies);

  beforeAll(async () => {
    core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
  });

  it('is about that system, not another one the passage names instead', () => {
    // the SKI recommendation speaks of the systems to integrate to Adgangsstyring, not to Beskedfordeleren
    for (const [question, language] of [
      ['hvilke systemer skal integrere til Beskedfordeleren?', 'da'],
      ['which systems need to integrate with Beskedfordeler?', 'en'],
    ] as const) {
      const text = answer(question, language);
      expect(text).toContain('Beskedfordele');
      expect(text).not.toContain('indkøbt på SKI 02.19');
    }
  });

  it("may be about it by its slide's title, or list several systems among them", () => {
    // the "Status på Adgangsstyring" slide lists the support systems without its title's name
    expect(answer('Er Organisation på Adgangsstyring?')).toContain('Fælleskommunale støttesystemer');
    // the role gallery's technical roles name FK and ØiR roles, among others
    expect(answer('Hvilke tekniske roller er der for Adgangsstyring?')).toContain('Rolleadmin');
  });
});

describe('a who-question asked of a record no one is responsible for', () => {
  let core: Core;
  const answer = (text: string, language: 'da' | 'en' = 'da') =>
    replyText(core.answer(turn(text, `who-${text}`, now, language)).replies);

  beforeAll(async () => {
    core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
  });

  it('is answered by the passage that holds the whole question, not by "no responsible role"', () => {
    const text = answer('who is the SKI 02.19 contract between?', 'en');
    expect(text).toContain('mellem kommunen og leverandøren');
    expect(text).not.toContain('names no responsible role');
  });

  it("leaves a task's own question of who to the dialog that says no role is named", () => {
    const text = answer('hvem skal vedligeholde fordelingsreglerne i fordelingskomponenten?');
    expect(text).toContain('Materialet nævner ingen ansvarlig rolle');
  });

  it("is the role whose described duties fit, where the task's step it names has no one", () => {
    // "jobfunktionsroller" is a step of BBR's task, which names no responsible role; the STS
    // project leader "bliver SPOC for leverandørerne" and is advised on job function roles
    const text = answer(
      'når leverandørerne skal have styr på jobfunktionsroller, hvem i kommunen skal de så snakke med?',
    );
    expect(text).toContain('STS-projektleder');
    expect(text).not.toContain('Materialet nævner ingen ansvarlig rolle');
  });

  it('is the slide that says who, where a deadline named is one no role is named for', () => {
    // "SKI 02.19" names the invoicing deadline, which names no one; the slide says "adviser STS-projektlederen"
    const text = answer('who should we advise about job function roles in the ski 02.19 context', 'en');
    expect(text).toContain('adviser STS-projektlederen');
    expect(text).not.toContain('names no responsible role');
  });

  it('stays who is responsible where the record names a role', () => {
    const text = answer('hvem skal godkende serviceaftalerne om Beskedfordeleren?');
    expect(text).toContain('Aftaleadministrator');
  });
});
