import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { loadDomainBook } from '../../src/knowledge/municipality-domains.js';

const knowledge = await loadKnowledge('data/knowledge');
let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-domains-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function book(domains: unknown) {
  const file = path.join(dir, 'municipality-domains.json');
  await writeFile(file, JSON.stringify({ about: 'test', domains }));
  return loadDomainBook(file, knowledge);
}

describe("the municipalities' email domains", () => {
  it('ships with every municipality and no domain guessed: administrators fill them in', async () => {
    const shipped = JSON.parse(await readFile('data/municipality-domains.json', 'utf8')) as {
      domains: Record<string, string[]>;
    };
    expect(Object.keys(shipped.domains).sort()).toEqual(knowledge.municipalities.map((m) => m.id).sort());
    expect(Object.values(shipped.domains).flat()).toEqual([]);
    expect(
      (await loadDomainBook('data/municipality-domains.json', knowledge)).municipalityFor('someone@aarhus.dk'),
    ).toBeUndefined();
  });

  it('finds the municipality by the exact domain, in any case; a subdomain or a look-alike is not it', async () => {
    const domains = await book({ vejle: ['vejle.example.org'] });
    expect(domains.municipalityFor('Lise@VEJLE.example.org')).toBe('vejle');
    expect(domains.municipalityFor('lise@it.vejle.example.org')).toBeUndefined();
    expect(domains.municipalityFor('lise@vejle.example.org.evil.example')).toBeUndefined();
    expect(domains.municipalityFor('not an address')).toBeUndefined();
  });

  it('refuses to start on an unknown municipality, a malformed domain, or one domain for two', async () => {
    await expect(book({ gotham: ['gotham.example'] })).rejects.toThrow(/gotham is no municipality/);
    await expect(book({ vejle: ['Vejle.DK'] })).rejects.toThrow(/lower-case domain/);
    await expect(book({ vejle: ['shared.example'], odense: ['shared.example'] })).rejects.toThrow(
      /shared.example is listed for both vejle and odense/,
    );
  });

  it('is empty where the file is missing', async () => {
    expect(
      (await loadDomainBook(path.join(dir, 'none.json'), knowledge)).municipalityFor('a@vejle.dk'),
    ).toBeUndefined();
  });
});
