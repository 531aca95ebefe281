import type { Knowledge, KnowledgeKind } from '../knowledge/registry.js';
import { queryWords } from './query-words.js';
import type { FactSearch } from './search/fact-search.js';
import { isEverydayWord } from './search/everyday-words.js';
import { queryTerms } from './search/terms.js';

/** A question the material itself poses, and the record that answers it. */
interface MaterialQuestion {
  terms: Set<string>;
  /** Its words and those of the slide that poses it ("Annoncering af deadline for SKI 02.19 …"), which a question may add. */
  withContext: Set<string>;
  kind: KnowledgeKind;
  recordId: string;
  /** What it asks by its question word, where that is why, when or who ("Hvorfor annonceres deadline nu?"). */
  asks?: string;
  /** A slide's title: it answers only where none of the material's own questions does. */
  title?: boolean;
}

// How closely a question must say what the material asks: nearly all of the material's
// question, weighed by how telling each word is, and little besides.
const heldOfTheirs = 0.8;
const heldOfOurs = 0.6;
// The question words that say what is asked so that another answers none of it ("why … now?"
// is no "what time …?"), Danish and English alike
const askingKinds: [string, RegExp][] = [
  ['why', /^(hvorfor|why)$/],
  ['when', /^(hvornaar|when|tidspunkt|klokken|time)$/],
  ['who', /^(hvem|who)$/],
];

function askingKind(tokens: string[]): string | undefined {
  return askingKinds.find(([, word]) => tokens.some((token) => word.test(token)))?.[0];
}

/**
 * The slides' own questions ("Hvad gør støttesystemet Organisation?", "Hvilken rolle har KOMBIT
 * ift. SKI 02.19?"), from a topic's `answers` and from aliases written as questions. People
 * ask them in nearly those words, and the record that answers them is known, whatever one
 * salient word in them ("rolle", "Organisation") would make of the question otherwise.
 */
export class MaterialQuestions {
  readonly #questions: MaterialQuestion[] = [];
  /** The words of the systems' names: a system the question names must be one its slide speaks of. */
  readonly #systemTerms: Set<string>;

  constructor(
    knowledge: Knowledge,
    private readonly search: FactSearch,
  ) {
    this.#systemTerms = new Set(
      [...knowledge.itSystems, ...knowledge.supportSystems].flatMap((system) => [
        ...this.#termsOf(queryWords([system.name, ...system.aliases].join(' ')).tokens),
      ]),
    );
    for (const topic of knowledge.topics) {
      // a slide's own title asked about ("hvad er det videre forløb for rollegalleriet?") is that slide
      this.#add(topic.title, 'topics', topic.id, true);
      const context = this.#termsOf(queryWords([topic.title, ...(topic.aliases ?? [])].join(' ')).tokens);
      for (const answer of topic.answers ?? []) {
        const [kind, recordId = ''] = answer.answeredIn.split('/') as [KnowledgeKind, string];
        this.#add(answer.question, kind, recordId, false, context);
      }
      // a question among the points of a slide whose questions no other slide answers ("Hvornår er
      // Rollegalleriet så klar?") is answered by what the slide says around it, all the material says
      if (!topic.answers)
        for (const point of topic.points ?? [])
          if (point.trim().endsWith('?')) this.#add(point, 'topics', topic.id, false, context);
    }
    for (const [kind, records] of Object.entries(knowledge) as [
      KnowledgeKind,
      { id: string; aliases?: string[] }[],
    ][]) {
      for (const record of records)
        for (const alias of record.aliases ?? []) if (alias.trim().endsWith('?')) this.#add(alias, kind, record.id);
    }
  }

  #add(question: string, kind: KnowledgeKind, recordId: string, title = false, context = new Set<string>()): void {
    const { tokens } = queryWords(question);
    const terms = this.#termsOf(tokens);
    const asks = askingKind(tokens);
    // (one telling word is enough where "when" says what is asked: "Hvornår er Rollegalleriet så
    // klar?"; "who" of one thing is asked of many things the slides name)
    if (terms.size >= 2 || (terms.size === 1 && asks === 'when'))
      this.#questions.push({
        terms,
        withContext: new Set([...terms, ...context]),
        kind,
        recordId,
        ...(asks ? { asks } : {}),
        ...(title ? { title } : {}),
      });
  }

  #termsOf(tokens: string[]): Set<string> {
    // "ift.", "egentlig": how a question is put, not what it asks
    return new Set(
      queryTerms(
        tokens.filter((token) => !isEverydayWord(token)),
        this.search.vocabulary,
      ).terms,
    );
  }

  /** The share of `of`, weighed by how telling each term is, that `part` holds. */
  #share(part: Set<string>, of: Set<string>): number {
    let total = 0;
    let held = 0;
    for (const term of of) {
      const weight = this.search.weightOf(term);
      total += weight;
      if (part.has(term)) held += weight;
    }
    return total === 0 ? 0 : held / total;
  }

  /** The record that answers the material's question this question repeats, if it repeats one. */
  answering(tokens: string[]): { kind: KnowledgeKind; recordId: string } | undefined {
    const asked = this.#termsOf(tokens);
    const asks = askingKind(tokens);
    const systems = [...asked].filter((term) => this.#systemTerms.has(term));
    let best: { question: MaterialQuestion; fit: number } | undefined;
    for (const question of this.#questions) {
      if (question.asks && question.asks !== asks) continue;
      const theirs = this.#share(asked, question.terms);
      // (most of the material's questions share nothing with this one)
      if (theirs < heldOfTheirs) continue;
      // (what the question adds may be the slide's own words: "hvorfor annoncerer KOMBIT deadline
      // for SKI 02.19 nu?" is the question "Hvorfor annonceres deadline nu?" of the SKI slide)
      const ours = this.#share(question.withContext, asked);
      // … though not a system the slide does not speak of ("hvad anbefaler KOMBIT før deadline for
      // Beskedfordeleren?" is no question of the SKI slide)
      const leansOnTheSlide = this.#share(question.terms, asked) < heldOfOurs;
      if (leansOnTheSlide && systems.some((term) => !question.withContext.has(term))) continue;
      if (theirs < heldOfTheirs || ours < heldOfOurs) continue;
      // a question of the material's own outranks a slide's title, however the fit compares
      const fit = theirs + ours + (question.title ? 0 : 2);
      if (!best || fit > best.fit) best = { question, fit };
    }
    return best && { kind: best.question.kind, recordId: best.question.recordId };
  }
}
