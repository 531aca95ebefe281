import { foldDanish, normalize } from '../knowledge/text.js';
import { remembering } from '../lib/memo.js';
import type { QueryWords } from './entity-index.js';

// Chat abbreviations, written out before anything else reads the words.
const abbreviations: Record<string, string[]> = {
  spm: ['spoergsmaal'],
  kbh: ['koebenhavn'],
  cph: ['koebenhavn'],
  evt: ['eventuelt'],
  pga: ['paa', 'grund', 'af'],
  // office short forms of the programme's own words: "dl for FK-opgaverne", "klik opg", "hvilke kmn"
  dl: ['deadline'],
  dls: ['deadlines'],
  opg: ['opgave'],
  opgs: ['opgaver'],
  kmn: ['kommuner'],
  kommn: ['kommuner'],
  lev: ['leverandoer'],
  levs: ['leverandoerer'],
  mlm: ['mellem'],
  iflg: ['ifoelge'],
  ang: ['angaaende'],
  godk: ['godkend'],
  paabeg: ['paabegyndt'],
  igangs: ['igangsat'],
  selvst: ['selvstaendig'],
  mdr: ['maaneder'],
  tlf: ['telefonnummer'],
  tlfnr: ['telefonnummer'],

  kvt: ['kvartal'],
  sys: ['system'],
  inkl: ['inklusive'],
  hhv: ['henholdsvis'],
  // … and the English ones ("munis", "reqs")
  muni: ['municipality'],
  munis: ['municipalities'],
  req: ['requirement'],
  reqs: ['requirements'],
  dept: ['department'],
  mgr: ['manager'],
  mtg: ['meeting'],
  mtgs: ['meetings'],
  // chat spellings of small words, which would otherwise be words nothing knows
  nxt: ['next'],
  abt: ['about'],
  thier: ['their'],
  wat: ['what'],
  wht: ['what'],
  whn: ['when'],
  pls: ['please'],
  plz: ['please'],
  ppl: ['people'],
};

// å typed as a plain a ("hvad går trin 3 ud pa?", "Nar er fristen"): the folded å is "aa". Not a
// word in capitals: "SA" and "PA" are short forms.
const plainA: Record<string, string> = {
  pa: 'paa',
  sa: 'saa',
  ma: 'maa',
  fa: 'faa',
  ga: 'gaa',
  gar: 'gaar',
  nar: 'naar',
};

/** A word as it is read: a chat abbreviation written out, an å typed as a plain a put back. */
function writtenOut(part: string, word: string): string[] {
  // (own keys only: "constructor" is a word, not a property of the table)
  const abbreviation = Object.hasOwn(abbreviations, part) ? abbreviations[part] : undefined;
  if (abbreviation) return abbreviation;
  const aa = Object.hasOwn(plainA, part) ? plainA[part] : undefined;
  return aa && word !== word.toUpperCase() ? [aa] : [part];
}

// Phrases the material writes as one word or abbreviation: "single point of contact" is its "SPOC",
// and the glossary's English names of the support systems are their names ("access control"
// is Adgangsstyring; "access" or "message" alone means much else)
const phrases: [string[], string][] = [
  [['single', 'point', 'of', 'contact'], 'spoc'],
  [['single', 'points', 'of', 'contact'], 'spoc'],
  [['access', 'control'], 'adgangsstyring'],
  [['message', 'distributor'], 'beskedfordeler'],
  [['distribution', 'component'], 'fordelingskomponenten'],
  // "de fælles løsninger", "the shared components": the common support systems, said plainly
  [['faelles', 'loesninger'], 'stoettesystemer'],
  [['faelles', 'loesningerne'], 'stoettesystemerne'],
  [['faelles', 'komponenter'], 'stoettesystemer'],
  [['shared', 'components'], 'stoettesystemer'],
  [['shared', 'solutions'], 'stoettesystemer'],
  // "har ikke engang startet": not even is not ("engang" alone is "some day": "kommer der engang …?")
  [['ikke', 'engang'], 'ikke'],
  // "from which date …?", "fra hvilken dato …?" asks from when: the date is what is asked, not a
  // word the data must hold ("which date does the webinar run?" keeps its words, which find it)
  [['from', 'which', 'date'], 'when'],
  [['from', 'what', 'date'], 'when'],
  [['by', 'which', 'date'], 'when'],
  [['by', 'what', 'date'], 'when'],
  [['fra', 'hvilken', 'dato'], 'hvornaar'],
  [['inden', 'hvilken', 'dato'], 'hvornaar'],
  // "vi har ikke råd til …": cannot afford, no advice ("gode råd" are advice)
  [['ikke', 'raad', 'til'], 'ikke'],
  [['har', 'raad', 'til'], 'har'],
  // "type it in by hand": manually, as the material says it ("on the other hand" keeps its words)
  [['by', 'hand'], 'manually'],
];

