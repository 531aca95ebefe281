import { editDistance } from './fuzzy.js';
import { outsideWordsOf } from './search/outside.js';
import { asksForADate, asksWhen } from './search/answerable.js';
import { CONFIDENCE_THRESHOLD, type Understanding } from './types.js';

/*
 * The role gallery asked about by its name, however typed ("rollegaleriet", "role galery"), or as
 * people name it ("rollelisten", "the role catalogue", "listen over roller"): the gallery itself,
 * not only which roles there are.
 */

const galleryWord = /^(rolleliste\w*|rollekatalog\w*|rolleoversigt\w*)$/;
// the Danish name typed as it comes; the English one beside a word of roles ("role galery")
const galleryName = (token: string) =>
  token.startsWith('rol') && editDistance(token.slice(0, 12), 'rollegalleri', 2) <= 2;
const englishGallery = (token: string) => token.startsWith('gal') && editDistance(token, 'gallery', 2) <= 2;
const listWord = /^(liste|listen|list|oversigt|oversigten|overview|katalog|kataloget|catalogue|catalog)$/;
const rolesWord = /^(role|roles|roller|rollerne)$/;

/** Whether a question asks about the gallery itself, not only which roles there are. */
export function asksForTheGallery(tokens: string[]): boolean {
  const roles = tokens.some((token) => rolesWord.test(token));
  return tokens.some(
    (token, index) =>
      galleryWord.test(token) ||
      galleryName(token) ||
      // ("the gallery" alone is the role gallery; "a gallery of photos" is another)
      (englishGallery(token) && (roles || tokens[index + 1] !== 'of')) ||
      // "listen over alle de roller", "a list of the roles", "the role catalogue"
      (listWord.test(token) &&
        tokens.slice(Math.max(0, index - 2), index + 5).some((next) => rolesWord.test(next) && next !== token)),
  );
}

// a file or a date asked for is no answer the gallery's summary holds ("rollekatalog pdf", "what date …")
const fileOrDate = /^(pdf|fil|filen|file|hente|download\w*|link|dato|datoen|date|deadline)$/;

/**
 * "er rollelisten færdig?", "hvad er det næste der skal ske med rollelisten?": the gallery, where
 * the words alone read nothing sure and name nothing else.
 */
export function galleryAsked(text: string, tokens: string[], resolved: Understanding): Understanding | undefined {
  if (resolved.intent !== 'unknown' && resolved.confidence >= CONFIDENCE_THRESHOLD) return undefined;
  const { tasks, roles, itSystems, supportSystems, strategies, municipalities } = resolved.entities;
  const named = [tasks, roles, itSystems, supportSystems, strategies, municipalities].some((kind) => kind.length > 0);
  // (a salary, a price, a download: what the gallery's answer cannot hold, however it is named)
  if (named || !asksForTheGallery(tokens) || outsideWordsOf(tokens).length > 0) return undefined;
  if (tokens.some((token) => fileOrDate.test(token))) return undefined;
  // (when it is ready the material does not say: the slide only asks it, "Hvornår er Rollegalleriet så klar?")
  if (asksWhen(text) || asksForADate(text)) return undefined;
  return { ...resolved, intent: 'role.list', confidence: CONFIDENCE_THRESHOLD };
}
