import MiniSearch from 'minisearch';
import type { Knowledge } from '../knowledge/registry.js';
import { queryWords } from './query-words.js';
import { stem } from './stem.js';
import { isStopword } from './stopwords.js';
import type { EntityMatch } from './entity-index.js';
import { danishFor } from './search/english.js';
import type { Language } from '../core/types.js';
import type { Entities } from './types.js';

// A best match must score this much, and this much above the next role, to be the answer.
const minimumScore = 1.5;
const minimumLead = 1.3;

function terms(text: string, language: Language = 'da'): string[] {
  // the words as questions are read ("single point of contact" is "SPOC"); an English question's
  // as the Danish words the descriptions use ("vendors" is "leverandører")
  const said = queryWords(text).tokens;
  const read = language === 'en' ? said.flatMap((word) => danishFor(word) ?? [word]) : said;
  return read.filter((word) => !isStopword(word)).map(stem);
}

/**
 * "Hvem er KOMBITs eskalationspart?" names no task: the answer is the role whose duties, as
 * the seed describes them (a role profile, a sentence elsewhere in the deck), fit the words.
 * A full-text index over those descriptions finds it (MiniSearch, BM25).
 */
export class RoleDuties {
  readonly #index = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    storeFields: ['id'],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
  });

  constructor(knowledge: Knowledge) {
    const documents = knowledge.roles.map((role) => {
      const profile = role.profile;
      const described = [
        role.description ?? '',
        ...role.mentions.map((mention) => mention.quote),
        ...(profile
          ? [
              ...profile.tasks.map((task) => task.text),
              ...profile.responsibility.map((line) => line.text),
              profile.effect,
            ]
          : []),
      ];
      return { id: role.id, text: terms(described.join(' ')).join(' ') };
    });
    this.#index.addAll(documents.filter((document) => document.text !== ''));
    for (const document of documents) this.#described.set(document.id, new Set(document.text.split(' ')));
  }

  readonly #described = new Map<string, Set<string>>();

  /** Whether a role's described duties use every one of these words ("bliver SPOC for leverandørerne"). */
  describesWith(roleId: string, words: string[]): boolean {
    const described = this.#described.get(roleId);
    const wanted = terms(words.join(' '));
    return described !== undefined && wanted.length > 0 && wanted.every((term) => described.has(term));
  }

  /** Whether a role's described duties use any of the content words of a text. */
  describesAny(roleId: string, text: string, language: Language): boolean {
    const described = this.#described.get(roleId);
    return described !== undefined && terms(text, language).some((term) => described.has(term));
  }

  /** The role whose described duties clearly fit the question best, if one does. */
  bestFor(question: string, language: Language = 'da'): string | undefined {
    const [best, next] = this.#index.search(terms(question, language).join(' '), { combineWith: 'OR' });
    if (!best || best.score < minimumScore) return undefined;
    if (next && best.score < next.score * minimumLead) return undefined;
    return best.id as string;
  }
}

/**
 * "hvem bliver SPOC for leverandørerne?": a role's title asked about in a who-question, where
 * the material says another role becomes it ("STS projektlederen bliver SPOC for
 * leverandørerne"), asks for that other role: it goes first in `entities.roles`.
 */
export function titleHeldBy(
  duties: RoleDuties,
  describedRole: string,
  matches: EntityMatch[],
  tokens: string[],
  entities: Entities,
  language: Language,
): void {
  const roles = matches.filter((match) => match.kind === 'role' && match.certainty === 'named');
  if (roles.length !== 1 || roles[0]!.id === describedRole) return;
  const title = tokens.slice(roles[0]!.start, roles[0]!.end);
  // the rest of the question must point to that role, and to no other: "hvem er SPOC?" is the SPOC
  // role, "hvem er SPOC for leverandørerne?" the role the material makes that for the vendors
  const rest = [...tokens.slice(0, roles[0]!.start), ...tokens.slice(roles[0]!.end)].join(' ');
  if (!duties.describesWith(describedRole, title) || !duties.describesAny(describedRole, rest, language)) return;
  if ((duties.bestFor(rest, language) ?? describedRole) !== describedRole) return;
  entities.roles = [describedRole, ...entities.roles.filter((id) => id !== describedRole && id !== roles[0]!.id)];
}
