import { roleList } from '../../dialogs/role-list.js';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DialogContext } from '../../dialogs/context.js';
import type { Reply } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Knowledge } from '../../src/knowledge/registry.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge('data/knowledge');
});

function context(at = '2018-09-06T10:00:00+02:00', language: 'da' | 'en' = 'da', data?: Knowledge): DialogContext {
  const turn = { user: { id: 'u1' }, conversation: { channel: 'web' as const, id: 'c1', isGroup: false }, text: '', now: DateTime.fromISO(at, { setZone: true }) };
  return { knowledge: data ?? knowledge, language, turn };
}

/** The one reply of a dialog, checked for what every answer carries: a source and one to three buttons. */
function card(replies: Reply[]): Reply {
  expect(replies).toHaveLength(1);
  const reply = replies[0]!;
  expect(reply.source).toMatch(/^(Kilde|Source): /);
  expect(reply.buttons?.length ?? 0).toBeGreaterThanOrEqual(1);
  expect(reply.buttons?.length ?? 0).toBeLessThanOrEqual(3);
  return reply;
}

/** The plain answer to something unknown: text only. */
function plain(replies: Reply[]): string {
  expect(replies).toHaveLength(1);
  expect(replies[0]!.buttons).toBeUndefined();
  return replies[0]!.text;
}

describe('role lists', () => {
  it('lists the technical roles of the May 2018 list and says it was not complete', () => {
    const reply = card(roleList(context(), { category: 'technical' }));
    expect(reply.text.split('\n')[0]).toBe('Rollegalleriets liste fra maj 2018 har **12 tekniske roller**:');
    expect(reply.list).toContain('Rolleadministrator (STS)');
    expect(reply.list).toContain('FK-administrator (SP)');
    expect(reply.text).toContain('Listen fra maj 2018 var ikke udtømmende.');
    expect(reply.text).toContain('er et udkast');
  });

  it('counts the organisational and project roles', () => {
    expect(card(roleList(context(), { category: 'organisational' })).list).toHaveLength(6);
    expect(card(roleList(context(), { category: 'project' })).list).toEqual(['Projektejer', 'Projektleder', 'KOMBIT-programleder', 'STS-projektleder']);
  });

  it('lists the roles of a phase from the September draft, with the area where it can be read', () => {
    const reply = card(roleList(context(), { phase: 'operations' }));
    expect(reply.text.split('\n')[0]).toMatch(/^Rollegalleriets udkast fra september 2018 har \*\*\d+ roller\*\* i drift og forvaltning:/);
    expect(reply.list).toContain('KOMBIT-SPOC');
    expect(reply.list).toContain('Superbruger (Kerneopgaver og brugerne på fagområdet)');
    expect(reply.list?.some((line) => line.startsWith('Projektleder'))).toBe(false);
    expect(reply.source).toBe('Kilde: Rollegalleriet, udkast september 2018');
  });

  it('combines category and phase', () => {
    expect(card(roleList(context(), { category: 'project', phase: 'operations' })).text).toBe('Rollegalleriet har ingen projekt- og programroller i drift og forvaltning.');
  });

  it('gives the three kinds without arguments', () => {
    const list = card(roleList(context(), {})).list ?? [];
    expect(list.map((line) => line.split(':')[0])).toEqual(['6 organisatoriske roller', '4 projekt- og programroller', '12 tekniske roller']);
    expect(list[0]).toContain('Superbruger');
    expect(list[1]).toContain('KOMBIT-programleder');
  });

  it('answers in English and says the gallery is a draft', () => {
    const reply = card(roleList(context('2018-09-06T10:00:00+02:00', 'en'), { category: 'technical' }));
    expect(reply.text).toContain("The role gallery's May 2018 list has **12 technical roles**:");
    expect(reply.text).toContain('The September 2018 role gallery is a draft');
  });

  it('says plainly when it does not know the group', () => {
    expect(plain(roleList(context(), { category: 'strategic' }))).toBe('Den rollegruppe kender jeg ikke.');
  });
});
