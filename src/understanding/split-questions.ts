/**
 * The questions in one message: "hvad hedder opgaven …, og hvornår er kommunedagen i Odense?"
 * is two. A message splits after a question mark followed by more words, or at "og" / "and"
 * (or a comma) right before a question word; each part must be a question of a few words.
 */
const askingWords =
  'hvad|hvem|hvornår|hvornaar|hvor|hvilke|hvilken|hvilket|hvordan|hvorfor|what|when|who|which|how|where|why';
const questionWords = `${askingWords}|er|skal|kan|is|are|does|do|can`;
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
const followUpTail = /^(?:by\s+|inden\s+)?(?:hvornår|hvornaar|when|hvem|who|hvor|where)\b[\s?]*$/iu;

// What a question is followed by that only tells why it is asked ("…? min chef vil have et tal",
// "…? jeg kunne ikke svare"): it opens with who tells
const telling = /^(?:jeg|vi|min|mit|mine|vores|han|hun|de|det|i|we|my|our|he|she|they|it)\b/iu;
// … and that asks nothing: no asking word or mark, no wish of the asker's own ("I want to know whether …")
const asksAnything = new RegExp(
  `\\?|\\b(?:${askingWords}|vil gerne|ville gerne|want|wanted|would like|wonder|undrer|spekulerer|need to know)\\b`,
  'iu',
);

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The message's questions, in order; one element when it asks one thing (without what only tells why). */
export function splitQuestions(text: string): string[] {
  const parts: string[] = [];
  let rest = text.trim().replace(leadIn, '');
  for (let match = joiner.exec(rest); match; match = joiner.exec(rest)) {
    const head = rest.slice(0, match.index + (match[0].startsWith('?') ? 1 : 0)).trim();
    const tail = rest.slice(match.index + match[0].length).trim();
    // "…, and by when?": a short question of its own about the same thing, kept as a follow-up ("and by when?")
    const shortFollowUp =
      wordCount(tail) < minimumWords && followUpTail.test(tail) && /^[,\s]*(og|and)\b/iu.test(match[0]);
    // "status og deadline for BBR" is one question: both sides must be questions of their own
    if (wordCount(head) < minimumWords || (wordCount(tail) < minimumWords && !shortFollowUp)) break;
    // (… and is no question to answer: the question before it is the message's)
    if (match[0].startsWith('?') && telling.test(tail) && !asksAnything.test(tail)) {
      rest = head;
      break;
    }
    parts.push(head);
    rest = shortFollowUp ? `${match[0].replace(/^[,\s]+/, '').trim()} ${tail}` : tail;
  }
  parts.push(rest);
  return parts.filter(Boolean);
}
