/**
 * The questions in one message: "hvad hedder opgaven …, og hvornår er kommunedagen i Odense?"
 * is two. A message splits after a question mark followed by more words, or at "og" / "and"
 * (or a comma) right before a question word; each part must be a question of a few words.
 */
const questionWords = 'hvad|hvem|hvornår|hvornaar|hvor|hvilke|hvilken|hvilket|hvordan|hvorfor|er|skal|kan|what|when|who|which|how|where|why|is|are|does|do|can';
const joiner = new RegExp(`(?:,\\s*|\\s+)(?:og|and|samt|plus)\\s+(?=(?:${questionWords})\\b)|\\?\\s+(?=\\S)|;\\s*(?=\\S)`, 'iu');
const minimumWords = 3;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The message's questions, in order; one element when it asks one thing. */
export function splitQuestions(text: string): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  for (let match = joiner.exec(rest); match; match = joiner.exec(rest)) {
    const head = rest.slice(0, match.index + (match[0].startsWith('?') ? 1 : 0)).trim();
    const tail = rest.slice(match.index + match[0].length).trim();
    // "status og deadline for BBR" is one question: both sides must be questions of their own
    if (wordCount(head) < minimumWords || wordCount(tail) < minimumWords) break;
    parts.push(head);
    rest = tail;
  }
  parts.push(rest);
  return parts.filter(Boolean);
}
