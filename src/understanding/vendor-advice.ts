import type { Knowledge } from '../knowledge/registry.js';
import { keyOfPassage, asksTheKnowledge } from './reading-groups.js';
import type { FactSearch } from './search/fact-search.js';
import { outsideWordsOf } from './search/outside.js';
import { CONFIDENCE_THRESHOLD, type Understanding } from './types.js';

/*
 * "hvad anbefaler KOMBIT ift. SKI 02.19, jeg skal videregive det til vores indkøb", "what should
 * we be asking our vendors about their Adgangsstyring integration?", "skal vi selv gøre noget med
 * jobfunktionsroller ifm. SKI-leverandørerne?": what the municipality is advised to do about its
 * vendors is the slide of recommendations for them, however many other words the question has.
 * Its words alone find KOMBIT's role in SKI 02.19, the vendors' kick-off meetings or a task.
 */

// asked for advice: a recommendation, or what the municipality should do, ask or find out
const adviceWord =
  /^(anbefal\w*|recommend\w*|raad|tips|advice|advis\w*|opmaerksom\w*|aware|bekymre|worry|chasing|chase)$/;
const shouldWe =
  /\b(hvad|what)\b.*\b(skal|boer|should|must|need to|ought to)\s+(vi|we|kommunen|kommunerne|councils?|municipalit\w+)\b/;
// the vendors the advice is about: the framework agreement or the municipality's suppliers
const vendorWord = /^(ski|leverandoer\w*|vendors?|suppliers?|framework)$/;
// "hvilken leverandør anbefaler I?" asks for a vendor, which the material never names; the
// strategies for Organisation have recommendations of their own
const otherAdvice = /^(hvilken|hvilke|which|organisation\w*|org|strategi\w*|strategy|strategies)$/;
// "kan du anbefale en leverandør?": a vendor asked for, not what to do about one's vendors
const aVendorAsked =
  /\b(anbefal\w*|recommend\w*)\s+(en|et|nogle|a|an|any|some|os|us|me|mig)?\s*(god\w*|good)?\s*(leverandoer\w*|vendors?|suppliers?)\b/;
const adviceSlide = /anbefaling/i;

/** The slide of recommendations about the vendors, where the question asks what to do about them. */
export function vendorAdvice(
  knowledge: Knowledge,
  search: FactSearch,
  tokens: string[],
  resolved: Understanding,
): Understanding | undefined {
  // (a status the words surely ask stands: "how far are the councils with their vendors?")
  const status = resolved.intent.startsWith('status.') && resolved.confidence >= CONFIDENCE_THRESHOLD;
  if ((resolved.intent !== 'unknown' && !asksTheKnowledge.has(resolved.intent)) || status) return undefined;
  if (!tokens.some((token) => vendorWord.test(token)) || tokens.some((token) => otherAdvice.test(token)))
    return undefined;
  const joined = tokens.join(' ');
  if (!tokens.some((token) => adviceWord.test(token)) && !shouldWe.test(joined)) return undefined;
  if (aVendorAsked.test(joined)) return undefined;
  // (a price or a salary asked beside it is still not known)
  if (outsideWordsOf(tokens).length > 0) return undefined;
  const slide = knowledge.topics.find(
    (topic) => adviceSlide.test(topic.title) || (topic.aliases ?? []).some((alias) => /anbefalinger ift/i.test(alias)),
  );
  const passages = slide ? search.passagesOf('topics', slide.id) : [];
  if (passages.length === 0) return undefined;
  return {
    intent: 'fact',
    confidence: 0.8,
    entities: { ...resolved.entities, passages: passages.map(keyOfPassage) },
    language: resolved.language,
  };
}
