import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { findTopic } from '../../src/knowledge/schemas/topics.js';
import { dataDir, loadErrorOf, recordById } from './data-copy.js';

const shipped = loadKnowledge(dataDir);

describe('topics.json: the shipped slide topics', () => {
  it('gives every topic a source in the meeting and keeps guesses out of what users see', async () => {
    const k = await shipped;
    expect(k.topics.every((topic) => topic.source.section.startsWith('Programledermøde september 2018, '))).toBe(true);
    const shown = k.topics.flatMap((topic) => [topic.title, topic.summary ?? '', ...topic.points]).join(' ');
    expect(shown).not.toMatch(/\b(guess|read as|probably)\b/i);
  });

  it('holds the implementation overview slide, its update frequency and its Adgangsstyring example', async () => {
    const k = await shipped;
    expect(findTopic(k, 'implementeringsoverblikket')).toMatchObject({
      updateFrequency: 'Opdateres kvartalsvis',
      source: { label: 'Implementeringsoverblik september 2018' },
    });
    expect(findTopic(k, 'implementeringsoverblikket')?.points).toContain('Muligt at udsøge pr. it-system');
    expect(findTopic(k, 'implementeringsoverblikket-eksempel-adgangsstyring')?.related?.interfaces).toEqual([
      'sf1511',
      'sf1514',
      'sf1515',
      'sf1512',
    ]);
  });
});

describe('topics.json validation', () => {
  it('names file, record and field for a missing source', async () => {
    const message = await loadErrorOf('topics.json', (data) => {
      delete recordById(data, 'implementeringsoverblikket-eksempel-adgangsstyring').source;
    });
    expect(message).toContain(
      'topics.json, record "implementeringsoverblikket-eksempel-adgangsstyring", field "source":',
    );
  });

  it('rejects a topic with neither points nor a summary', async () => {
    const message = await loadErrorOf('topics.json', (data) => {
      recordById(data, 'implementeringsoverblikket').points = [];
    });
    expect(message).toContain(
      'topics.json, record "implementeringsoverblikket", field "points": a topic needs at least one point or a summary',
    );
  });

  it('rejects an unknown field, such as a misspelt one', async () => {
    const message = await loadErrorOf('topics.json', (data) => {
      recordById(data, 'implementeringsoverblikket-eksempel-adgangsstyring').point = ['x'];
    });
    expect(message).toContain(
      'topics.json, record "implementeringsoverblikket-eksempel-adgangsstyring": Unrecognized key: "point"',
    );
  });

  it('rejects an update frequency that is not one of the points', async () => {
    const message = await loadErrorOf('topics.json', (data) => {
      recordById(data, 'implementeringsoverblikket').updateFrequency = 'Opdateres månedligt';
    });
    expect(message).toContain(
      'topics.json, record "implementeringsoverblikket", field "updateFrequency": must also be one of the points',
    );
  });

  it("checks a slide's questions: each is one of its points and is answered by a record that exists", async () => {
    const message = await loadErrorOf('topics.json', (data) => {
      recordById(data, 'stoettesystemet-organisation').answers = [
        { question: 'Hvad koster Organisation?', answeredIn: 'supportSystems/organisation' },
        { question: 'Hvad gør støttesystemet Organisation?', answeredIn: 'supportSystems/organisationen' },
      ];
    });
    expect(message).toContain(
      'topics.json, record "stoettesystemet-organisation", field "answers.0.question": must be one of the points',
    );
    const references = await loadErrorOf('topics.json', (data) => {
      recordById(data, 'stoettesystemet-organisation').answers = [
        { question: 'Hvad gør støttesystemet Organisation?', answeredIn: 'supportSystems/organisationen' },
      ];
    });
    expect(references).toContain(
      'topics.json, record "stoettesystemet-organisation", field "answers.0.answeredIn": names "supportSystems/organisationen", which is no record of the knowledge',
    );
  });

  it('names a related record that does not exist, by kind and position', async () => {
    const message = await loadErrorOf('topics.json', (data) => {
      recordById(data, 'implementeringsoverblikket-eksempel-adgangsstyring').related = {
        interfaces: ['sf1511', 'sf1599'],
        topics: ['implementeringsoverblikket-eksempel-adgangsstyring'],
      };
    });
    expect(message).toContain(
      'topics.json, record "implementeringsoverblikket-eksempel-adgangsstyring", field "related.interfaces.1": names "sf1599", which is not in interfaces.json',
    );
    expect(message).toContain(
      'topics.json, record "implementeringsoverblikket-eksempel-adgangsstyring", field "related.topics.0": a topic cannot be related to itself',
    );
  });

  it('rejects a related kind it does not know', async () => {
    const message = await loadErrorOf('topics.json', (data) => {
      recordById(data, 'implementeringsoverblikket-eksempel-adgangsstyring').related = { systems: ['sapa'] };
    });
    expect(message).toContain(
      'topics.json, record "implementeringsoverblikket-eksempel-adgangsstyring", field "related":',
    );
  });

  it('rejects a link with a raw space', async () => {
    const message = await loadErrorOf('topics.json', (data) => {
      recordById(data, 'implementeringsoverblikket').links = [
        {
          label: 'Implementeringsoverblik',
          url: 'https://share-komm.kombit.dk/p079/Implementering  monopolbruddet/x.xlsx',
        },
      ];
    });
    expect(message).toContain(
      'topics.json, record "implementeringsoverblikket", field "links.0.url": must be percent-encoded',
    );
  });
});

