import type { Reply } from './types.js';

/**
 * The plain sentences of a Reply for where no Markdown is drawn: a notification (Teams'
 * `summary`, Slack's `text`, which phones show as typed) and a screen reader (an Adaptive
 * Card's `speak`). The dialogs write light Markdown (`**bold**`, `_title_`, `- ` lines,
 * `[label](url)`, code fences); read aloud or shown raw, its markers are noise.
 */

/** Characters that end a sentence, with what may close it after them (a bracket, a quote). */
const ENDS_SENTENCE = /[.!?…][)»"'”]*$/;

/** A fenced block's markers, and inline code's backticks. */
const FENCE = /^```\w*$/;
const INLINE_CODE = /`([^`\n]+)`/g;
/** A Markdown link: its label is what is read; the address is behind it on the card. */
const LINK = /\[([^\]\n]+)\]\([^\s)]+\)/g;
const BOLD = /\*\*(?=\S)([^\n]*?\S)\*\*/g;
/** `_title_` and `*title*` as a whole word or words, never an underscore inside a word (snake_case). */
const UNDERSCORE = /(^|[\s(«"'/])_(?=\S)([^_\n]*?\S)_(?=$|[\s.,;:!?)»"'/])/g;
const STAR = /(^|[\s(«"'/])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s.,;:!?)»"'/])/g;
const BULLET = /^[-•]\s+/;
/** " · " between the parts of a status line reads as a pause, not as "middle dot". */
const MIDDLE_DOT = /\s+·\s+/g;

/** One line of the dialogs' Markdown with its markers removed. */
function plainLine(line: string): string {
  return line
    .replace(INLINE_CODE, '$1')
    .replace(LINK, '$1')
    .replace(BOLD, '$1')
    .replace(UNDERSCORE, '$1$2')
    .replace(STAR, '$1$2')
    .replace(MIDDLE_DOT, ', ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Piece {
  text: string;
  item: boolean;
  /** A line of a code block (a CSV): its words are data, never given a capital. */
  code: boolean;
}

function piecesOf(markdown: string): Piece[] {
  const pieces: Piece[] = [];
  let inFence = false;
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (FENCE.test(line)) inFence = !inFence;
    else if (inFence) pieces.push({ text: line, item: false, code: true });
    else pieces.push({ item: BULLET.test(line), text: plainLine(line.replace(BULLET, '')), code: false });
  }
  return pieces.filter((piece) => piece.text.length > 0);
}

/** A line that starts a new sentence starts with a capital ("inden 20. september …" in a list of deadlines). */
function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('da') + text.slice(1);
}

/** The pieces as one run of sentences: a list after a colon reads "…: a; b; c.", other lines end in a full stop. */
function joined(pieces: Piece[]): string {
  let out = '';
  let previous: Piece | undefined;
  for (const piece of pieces) {
    if (!previous) out = piece.text;
    else if (out.endsWith(':')) out += ` ${piece.text}`;
    else if (piece.item && previous.item && !ENDS_SENTENCE.test(out)) out += `; ${piece.text}`;
    else out += `${ENDS_SENTENCE.test(out) ? '' : '.'} ${piece.code ? piece.text : capitalised(piece.text)}`;
    previous = piece;
  }
  if (out.endsWith(':')) return `${out.slice(0, -1)}.`;
  return out && !ENDS_SENTENCE.test(out) ? `${out}.` : out;
}

/** Markdown as plain sentences on one line: no markers, list lines joined, each sentence closed. */
export function plainSentences(markdown: string): string {
  return joined(piecesOf(markdown));
}

/** What a notification shows: the reply's one-sentence summary where it has one, else its whole text, plain. */
export function notificationText(reply: Reply): string {
  return plainSentences(reply.summary ?? reply.text);
}

/** What a screen reader reads for a card: the reply's whole standalone text, plain. */
export function spokenText(reply: Reply): string {
  return plainSentences(reply.text);
}
