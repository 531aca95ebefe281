import type { Knowledge } from '../knowledge/registry.js';
import { foldDanish, normalize } from '../knowledge/text.js';
import { passageKeyOf } from './reading-groups.js';
import { asksWhen } from './search/answerable.js';
import type { FactSearch } from './search/fact-search.js';
import { CONFIDENCE_THRESHOLD, type Understanding } from './types.js';

/*
 * "what does SAPA need the org data for?", "hvad bruger KY organisationsdata til?", "hvorfor skal
 * SAPA have Organisation?": what an IT system needs a support system's data for, which the slide
 * gives as the system's business needs: the IT system's own line that holds the question with
 * its needs ("Forretningsmæssige behov for organisationsdata: …"), or else its overview, which
 * says them beside the support system, however unsure the words alone were.
 */

// the material's word for what a system needs a support system for
const NEEDS_WORD = 'behov';

// the words of asking what a thing is for: "til hvad", "bruger … til", "need … for", "why"
const purposeWords = /^(behov\w*|hvorfor|formaal\w*|needs?|needed|purpose\w*|why)$/;
const useWords = /^(bruge|bruger|bruges|anvende|anvender|use|uses|used|using|need|needs)$/;
const forWords = /^(til|for)$/;

function asksWhatFor(tokens: string[]): boolean {
  if (tokens.some((token) => purposeWords.test(token))) return true;
  const use = tokens.findIndex((token) => useWords.test(token));
  return use >= 0 && tokens.slice(use + 1).some((token) => forWords.test(token));
}

// readings a purpose question may be taken from: the words read nothing sure, or read the system's overview
const overridden = new Set(['unknown', 'fact', 'overview.used-by', 'overview.systems-using', 'task.describe']);

/** The IT system's line of needs (else its overview), where the question asks what it needs a support system for. */
export function systemNeedsAsked(
  knowledge: Knowledge,
  search: FactSearch,
  text: string,
  tokens: string[],
  resolved: Understanding,
): Understanding | undefined {
  const { itSystems, supportSystems } = resolved.entities;
  if (itSystems.length !== 1 || supportSystems.length > 1) return undefined;
  if (!overridden.has(resolved.intent) && resolved.confidence >= CONFIDENCE_THRESHOLD) return undefined;
  const [itSystem] = itSystems;
  // the support system named, or the one whose data the question speaks of ("organisationsdata")
  const support = knowledge.supportSystems.find((system) =>
    supportSystems.length > 0
      ? system.id === supportSystems[0]
      : tokens.some((token) => token.startsWith(foldDanish(normalize(system.name)))),
  );
  if (!support?.businessNeeds?.some((need) => need.itSystem === itSystem)) return undefined;
  if (asksWhen(text) || !asksWhatFor(tokens)) return undefined;
  const line = search
    .search([...tokens, NEEDS_WORD], {
      within: (passage) => passage.kind === 'itSystems' && passage.recordId === itSystem,
      limit: 5,
    })
    .hits.find((hit) => {
      // (a line of needs of the support system asked about: "behov for organisationsdata")
      const said = foldDanish(normalize(hit.passage.text));
      return said.includes(NEEDS_WORD) && said.includes(foldDanish(normalize(support.name)));
    });
  if (line)
    return {
      ...resolved,
      intent: 'fact',
      confidence: 0.8,
      entities: { ...resolved.entities, passages: [passageKeyOf(line)] },
    };
  // (aspect 'needs': the overview's line of needs answers it, whatever other words the question has)
  return {
    ...resolved,
    intent: 'overview.used-by',
    confidence: Math.max(resolved.confidence, 0.8),
    entities: { ...resolved.entities, aspect: 'needs' },
  };
}