describe('topics.json: the SKI 02.19 slides', () => {
  it("holds KOMBIT's role, the recommendations, the SPOC slide and where to read more", async () => {
    const k = await shipped;
    const role = findTopic(k, 'ski-0219-kombits-rolle');
    expect(role?.points).toHaveLength(4);
    expect(role?.points[0]).toMatch(/^KOMBIT har fodret SKI med krav til integration/);
    expect(role?.points[3]).toBe('SKI 02.19 er et kontraktlig forhold mellem kommunen og leverandøren');
    expect(role?.related?.events).toEqual(['ski-0219-opstartsmoede-2018-08-20', 'ski-0219-opstartsmoede-2018-08-27']);
    const advice = findTopic(k, 'ski-0219-opmaerksomhed-og-anbefalinger');
    expect(advice?.points).toHaveLength(5);
    expect(advice?.summary).toContain('(den 1. december 2019)');
    expect(advice?.related?.deadlines).toEqual(['ski-0219-fakturering-senest']);
    const spoc = findTopic(k, 'sts-projektleder-spoc');
    expect(spoc?.points.filter((point) => point.startsWith('IT/digitaliseringafdeling: '))).toHaveLength(2);
    expect(spoc?.points.filter((point) => point.startsWith('Forretningen: '))).toHaveLength(2);
    expect(findTopic(k, 'ski-0219-mere-information')?.links?.[0]?.url).toBe(
      'https://share-komm.kombit.dk/P133/Ibrugtagning%20og%20test/Delte%20dokumenter/Forms/Vejledninger%20%20Adgangsstyring%20for%20brugere%20til%20leverandrer.aspx',
    );
    expect(findTopic(k, 'ski-0219-annoncering')?.points).toContain('Bliver kommunerne klar med Adgangsstyring på BBR?');
  });
});

describe('topics.json: the role gallery slides', () => {
  it('holds the input, who helps build it, the May themes, the draft and what happens next', async () => {
    const k = await shipped;
    const input = findTopic(k, 'rollegalleriet-jeres-input');
    expect(input?.points).toHaveLength(6);
    expect(input?.points).toContain('Albertslund, Hillerød og Køge Kommune hjælper med at udarbejde Rollegalleriet.');
    expect(input?.related?.municipalities).toEqual(['albertslund', 'hilleroed', 'koege', 'kolding']);
    expect(findTopic(k, 'rollegalleriet-maj-2018')?.points.slice(0, 7)).toEqual([
      'Ud af "OLD" og ind i "NEW"',
      'IT-miljø og IT-infrastruktur',
      'IT-sikkerhed og aftaler',
      'Projektledelse og -styring',
      'Organisering og arbejdsgange',
      'Viden og færdigheder',
      'Gevinster og værdier',
    ]);
    const next = findTopic(k, 'rollegalleriet-det-videre-forloeb');
    expect(next?.points.join(' ')).toContain('Sikkerhed (GDPR/It-sikkerhed)');
    expect(next?.points).toContain('Hvornår er Rollegalleriet så klar?');
    expect(next?.notes?.join(' ')).toContain('gives no answer');
    expect(findTopic(k, 'rollegalleriet-udkast-september-2018')?.aliases).toContain(
      'Dilemmaer/udfordringer ved rollegalleriet',
    );
  });
});

describe("topics.json: the section introductions and KOMBIT's next step", () => {
  it('holds "Next step for KOMBIT" and the pause slides that introduce the sections', async () => {
    const k = await shipped;
    expect(findTopic(k, 'organisation-next-step-for-kombit')?.points).toEqual([
      'Færdiggøre vejledningsmaterialer',
      'Guide til kommunerne – strategier og opgaver for at blive klar til SAPA',
      'Opstartsmøder med 98 kommuner',
      'Formalisere og kommunikere Compliance-koncept',
      'Gøre KMD klar til supportopgaven',
    ]);
    expect(findTopic(k, 'organisation-next-step-for-kombit')?.related?.events).toBeUndefined();
    expect(findTopic(k, 'stoettesystemet-organisation')?.summary).toMatch(
      /^Efter pausen stiller Peter Hansen skarpt på støttesystemet Organisation/,
    );
    // every task of the section; the BBR steps belong to the overview and SKI 02.19 sections
    expect(findTopic(k, 'aktuelle-og-kommende-klik-opgaver')?.related?.tasks).toEqual(
      k.tasks.map((task) => task.id).filter((id) => id !== 'bbr-adgangsstyring'),
    );
  });

  it('gives KMD Sag a system record that the dropped FK task names', async () => {
    const k = await shipped;
    expect(k.itSystems.find((system) => system.id === 'kmd-sag')).toMatchObject({
      name: 'KMD Sag',
      fullName: null,
      supportSystems: [],
    });
    expect(k.tasks.find((task) => task.id === 'serviceaftale-kmd-sag')?.itSystems).toEqual(['KMD Sag']);
  });
});
