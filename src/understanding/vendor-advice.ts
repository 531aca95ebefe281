import type { Knowledge } from '../knowledge/registry.js';
import type { EntityMatch } from './entity-index.js';
import { keyOfPassage, asksTheKnowledge } from './reading-groups.js';
import type { FactSearch } from './search/fact-search.js';
import { outsideWordsOf } from './search/outside.js';
import { CONFIDENCE_THRESHOLD, type Understanding } from './types.js';

/*
 * "hvad anbefaler KOMBIT ift. SKI 02.19, jeg skal videregive det til vores indkøb", "what should
 * we be asking our vendors about their Adgangsstyring integration?", "skal vi selv gøre noget med
 * jobfunktionsroller ifm. SKI-leverandørerne?": what the municipality is advised to do about its
 * vendors' integration to Adgangsstyring is the slide of recommendations for it, however many
 * other words the question has. Its words alone find KOMBIT's role in SKI 02.19, the vendors'
 * kick-off meetings or a task.
 */

// asked for advice: a recommendation …
const adviceWord = /^(anbefal\w*|recommend\w*|tips|advice|advis\w*|opmaerksom\w*|aware|bekymre|worry|chasing|chase)$/;
// ("råd" alone is also "afford": "vi har ikke råd til …")
const goodAdvice = /\b(gode?|nogle|et par|noget) raad\b/;
// what the municipality should do, ask or find out (also typed "gore", "sporge"): "hvad skal vi
// spørge leverandørerne om?", or asked yes or no: "skal vi selv gøre noget med …?", "do we need to
// do anything about …?"
const doing = String.raw`(goere|gore|spoerge|sporge|afklare|vaere|sige|fortaelle|tjekke|kraeve|forvente|do|doing|ask|asking|find|clarify|chase|chasing|be|tell|say|check|expect|demand|require)\b`;
const shouldWe = new RegExp(
  String.raw`\b(hvad|what)\b.*\b(skal|boer|should|must|need to|ought to)\s+(vi|we|kommunen|kommunerne|councils?|municipalit\w+)\s+(\w+\s+)?${doing}` +
    String.raw`|^(skal|boer|should|must)\s+(vi|we|kommunen)\s+(\w+\s+)?${doing}|^do\s+we\s+(need|have)\s+to\s+${doing}`,
);
// the vendors the advice is about (not the role Leverandøradministrator) …
const vendorWord =
  /^(ski|leverandoer|leverandoeren|leverandoerens|leverandoerer|leverandoererne|leverandoerernes|vendors?|suppliers?)$/;
// … and what the slide advises about them: their integration to Adgangsstyring under SKI 02.19
const subjectWord =
  /^(ski|adgangsstyring\w*|access|integration\w*|integrer\w*|jobfunktionsrolle\w*|job|hul|end|test\w*|login)$/;
// "hvilken leverandør anbefaler I?" asks for a vendor, which the material never names; the
// strategies for Organisation have recommendations of their own
const otherAdvice = /^(hvilken|hvilke|which|organisation\w*|org|strategi\w*|strategy|strategies)$/;
// "kan du anbefale en leverandør?": a vendor asked for, not what to do about one's vendors
const aVendorAsked =
  /\b(anbefal\w*|recommend\w*)\s+(en|et|nogle|a|an|any|some|os|us|me|mig)?\s*(god\w*|good)?\s*(leverandoer\w*|vendors?|suppliers?)\b/;
const adviceSlide = /anbefaling/i;
const heldPoint = 0.5;
// a system or task named beside the vendors is the question's topic ("BBR-leverandøren", "serviceaftalen
// med leverandøren af KMD Sag", "leverandøren af Beskedfordeleren"); Adgangsstyring is the slide's own
const ownSupportSystem = 'adgangsstyring';
const systemKinds = new Set<EntityMatch['kind']>(['itSystem', 'interface', 'supportSystem', 'task']);

/** Whether a question asks what to do about the vendors' integration, and names nothing else. */
function asksVendorAdvice(tokens: string[], names: EntityMatch[], afterTheSlide: boolean): boolean {
  const joined = tokens.join(' ');
  // (right after the slide, what it is about goes without saying: "and what should we ask the vendors?")
  const aboutIt = afterTheSlide || tokens.some((token) => subjectWord.test(token));
  if (!tokens.some((token) => vendorWord.test(token)) || !aboutIt) return false;
  if (tokens.some((token) => otherAdvice.test(token)) || aVendorAsked.test(joined)) return false;
  if (!tokens.some((token) => adviceWord.test(token)) && !goodAdvice.test(joined) && !shouldWe.test(joined))
    return false;
  const elsewhere = names.some(
    (name) =>
      name.certainty === 'named' &&
      systemKinds.has(name.kind) &&
      !(name.kind === 'supportSystem' && name.id === ownSupportSystem),
  );
  // (a price or a salary asked beside it is still not known)
  return !elsewhere && outsideWordsOf(tokens).length === 0;
}

/** The slide of recommendations about the vendors, the point that fits the question best first. */
export function vendorAdvice(
  knowledge: Knowledge,
  search: FactSearch,
  question: { tokens: string[]; names: EntityMatch[]; resolved: Understanding; previous?: Understanding },
): Understanding | undefined {
  const { tokens, names, resolved, previous } = question;
  // (a status the words surely ask stands: "how far are the councils with their vendors?")
  const status = resolved.intent.startsWith('status.') && resolved.confidence >= CONFIDENCE_THRESHOLD;
  if ((resolved.intent !== 'unknown' && !asksTheKnowledge.has(resolved.intent)) || status) return undefined;
  const slide = knowledge.topics.find((topic) => adviceSlide.test(topic.title));
  const afterTheSlide = (previous?.entities.passages ?? []).some((key) => key.startsWith(`topics/${slide?.id}/`));
  if (!asksVendorAdvice(tokens, names, afterTheSlide)) return undefined;
  const passages = slide ? search.passagesOf('topics', slide.id) : [];
  if (!slide || passages.length === 0) return undefined;
  // (a point goes first only where it holds most of the question; else the slide's own order)
  const best = search.search(tokens, {
    within: (passage) => passage.kind === 'topics' && passage.recordId === slide.id,
  }).hits[0];
  const fits = best && best.coverage >= heldPoint ? best.passage : undefined;
  const ordered = fits
    ? [fits, ...passages.filter((passage) => keyOfPassage(passage) !== keyOfPassage(fits))]
    : passages;
  return {
    intent: 'fact',
    confidence: 0.8,
    entities: { ...resolved.entities, passages: ordered.map(keyOfPassage) },
    language: resolved.language,
  };
}
