import type { Language } from '../core/types.js';
import type { Knowledge } from '../knowledge/registry.js';
import type { Classification } from './classifier.js';
import type { EntityMatch } from './entity-index.js';
import type { Entities } from './types.js';

/** Everything read from one question, before the intent is settled. */
export interface Reading {
  classification: Classification;
  entities: Entities;
  /** Things named only in part or in lower case; used where the intent expects that kind. */
  hints: EntityMatch[];
  /** Things the question names, with where. */
  named: EntityMatch[];
  /** Whether the text ends with a question mark. */
  questionMark: boolean;
  stepNumber?: number;
  tokens: string[];
  language: Language;
  knowledge: Knowledge;
  /** Share of content words the bot knows; low means the question is about something else. */
  knownShare: number;
  /** The role whose described duties best fit the question's words ("KOMBITs eskalationspart"), if any fits well. */
  describedRole?: string;
  /** Whether any word besides the names asks something ("hvornår", "trin", "status"). */
  asksSomething: boolean;
  /** How many of the question's words the material itself uses ("datoer" does, "gratis" does not); counted when asked. */
  materialWords: () => number;
}
