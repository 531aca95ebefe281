import { stem } from '../stem.js';

/**
 * What klikbot never knows, whatever is named beside it: pay, prices and money spent, the
 * weather, food, people's private matters. A question about a salary that names a role is
 * still a question about a salary ("hvad tjener en FK-administrator?"). Folded stems.
 */
const outsideWords = [
  'loen',
  'loenn',
  'loenniveau',
  'tjener',
  'tjene',
  'tjent',
  'gage',
  'honorar',
  'salary',
  'salaries',
  'wage',
  'paid',
  'earn',
  'earns',
  'koster',
  'kostede',
  'pris',
  'priser',
  'prisen',
  'licens',
  'licensen',
  'licenser',
  'kroner',
  'kr',
  'betale',
  'betaler',
  'price',
  'prices',
  'cost',
  'costs',
  'licence',
  'license',
  'licences',
  'licenses',
  'fee',
  'fees',
  'charge',
  'charges',
  'charged',
  'pay',
  'pays',
  'payment',
  'vejr',
  'vejret',
  'weather',
  'regn',
  'regner',
  'rain',
  'raining',
  'sne',
  'sner',
  'snow',
  'temperatur',
  'temperaturen',
  'temperature',
  // travel and booking, which klikbot does not do for anyone
  'hotel',
  'hotellet',
  'overnatning',
  'taxa',
  'taxi',
  'bestille',
  'bestil',
  'booke',
  'book',
  'reservere',
  'frokost',
  'kaffe',
  'kantine',
  'lunch',
  'coffee',
  'ferie',
  'holiday',
  'parkering',
  'parking',
  'aktie',
  'aktier',
];
const outsideStems = new Set(outsideWords.map((word) => stem(word)));
// … and the compounds that end in them: "regnvejr", "månedsløn", "licensprisen"; tickets to travel
const outsideEnding =
  /.{3,}(vejr|vejret|loen|loennen|pris|prisen|priser|licens|licensen|weather)$|^(tog|fly|bus)billet/;

/** Whether a question's word is about something outside the programme's material. */
export function isOutsideWord(token: string): boolean {
  return outsideStems.has(stem(token)) || outsideEnding.test(token);
}

// "coffee break", "frokost pause": a break in a meeting, named by what is had in it
const breakWord = /^(pause|pausen|pauser|break|breaks)$/;

// klikbot's own opinion: "hvad synes du", "what do you think", "which would you pick"; a
// recommendation asked for is the material's, KOMBIT's ("which option would you recommend for …?")
const opinionVerb = /^(synes|mener|foretraekker|foretraekke|vaelge|think|prefer|choose|pick)$/;
const opinionOwner = /^(du|din|you|your)$/;
const opinionNoun = /^(mening|opinion|view|take)$/;

// … asked of klikbot itself: "synes du", "mener du" (but "hvad mener du med …?" asks what it
// meant), "would you pick", "ville du vælge", "do you think"; never "når du vælger B" or "if you choose B"
// (only where the choice is klikbot's own: "would you pick", "do you think"; "how do you choose",
// "kan du vælge at springe et trin over" ask what one may do)
const askedOfYou = /^(would|ville)$/;
const thinkingOfYou = /^(do|does|did)$/;

/** Whether the word at index asks klikbot what it thinks. */
function asksAnOpinion(tokens: string[], index: number): boolean {
  const token = tokens[index]!;
  const before = tokens[index - 1] ?? '';
  if (opinionNoun.test(token)) return opinionOwner.test(before);
  if (!opinionVerb.test(token)) return false;
  if (token === 'mener' && tokens[index + 2] === 'med') return false;
  const verbFirst = /^(synes|mener|foretraekker)$/.test(token) && opinionOwner.test(tokens[index + 1] ?? '');
  // ("ville du selv vælge": a word may stand between)
  const you = [1, 2].find((back) => opinionOwner.test(tokens[index - back] ?? ''));
  if (verbFirst || you === undefined) return verbFirst;
  const asker = tokens[index - you - 1] ?? '';
  return askedOfYou.test(asker) || (/^(think|prefer)$/.test(token) && thinkingOfYou.test(asker));
}

/** The question's words that are about something outside the material (a meal before "break" is the break). */
export function outsideWordsOf(tokens: string[]): string[] {
  return tokens.filter(
    (token, index) =>
      (isOutsideWord(token) && !breakWord.test(tokens[index + 1] ?? '')) || asksAnOpinion(tokens, index),
  );
}
