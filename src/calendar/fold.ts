/**
 * RFC 5545 §3.1: a content line should be at most 75 octets, longer ones folded by CRLF plus
 * one space, never splitting a multi-octet UTF-8 character. The `ics` library folds by
 * characters, so a line full of "æøå" ends up far over 75 octets; strict clients choke on that.
 */
const LIMIT = 75;

/** A text value escaped as RFC 5545 §3.3.11 asks, for the fields the `ics` library passes through as they are. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** The logical lines of an iCalendar text: folded continuations joined back on. */
export function unfoldLines(text: string): string[] {
  const lines: string[] = [];
  for (const physical of text.split('\r\n')) {
    const last = lines.length - 1;
    if ((physical.startsWith(' ') || physical.startsWith('\t')) && last >= 0) lines[last] += physical.slice(1);
    else lines.push(physical);
  }
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** One logical line folded into physical lines of at most 75 octets each (the leading space counts). */
export function foldLine(line: string): string[] {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > LIMIT) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts;
}

/** The whole calendar refolded to at most 75 octets a line, every line ended by CRLF. */
export function refold(text: string): string {
  return unfoldLines(text)
    .flatMap(foldLine)
    .map((line) => `${line}\r\n`)
    .join('');
}
