import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { dataDir, loadErrorOf, recordById } from './data-copy.js';

describe('descriptions.json: how people describe records they cannot name', () => {
  it('describes every support system, and each BBR step apart', async () => {
    const k = await loadKnowledge(dataDir);
    const described = new Set(k.descriptions.map((item) => `${item.describes.kind}/${item.describes.id}`));
    for (const system of k.supportSystems) expect(described).toContain(`supportSystems/${system.id}`);
    const steps = k.descriptions.filter((item) => item.describes.step !== undefined).map((item) => item.describes.step);
    expect(steps.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('names file, record and field for a record that does not exist', async () => {
    const message = await loadErrorOf('descriptions.json', (data) => {
      (recordById(data, 'fordelingskomponenten').describes as { id: string }).id = 'fordelingsmaskinen';
    });
    expect(message).toContain(
      'descriptions.json, record "fordelingskomponenten", field "describes.id": no record with id "fordelingsmaskinen" in support-systems.json',
    );
  });

  it('rejects a step the task does not have', async () => {
    const message = await loadErrorOf('descriptions.json', (data) => {
      (recordById(data, 'bbr-adgangsstyring-trin-5').describes as { step: number }).step = 9;
    });
    expect(message).toContain(
      'descriptions.json, record "bbr-adgangsstyring-trin-5", field "describes.step": tasks.json record "bbr-adgangsstyring" has no step 9',
    );
  });

  it('rejects a description that is a sentence rather than a phrase', async () => {
    const message = await loadErrorOf('descriptions.json', (data) => {
      recordById(data, 'fordelingskomponenten').da = [
        'den komponent som kommunen bruger til at sende data videre ud til alle de andre systemer',
      ];
    });
    expect(message).toContain(
      'descriptions.json, record "fordelingskomponenten", field "da.0": must be a short phrase',
    );
  });
});

describe('glossary.json: the programme’s words explained', () => {
  it('names file, record and field for a word explained twice', async () => {
    const message = await loadErrorOf('glossary.json', (data) => {
      recordById(data, 'sts').aliases = ['Serviceplatformen', 'KLIK'];
    });
    expect(message).toContain('glossary.json, record "sts", field "aliases.1": "KLIK" is already explained by "klik"');
  });

  it('rejects an explanation without its English', async () => {
    const message = await loadErrorOf('glossary.json', (data) => {
      delete recordById(data, 'sts').meaningEn;
    });
    expect(message).toContain('glossary.json, record "sts", field "meaningEn"');
  });
});

describe('strategies.json: the English beside the slide lines', () => {
  it('rejects an English list that does not say as many things as the Danish', async () => {
    const message = await loadErrorOf('strategies.json', (data) => {
      (recordById(data, 'strategi-a').prosEn as string[]).pop();
    });
    expect(message).toContain('strategies.json, record "strategi-a", field "prosEn": must have as many lines as pros');
  });
});
