import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir, loadErrorOf, recordById } from './data-copy.js';

describe('links in the knowledge files', () => {
  it('are stored percent-encoded in every file', async () => {
    const files = (await readdir(dataDir)).filter((file) => file.endsWith('.json'));
    for (const file of files) {
      const text = await readFile(path.join(dataDir, file), 'utf8');
      expect(text.match(/"https?:\/\/[^"]*\s[^"]*"/g) ?? [], file).toEqual([]);
    }
  });

  it('rejects a task link with a raw space, naming file, record and field', async () => {
    const message = await loadErrorOf('tasks.json', (data) => {
      const links = recordById(data, 'udpeg-fk-adm-og-fk-ansv').links as { url: string }[];
      links[0]!.url = 'https://share-komm.kombit.dk/p079/Implementering  monopolbruddet/Bilag.pdf';
    });
    expect(message).toContain(
      'tasks.json, record "udpeg-fk-adm-og-fk-ansv", field "links.0.url": must be percent-encoded: write each space as %20',
    );
  });

  it('rejects a meeting materials link with a raw space', async () => {
    const message = await loadErrorOf('meetings.json', (data) => {
      const followUp = recordById(data, 'programledermoede-2018-09-06').followUp as { materialsUrl: string };
      followUp.materialsUrl =
        'https://share-komm.kombit.dk/p079/Implementering  monopolbruddet/Forms/Programledermder.aspx';
    });
    expect(message).toContain(
      'meetings.json, record "programledermoede-2018-09-06", field "followUp.materialsUrl": must be percent-encoded',
    );
  });
});
