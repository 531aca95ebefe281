import type { Knowledge, KnowledgeKind } from '../../knowledge/registry.js';
import type { Passage } from './passages.js';
import { namePattern } from '../../lib/regexp.js';

// The kinds of things a passage is said to be about by naming them: the systems
const subjectKinds = ['supportSystems', 'itSystems'] as const;

/**
 * Which systems a passage is about: its own record, and those its words name. A passage about
 * Adgangsstyring and not Beskedfordeleren answers nothing asked of Beskedfordeleren, however
 * many of the question's other words it holds.
 */
export class Subjects {
  readonly #names = new Map<string, { kind: KnowledgeKind; id: string; patterns: RegExp[] }>();

  constructor(knowledge: Knowledge) {
    for (const kind of subjectKinds)
      for (const record of knowledge[kind] as { id: string; name: string; aliases?: string[] }[])
        this.#names.set(`${kind}/${record.id}`, {
          kind,
          id: record.id,
          patterns: [record.name, ...(record.aliases ?? [])].map(namePattern),
        });
  }

  /** Whether a passage is about a system: its record is, or its record's names or its words name it. */
  #about(passage: Passage, key: string): boolean {
    const subject = this.#names.get(key);
    if (!subject) return false;
    if (passage.kind === subject.kind && passage.recordId === subject.id) return true;
    return [passage.text, ...passage.names].some((text) => subject.patterns.some((pattern) => pattern.test(text)));
  }

  /**
   * Whether a passage is about one other system and none of those the question names: a list
   * naming several ("FK-ansvarlig, ØiR-administrator, …") is about none in particular.
   */
  aboutAnother(passage: Passage, named: { kind: KnowledgeKind; recordId: string }[]): boolean {
    const asked = named.map((one) => `${one.kind}/${one.recordId}`).filter((key) => this.#names.has(key));
    if (asked.length === 0 || asked.some((key) => this.#about(passage, key))) return false;
    const others = [...this.#names.keys()].filter((key) => !asked.includes(key) && this.#about(passage, key));
    return others.length === 1;
  }
}
