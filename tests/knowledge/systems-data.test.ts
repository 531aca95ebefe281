import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { knowledgeFiles, type KnowledgeKind } from '../../src/knowledge/registry.js';
import { dataDir } from './data-copy.js';

const mine: KnowledgeKind[] = [
  'interfaces',
  'itSystems',
  'supportSystems',
  'bbrStatus',
  'municipalities',
  'sapaRollout',
  'pilots',
  'strategies',
  'events',
  'news',
  'contacts',
];

async function parsed(kind: KnowledgeKind) {
  const { file, schema } = knowledgeFiles[kind];
  const raw: unknown = JSON.parse(await readFile(path.join(dataDir, file), 'utf8'));
  return schema.safeParse(raw);
}

describe('systems data files', () => {
  it.each(mine)('%s validates against its schema', async (kind) => {
    const result = await parsed(kind);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('loads with every cross-reference of the whole knowledge base', async () => {
    const knowledge = await loadKnowledge(dataDir);
    expect(knowledge.municipalities).toHaveLength(98);
    expect(knowledge.bbrStatus.map((row) => row.step)).toEqual([1, 2, 3, 4, 5]);
  });

  it('holds the seed facts', async () => {
    const k = await loadKnowledge(dataDir);
    const regions = new Map<string, number>();
    for (const municipality of k.municipalities)
      regions.set(municipality.region, (regions.get(municipality.region) ?? 0) + 1);
    expect(Object.fromEntries(regions)).toEqual({
      'Region Hovedstaden': 29,
      'Region Sjælland': 17,
      'Region Syddanmark': 22,
      'Region Midtjylland': 19,
      'Region Nordjylland': 11,
    });
    expect(k.municipalities.find((m) => m.id === 'koebenhavn')?.name).toBe('Københavns Kommune');
    expect(k.municipalities.find((m) => m.id === 'bornholm')?.name).toBe('Bornholms Regionskommune');
    expect(k.supportSystems.map((s) => s.name)).toEqual([
      'Adgangsstyring',
      'Organisation',
      'Beskedfordeler',
      'Fordelingskomponenten',
      'Indekser',
      'Klassifikation',
      'ØiR',
      'Fjernprint',
    ]);
    expect(k.interfaces.map((i) => [i.code, i.users.length])).toEqual([
      ['SF1511', 10],
      ['SF1514', 1],
      ['SF1515', 2],
      ['SF1512', 1],
    ]);
    expect(k.pilots.filter((p) => p.group === 'pre-pilot').map((p) => p.municipality)).toEqual([
      'syddjurs',
      'fredensborg',
    ]);
    const groups = k.sapaRollout.filter((r) => r.kind === 'group');
    expect(groups.map((g) => g.members.length)).toEqual([10, 8, 4, 7, 1, 7, 7, 6, 5, 11, 10, 7, 8, 7]);
    expect(groups.every((g) => g.timeLabel === null && !g.timeLabelCertain)).toBe(true);
    const dates = k.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(k.events.filter((e) => e.preliminary).map((e) => e.place)).toEqual(['København', 'Odense', 'Århus']);
  });
});
