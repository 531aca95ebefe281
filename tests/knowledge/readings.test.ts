import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { dataDir, loadErrorOf, recordById } from './data-copy.js';

describe('readings of run-together slide columns are marked', () => {
  it('marks the kind and the KLIK tracking of "Serviceaftaler" as read, and the facts that rest on readings', async () => {
    const k = await loadKnowledge(dataDir);
    const task = k.tasks.find((candidate) => candidate.id === 'serviceaftaler-fordelingskomponenten');
    expect(task).toMatchObject({ kindCertain: false, inKlik: true, inKlikCertain: false });
    expect(k.supportSystems.find((system) => system.id === 'fordelingskomponenten')?.note).toContain('Serviceaftaler');
    expect(k.itSystems.find((system) => system.id === 'sapa')?.note).toContain('SAPA Præpiloter');
  });

  it('requires a note when inKlik is marked uncertain', async () => {
    const message = await loadErrorOf('tasks.json', (data) => {
      const task = recordById(data, 'godkend-initiale-fordelingsregler');
      task.inKlikCertain = false;
      task.notes = [];
    });
    expect(message).toContain(
      'tasks.json, record "godkend-initiale-fordelingsregler", field "notes": inKlik is marked uncertain',
    );
  });
});
