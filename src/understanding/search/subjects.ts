import type { Knowledge, KnowledgeKind } from '../../knowledge/registry.js';
import type { Passage } from './passages.js';

// The kinds of things a passage is said to be about by naming them: the systems
const subjectKinds = ['supportSystems', 'itSystems'] as const;

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name as it stands in a text: whole, short ones ("KY", "DAR") only in capitals. */
function namePattern(name: string): RegExp {
  const flags = name.length <= 4 ? 'u' : 'iu';
  return new RegExp(`(?<![\\p{L}\\d])${escaped(name)}(?![\\p{L}\\d])`, flags);
}

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

  #about(passage: Passage, key: string): boolean {
    const subject = this.#names.get(key);
    if (!subject) return false;
    if (passage.kind === subject.kind && passage.recordId === subject.id) return true;
    return subject.patterns.some((pattern) => pattern.test(passage.text));
  }

  /** Whether a passage is about another system of a kind the question names, and not about the one it names. */
  aboutAnother(passage: Passage, named: { kind: KnowledgeKind; recordId: string }[]): boolean {
    return named.some(({ kind, recordId }) => {
      const key = `${kind}/${recordId}`;
      if (!this.#names.has(key) || this.#about(passage, key)) return false;
      const asked = new Set(named.map((one) => `${one.kind}/${one.recordId}`));
      return [...this.#names.keys()].some(
        (other) => other.startsWith(`${kind}/`) && !asked.has(other) && this.#about(passage, other),
      );
    });
  }
}
