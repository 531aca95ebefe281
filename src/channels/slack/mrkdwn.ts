/**
 * Slack's mrkdwn from the light markdown the dialogs write (`**bold**`, `_italic_`, `- ` lines,
 * code fences, `[label](url)`), with every `&`, `<` and `>` of the text escaped first, so that
 * only the `<...>` this module writes itself can become a link or a mention.
 */

const FENCE = '```';
/** Fenced code, then inline code: their text is escaped but never reformatted. */
const CODE = /(```[\s\S]*?```|`[^`\n]+`)/;
/** A markdown link to a web or mail address, or a bare web address, in already escaped text. */
const LINK_OR_URL = /\[([^\]\n]+)\]\(((?:https?:\/\/|mailto:)[^\s()|]+)\)|https?:\/\/(?:(?!&[lg]t;)[^\s|])+/g;
const TRAILING_PUNCTUATION = /[.,;:!?*_'"]+$/;

/** Text with Slack's three control characters written as entities, as Slack asks. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A sentence's closing punctuation and an unbalanced ")" belong to the text, not to the address. */
function splitTrailing(url: string): [string, string] {
  let end = url.length;
  for (;;) {
    const head = url.slice(0, end);
    const punctuation = TRAILING_PUNCTUATION.exec(head);
    if (punctuation) {
      end -= punctuation[0].length;
      continue;
    }
    const unbalanced = head.endsWith(')') && head.split('(').length < head.split(')').length;
    if (!unbalanced) break;
    end -= 1;
  }
  return [url.slice(0, end), url.slice(end)];
}

function linkify(escaped: string): string {
  return escaped.replace(LINK_OR_URL, (match, label: string | undefined, target: string | undefined) => {
    if (label !== undefined && target !== undefined) return `<${target}|${label}>`;
    const [url, rest] = splitTrailing(match);
    return url.length > 'https://'.length ? `<${url}>${rest}` : match;
  });
}

/** Prose (no code): escaped, then bold, list bullets and links in mrkdwn. */
function proseToMrkdwn(text: string, atLineStart: boolean): string {
  const escaped = escapeMrkdwn(text);
  const bulleted = escaped.replace(/(^|\n)([ \t]*)- /g, (match, newline: string, indent: string, offset: number) =>
    offset === 0 && newline === '' && !atLineStart ? match : `${newline}${indent}• `,
  );
  const bold = bulleted.replace(/\*\*(?=\S)([^\n]*?\S)\*\*/g, '*$1*');
  return linkify(bold);
}

/** The dialogs' markdown as Slack mrkdwn, safe to send whatever data or users put in it. */
export function toMrkdwn(markdown: string): string {
  const parts = markdown.split(CODE);
  let atLineStart = true;
  let out = '';
  parts.forEach((part, index) => {
    // split() with a capture group puts the code parts at the odd indexes
    out += index % 2 === 1 ? escapeMrkdwn(part) : proseToMrkdwn(part, atLineStart);
    if (part.length > 0) atLineStart = part.endsWith('\n');
  });
  return out;
}

/** Markdown as plain text for `plain_text` objects (headers, button labels): one line, no markup. */
export function toPlainText(markdown: string): string {
  return markdown
    .replace(/\*\*(?=\S)([^\n]*?\S)\*\*/g, '$1')
    .replace(/\[([^\]\n]+)\]\((?:https?:\/\/|mailto:)[^\s()]+\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Where to cut at or before `cut` without splitting a surrogate pair. */
function codePointSafe(text: string, cut: number): number {
  const before = text.charCodeAt(cut - 1);
  return cut > 0 && before >= 0xd800 && before <= 0xdbff ? cut - 1 : cut;
}

/** Where to cut at or before `cut` without splitting an entity (`&amp;`) or a `<link|label>`. */
function markupSafe(text: string, cut: number): number {
  let safe = codePointSafe(text, cut);
  const amp = text.lastIndexOf('&', safe - 1);
  if (amp >= 0 && safe - amp < 6 && !text.slice(amp, safe).includes(';')) safe = amp;
  const open = text.lastIndexOf('<', safe - 1);
  // a link longer than the whole budget cannot be kept whole; cutting it beats an empty piece
  if (open > 0 && open > text.lastIndexOf('>', safe - 1)) safe = open;
  return safe;
}

function hasOpenFence(text: string): boolean {
  return text.split(FENCE).length % 2 === 0;
}

/** Plain text of at most `max` UTF-16 units, ending in "…" when cut. */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, codePointSafe(text, max - 1)).trimEnd()}…`;
}

/** mrkdwn of at most `max` UTF-16 units, ending in "…" when cut, with no broken entity, link or code fence. */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, markupSafe(text, max - 1 - FENCE.length - 1)).trimEnd();
  return hasOpenFence(head) ? `${head}…\n${FENCE}` : `${head}…`;
}

/** The index to break `text` at within `budget`: a line end, else a space, else a safe hard cut. */
function breakAt(text: string, budget: number): { end: number; skip: number } {
  for (const separator of ['\n', ' ']) {
    const at = text.lastIndexOf(separator, budget);
    if (at >= budget / 2) {
      const safe = markupSafe(text, at);
      return safe === at ? { end: at, skip: 1 } : { end: safe, skip: 0 };
    }
  }
  return { end: markupSafe(text, budget), skip: 0 };
}

/**
 * mrkdwn in pieces of at most `max` UTF-16 units, broken at line ends where it can; a code
 * fence open at a break is closed there and opened again in the next piece.
 */
export function splitMrkdwn(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  // room for the "\n```" that closes a fence open at the break
  const budget = max - FENCE.length - 1;
  while (rest.length > max) {
    const found = breakAt(rest, budget);
    // a piece must never be empty, or the loop would not advance
    const { end, skip } = found.end + found.skip > 0 ? found : { end: budget, skip: 0 };
    const head = rest.slice(0, end);
    rest = rest.slice(end + skip);
    if (hasOpenFence(head)) {
      pieces.push(`${head}\n${FENCE}`);
      rest = `${FENCE}\n${rest}`;
    } else if (head.trim().length > 0) {
      pieces.push(head);
    }
  }
  if (rest.trim().length > 0) pieces.push(rest);
  return pieces;
}
