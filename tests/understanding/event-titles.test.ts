import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { readerOf } from './question-set.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
let core: Core;
beforeAll(async () => {
  core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
});
const ask = (text: string, language: 'da' | 'en') => readerOf(core, now)(text, language);

describe('an event asked for by its own subject, not its kind', () => {
  it('is the events of that kind, the one asked about among them', () => {
    for (const [text, language] of [
      ["i'm new to the whole monopoly break thing, is there an intro session i could join?", 'en'],
      ['er der noget introduktion for nye til monopolbruddet?', 'da'],
    ] as const) {
      const { intent, reply } = ask(text, language);
      expect(intent, text).toBe('event.list');
      expect(reply, text).toMatch(/14\. november 2018 kl\. 09\.00|14 November 2018 at 09\.00/);
      expect(reply, text).toContain('Introduktion til Monopolbruddet');
    }
  });

  it('leaves a word other records use to them, and a thing introduced to its own reading', () => {
    // "Økonomi" is also strategy A's con, so no subject of the webinars alone
    expect(ask('er økonomi en ulempe ved strategi A?', 'da').intent).not.toBe('event.list');
    // an introduction to a thing is no event, nor is a thing named beside it
    expect(ask('is there an introduction to the role description?', 'en').intent).toBe('role.list');
    expect(ask('er der en introduktion til pilotkommunerne?', 'da').intent).not.toBe('event.list');
    expect(ask('is there an introduction to Fjernprint for new users?', 'en').intent).not.toBe('event.list');
  });
});

describe('the programme asked about by its name in English', () => {
  it('is explained, though asked as "the" thing, where nothing else read it', () => {
    for (const text of ['what is the monopolbrud?', 'what is the monopolbrudsprogram?']) {
      const { intent, reply } = ask(text, 'en');
      expect(intent, text).toBe('fact');
      expect(reply, text).toContain("The Monopolbrud programme is KOMBIT's programme");
    }
  });
});

describe('the time of day of an event the material dates only by its day', () => {
  it('is its day, with where to ask for the time', () => {
    for (const [text, language, said] of [
      [
        'hvornaar er opstartsmoedet i kbh praecis, hvilket klokkeslet?',
        'da',
        'Materialet siger ikke, hvornår på dagen',
      ],
      ['what time is the municipality day in Køge?', 'en', 'The material does not say what time of day'],
    ] as const) {
      const { reply } = ask(text, language);
      expect(reply, text).toContain(said);
      expect(reply, text).toContain('mbprogrammet@kombit.dk');
    }
    expect(ask('hvornår er kommunedagen i Køge?', 'da').reply).not.toContain('Materialet siger ikke');
    // ("KL" is Kommunernes Landsforening, no time asked)
    expect(ask('hvornår holder KL og KOMBIT kommunedage?', 'da').reply).not.toContain('Materialet siger ikke');
    // the event asked about, past or not, and each title once with its places
    expect(ask('hvad tid var opstartsmødet for SKI 02.19 leverandørerne?', 'da').reply).toContain(
      'hvornår på dagen »Opstartsmøde for SKI 02.19-leverandører',
    );
    expect(ask('hvad tid er kommunedagene?', 'da').reply).toContain('»Kommunedag« (Køge, Odense, Silkeborg)');
    // ("kl?" at the end asks the time)
    expect(ask('kommunedagen kl?', 'da').reply).toContain('Materialet siger ikke, hvornår på dagen');
  });
});

describe('a kind of event named with what it is about, asked when', () => {
  it('is the events of that kind about it, with their full dates', () => {
    for (const text of ['Organisation kickoff dates?', 'when is the Organisation kickoff?']) {
      const { intent, reply } = ask(text, 'en');
      expect(intent, text).toBe('event.list');
      expect(reply, text).toContain('30 October 2018');
      expect(reply, text).toContain('2 November 2018');
      expect(reply, text).not.toContain('Kommunedag');
    }
  });
});