// … and phrases that frame a question without saying what it asks, left out: "in a nutshell,
// what is Organisation?" is "what is Organisation?" (their words alone say something: "in", "put", "hvad")
const framing: string[][] = [
  ['in', 'a', 'nutshell'],
  ['simply', 'put'],
  ['put', 'simply'],
  ['kort', 'sagt'],
  ['kort', 'fortalt'],
  ['i', 'korte', 'traek'],
  ['uanset', 'hvad', 'det', 'er'],
  ['uanset', 'hvad'],
];

/** The tokens with each known phrase put as the material writes it, capitals following its first word. */
function joinPhrases(words: QueryWords): QueryWords {
  const tokens: string[] = [];
  const capitalised: boolean[] = [];
  const at = (index: number) => (parts: string[]) =>
    parts.every((part, offset) => words.tokens[index + offset] === part);
  for (let index = 0; index < words.tokens.length; index += 1) {
    const frame = framing.find(at(index));
    if (frame) {
      index += frame.length - 1;
      continue;
    }
    const phrase = phrases.find(([parts]) => at(index)(parts));
    tokens.push(phrase ? phrase[1] : words.tokens[index]!);
    capitalised.push(words.capitalised[index]!);
    if (phrase) index += phrase[0].length - 1;
  }
  return { tokens, capitalised };
}

// A question is a line or two; a pasted page is read when asked, never kept
const LONGEST_KEPT = 500;
const rememberedWords = remembering((text: string) => text, readWords, 64);

/**
 * The folded words of a question and which of them were written with a capital letter. The
 * understanding reads one question's words several times, so the last questions' words are
 * kept; each caller gets its own copy of the lists, which costs far less than reading them.
 */
export function queryWords(text: string): QueryWords {
  if (text.length > LONGEST_KEPT) return readWords(text);
  const kept = rememberedWords(text);
  return { tokens: [...kept.tokens], capitalised: [...kept.capitalised] };
}

// "we're", "they've": an English contraction is its two words ("re late" is no word of its own)
const contractions: Record<string, string> = { re: 'are', ve: 'have', ll: 'will', d: 'would' };
const contracted = /(?<=\p{L})['’´`](re|ve|ll|d)\b/giu;

function readWords(text: string): QueryWords {
  const raw = text
    .normalize('NFC')
    .replace(contracted, (_, ending: string) => ` ${contractions[ending.toLowerCase()] ?? ''}`)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const tokens: string[] = [];
  const capitalised: boolean[] = [];
  for (const word of raw) {
    // "bbbr", "kombbbit": no Danish or English word writes a letter three times running
    const folded = foldDanish(normalize(word).replace(/(\p{L})\1{2,}/gu, '$1$1'));
    // "trin2", "os2": a number written onto a word is a word of its own
    const parts = withoutAller(folded)
      .split(' ')
      .flatMap((part) => part.split(/(?<=\p{L})(?=\d)|(?<=\d)(?=\p{L})/u));
    for (const part of parts.filter(Boolean)) {
      for (const written of writtenOut(part, word)) {
        tokens.push(written);
        capitalised.push(/^\p{Lu}/u.test(word));
      }
    }
  }
  return joinPhrases(withoutNumberMarks({ tokens, capitalised }));
}

// "allerførste": the very first is the first ("allersidste frist" is a deadline's, left as it is)
const aller = /^aller(?=foerst)/;

function withoutAller(word: string): string {
  return word.replace(aller, '');
}

// "et antal brugere", "det samlede antal": a number of things, said, not asked
const saysANumberOf = new Set(['et', 'det', 'stort', 'stoerre', 'mindre', 'begraenset', 'vist', 'bestemt', 'samlede']);

/**
 * "trin nr. 3" is "trin 3"; "nr" alone asks a number ("nummer"); "antal ikke påbegyndt",
 * "antallet af grupper" ask how many, as questions ask it (not "et antal brugere").
 */
function withoutNumberMarks(words: QueryWords): QueryWords {
  const tokens: string[] = [];
  const capitalised: boolean[] = [];
  const push = (token: string, index: number) => {
    tokens.push(token);
    capitalised.push(words.capitalised[index]!);
  };
  words.tokens.forEach((token, index) => {
    const before = tokens.at(-1) ?? '';
    if (token === 'nr') {
      // (… and "tlf nr" is one telefonnummer)
      if (/^\d+$/.test(words.tokens[index + 1] ?? '') || before.endsWith('nummer')) return;
      push('nummer', index);
    } else if ((token === 'antal' || token === 'antallet') && !saysANumberOf.has(before)) {
      push('hvor', index);
      push('mange', index);
    } else push(token, index);
  });
  return { tokens, capitalised };
}
