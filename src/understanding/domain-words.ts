import type { Knowledge } from '../knowledge/registry.js';
import { words } from '../knowledge/text.js';
import { stem } from './stem.js';

// the English written beside the material's lines ("prosEn") is klikbot's words, as the glossary's are
const englishKey = /^[a-z]+En$/;

/** Every string in a value (its keys left out), but the English written beside the material. */
export function collectText(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectText(item, into);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) if (!englishKey.test(key)) collectText(item, into);
}

/**
 * The stems of every word in the knowledge files: the seed's own vocabulary ("indstationering",
 * "jobfunktionsroller", "økonomi"). A question in these words is about the material even
 * when no example question uses them, so they count as known.
 */
// the units dates are counted in: "de kommende uger", "the next few months" say when, whether or
// not the material writes them, and the parts of a day
// … and the role gallery's dimensions, which the data holds as fields ("phase", "area"), not as words
const galleryDimensions = ['fase', 'faser', 'phase', 'phases', 'omraade', 'omraader', 'area', 'areas'];
const timeUnits = [
  'dag',
  'dage',
  'uge',
  'uger',
  'maaned',
  'maaneder',
  'aar',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  // … and the parts of a day a session is held in ("mødet om eftermiddagen", "the morning session")
  'formiddag',
  'formiddagen',
  'eftermiddag',
  'eftermiddagen',
  'morning',
  'afternoon',
];

// … and the plain word for what the material always calls "fælleskommunal" ("den fælles
// adgangsstyring", "the shared support systems"), which it never writes alone
const plainDomainWords = ['faelles', 'shared'];

export function domainStems(knowledge: Knowledge): Set<string> {
  const texts: string[] = [];
  // how people describe a record is their vocabulary, not the material's, and the glossary's
  // explanations are klikbot's words
  const { descriptions: _descriptions, glossary: _glossary, ...material } = knowledge;
  collectText(material, texts);
  const stems = new Set<string>([...timeUnits, ...galleryDimensions, ...plainDomainWords].map((word) => stem(word)));
  for (const text of texts) for (const word of words(text)) stems.add(stem(word));
  return stems;
}
