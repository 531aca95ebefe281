import { describe, expect, it } from 'vitest';
import { words } from '../../src/knowledge/text.js';
import { stem } from '../../src/understanding/stem.js';

const same = (a: string, b: string) => stem(words(a)[0]!) === stem(words(b)[0]!);

describe('stem', () => {
  it('treats Danish inflections of a word as the same word, folded or not', () => {
    expect(same('superbrugeren', 'superbruger')).toBe(true);
    expect(same('fordelingsreglerne', 'fordelingsregler')).toBe(true);
    expect(same('udpege', 'udpeg')).toBe(true);
    expect(same('kommunernes', 'kommune')).toBe(true);
    expect(same('opstartsmøderne', 'opstartsmoedet')).toBe(true);
    // a noun ending in "-a" keeps it in the plural
    expect(same('organisationsdataene', 'organisationsdata')).toBe(true);
    expect(same('skemaene', 'skema')).toBe(true);
    // "-el" and "-ler" ("eksempel", "eksempler"), and "eksempelvis"
    expect(same('eksempel', 'eksempler')).toBe(true);
    expect(same('fordelingsregel', 'fordelingsreglerne')).toBe(true);
    expect(same('eksempelvis', 'eksempler')).toBe(true);
  });

  it('reads a noun made from a verb with "-ering" as the verb', () => {
    expect(same('opdatering', 'opdateret')).toBe(true);
    expect(same('implementeringen', 'implementeret')).toBe(true);
    // a short word ending so is left as it is
    expect(stem('styring')).toBe('styring');
  });

  it('keeps different words apart', () => {
    expect(same('superbruger', 'bruger')).toBe(false);
    expect(same('fk', 'fks')).toBe(false);
    expect(same('forholdsvis', 'forhold')).toBe(false);
    // "fordelt" (shared out) is no "fordel" (an advantage)
    expect(same('fordelt', 'fordel')).toBe(false);
    // … nor is "fordeler" (distributes) or "fordeleren" (the distributor), while "fordelene" is
    expect(same('fordeler', 'fordele')).toBe(false);
    expect(same('fordeleren', 'fordel')).toBe(false);
    expect(same('fordelene', 'fordel')).toBe(true);
    expect(same('fx', 'eksempel')).toBe(false);
    // "handel" is no "handler" (what a thing is about), "pæne" no "pa"
    expect(same('handel', 'handler')).toBe(false);
    expect(stem('paene')).not.toBe('pa');
  });
});
