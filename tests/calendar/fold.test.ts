import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, refold, unfoldLines } from '../../src/calendar/fold.js';

const octets = (text: string) => Buffer.byteLength(text, 'utf8');

describe('folding content lines to 75 octets', () => {
  it('leaves a short line alone', () => {
    expect(foldLine('SUMMARY:Kommunedag')).toEqual(['SUMMARY:Kommunedag']);
    const exact = `X:${'a'.repeat(73)}`;
    expect(foldLine(exact)).toEqual([exact]);
  });

  it('folds by octets, not characters, and never splits a Danish letter or an emoji', () => {
    const line = `DESCRIPTION:${'æøå'.repeat(40)} 🗓️ ${'Å'.repeat(50)}`;
    const parts = foldLine(line);
    expect(parts.length).toBeGreaterThan(3);
    parts.forEach((part, index) => {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
      expect(part).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    });
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
    // a 2-octet letter that would be the 76th octet moves to the next line
    expect(foldLine(`X:${'a'.repeat(72)}æ`)).toEqual([`X:${'a'.repeat(72)}`, ' æ']);
  });

  it('refolds a calendar folded by characters (tab continuations too) into CRLF lines of at most 75 octets', () => {
    const folded = `BEGIN:VCALENDAR\r\nDESCRIPTION:${'ø'.repeat(60)}\r\n\t${'å'.repeat(60)}\r\nEND:VCALENDAR\r\n`;
    const text = refold(folded);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => octets(line) <= 75)).toBe(true);
    expect(unfoldLines(text)).toEqual([
      'BEGIN:VCALENDAR',
      `DESCRIPTION:${'ø'.repeat(60)}${'å'.repeat(60)}`,
      'END:VCALENDAR',
    ]);
  });

  it('escapes backslashes, semicolons, commas and line breaks as RFC 5545 text', () => {
    expect(escapeText('a\\b; c, d\r\ne\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });
});
