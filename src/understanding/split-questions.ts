/**
 * The questions in one message: "hvad hedder opgaven …, og hvornår er kommunedagen i Odense?"
 * is two. A message splits after a question mark followed by more words, or at "og" / "and"
 * (or a comma) right before a question word; each part must be a question of a few words.
 */
const questionWords =
  'hvad|hvem|hvornår|hvornaar|hvor|hvilke|hvilken|hvilket|hvordan|hvorfor|er|skal|kan|what|when|who|which|how|where|why|is|are|does|do|can';
const opensWithQuestionWord = new RegExp(`^(?:${questionWords})\\b`, 'iu');
const joiner = new RegExp(
  `(?:,\\s*|\\s+)(?:og|and|samt|plus|\\+)\\s+(?=(?:by\\s+|inden\\s+)?(?:${questionWords})\\b)|\\?\\s+(?=\\S)|;\\s*(?=\\S)|\\s\\+\\s+(?=\\S)`,
  'iu',
);
// "to ting: hvad …", "jeg kan ikke huske to ting: hvor …": a lead-in that only announces the questions
// (only a lead-in that speaks of questions: "afstemning: hvilken …?" is a command, not a lead-in)
const leadIn = new RegExp(
  `^[^?:]{0,100}\\b(?:ting|spørgsmål|spoergsmaal|spm|things|questions)\\s*:\\s+(?=(?:${questionWords})\\b)`,
  'iu',
);
const minimumWords = 3;
// A part that only tells why the message asks ("min chef spurgte i går", "I thought we hadn't
// started"): it opens with who tells, and has no asking word, no question mark and no wish of
// the asker's own ("I want to know whether …")
const telling = /^(?:jeg|vi|min|mit|mine|vores|han|hun|we|my|our|he|she|they)\b/iu;
const asksAnything =
  /\?|\b(?:hvad|hvem|hvornår|hvornaar|hvor|hvilke|hvilken|hvilket|hvordan|hvorfor|what|when|who|which|how|where|why|vil gerne|ville gerne|vil have|vil vide|brug for|skal bruge|savner|søger|leder efter|want|wanted|would like|wonder|undrer|spekulerer|mangler|need|needs|looking for)\b/iu;

/** Whether a part of a message only tells, and asks nothing. */
export function onlyTells(part: string): boolean {
  return telling.test(part.trim()) && !asksAnything.test(part);
}
const followUpTail = /^(?:by\s+|inden\s+)?(?:hvornår|hvornaar|when|hvem|who|hvor|where)\b[\s?]*$/iu;

/** The first joiner at or after `from`, with its index in the whole text. */
function nextJoiner(text: string, from: number): RegExpExecArray | null {
  const match = joiner.exec(text.slice(from));
  if (match) match.index += from;
  return match;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The message's questions, in order; one element when it asks one thing. */
export function splitQuestions(text: string): string[] {
  const parts: string[] = [];
  let rest = text.trim().replace(leadIn, '');
  // (where to look for the next joiner: past a "+" that only joined two nouns)
  let from = 0;
  for (let match = nextJoiner(rest, from); match; match = nextJoiner(rest, from)) {
    const head = rest.slice(0, match.index + (match[0].startsWith('?') ? 1 : 0)).trim();
    const tail = rest
      .slice(match.index + match[0].length)
      .replace(/^\+\s*/u, '')
      .trim();
    // "the sheet that maps each system to the support systems + interfaces …": a "+" joins two
    // questions only after one that asks
    if (match[0].trim() === '+' && !asksAnything.test(head) && !opensWithQuestionWord.test(tail)) {
      from = match.index + match[0].length;
      continue;
    }
    // "…, and by when?": a short question of its own about the same thing, kept as a follow-up ("and by when?")
    const shortFollowUp =
      wordCount(tail) < minimumWords && followUpTail.test(tail) && /^[,\s]*(og|and)\b/iu.test(match[0]);
    // "status og deadline for BBR" is one question: both sides must be questions of their own
    if (wordCount(head) < minimumWords || (wordCount(tail) < minimumWords && !shortFollowUp)) break;
    parts.push(head);
    rest = shortFollowUp ? `${match[0].replace(/^[,\s]+/, '').trim()} ${tail}` : tail;
    from = 0;
  }
  parts.push(rest);
  return parts.filter(Boolean).flatMap(stepsApart);
}

// "trin 2 og 3", "steps 1, 2 and 4", "trin 2+3": several steps of one task said in one go. A step
// is one digit, and no date: "trin 4 og 1. november", "trin 5 og 1/11", "trin 1 og 2018" name one step
const months =
  'januar|january|jan|februar|february|feb|marts|march|mar|april|apr|maj|may|juni|june|jun|juli|july|jul|' +
  'august|aug|september|sept|sep|oktober|october|okt|oct|november|nov|december|dec';
const oneStep = String.raw`\d(?!\d)(?!\s*[./-]\s*\d)(?!\.?\s*(?:${months})\b)`;
const severalSteps = new RegExp(
  String.raw`\b(trin|steps?|skridt)\s+(${oneStep})((?:\s*(?:,|og|and|&|\+)\s*${oneStep})+)`,
  'iu',
);

/**
 * "status på BBR trin 2 og 3", "what are steps 1 and 4 of BBR?": one question asked of each
 * step, as each step has its own answer (its own counts, its own words).
 */
function stepsApart(question: string): string[] {
  const found = severalSteps.exec(question);
  if (!found) return [question];
  const word = found[1]!.toLowerCase() === 'steps' ? found[1]!.slice(0, -1) : found[1]!;
  const numbers = [found[2]!, ...(found[3]!.match(/\d+/g) ?? [])];
  return [...new Set(numbers)].map((number) => question.replace(found[0], `${word} ${number}`));
}
