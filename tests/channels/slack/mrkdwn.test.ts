import { describe, expect, it } from 'vitest';
import {
  escapeMrkdwn,
  splitMrkdwn,
  toMrkdwn,
  toPlainText,
  truncateMrkdwn,
  truncatePlain,
} from '../../../src/channels/slack/mrkdwn.js';

describe('markdown to Slack mrkdwn', () => {
  it('escapes &, < and > so that text can never mention anyone or link anywhere', () => {
    expect(escapeMrkdwn('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
    const out = toMrkdwn('Hej <@U0123ABC> og <!channel>, <!here|here> <#C1|x> <!subteam^S1> &amp;');
    expect(out).toBe(
      'Hej &lt;@U0123ABC&gt; og &lt;!channel&gt;, &lt;!here|here&gt; &lt;#C1|x&gt; &lt;!subteam^S1&gt; &amp;amp;',
    );
    expect(out).not.toMatch(/[<>]/);
    // a hand-written Slack link keeps its true address in view: the label cannot hide it
    expect(toMrkdwn('<https://evil.example|klik>')).toBe('&lt;<https://evil.example>|klik&gt;');
  });

  it('writes **bold** as *bold* and leaves _italic_ as it is', () => {
    expect(toMrkdwn('**3 af 98 kommuner** har fuldført trin 1 _Opret_.')).toBe(
      '*3 af 98 kommuner* har fuldført trin 1 _Opret_.',
    );
    expect(toMrkdwn('Deadline: **torsdag 1. november 2018** (om 56 dage).')).toBe(
      'Deadline: *torsdag 1. november 2018* (om 56 dage).',
    );
    // a lone pair of asterisks with nothing bold between them stays text
    expect(toMrkdwn('5 ** 2')).toBe('5 ** 2');
  });

  it('turns "- " lines into bullets, but not a dash inside a line', () => {
    expect(toMrkdwn('Trin:\n- Opret\n  - Test\nA - B')).toBe('Trin:\n• Opret\n  • Test\nA - B');
    expect(toMrkdwn('- først')).toBe('• først');
  });

  it('writes markdown links as <url|label> and links bare web addresses, after escaping', () => {
    expect(toMrkdwn('Se [Implementering & drift](https://share-komm.kombit.dk/p079/a?x=1&y=2).')).toBe(
      'Se <https://share-komm.kombit.dk/p079/a?x=1&amp;y=2|Implementering &amp; drift>.',
    );
    expect(toMrkdwn('Læs https://www.kombit.dk/programlederindsats. Eller (https://x.dk/a).')).toBe(
      'Læs <https://www.kombit.dk/programlederindsats>. Eller (<https://x.dk/a>).',
    );
    expect(toMrkdwn('https://da.wikipedia.org/wiki/KOMBIT_(selskab)')).toBe(
      '<https://da.wikipedia.org/wiki/KOMBIT_(selskab)>',
    );
  });

  it('does not let a markdown link carry a label with markup of its own out of the escaping', () => {
    // the label's "<" is escaped before the link is written, so it cannot close or open anything
    expect(toMrkdwn('[<!channel>](https://x.dk)')).toBe('<https://x.dk|&lt;!channel&gt;>');
    // only web and mail addresses become links
    expect(toMrkdwn('[klik](javascript:alert(1))')).toBe('[klik](javascript:alert(1))');
  });

  it('escapes code but does not reformat it', () => {
    const table = '```\n1 **Opret** <x> - a\n```';
    expect(toMrkdwn(`**Status**:\n${table}\n- efter`)).toBe('*Status*:\n```\n1 **Opret** &lt;x&gt; - a\n```\n• efter');
    expect(toMrkdwn('Skriv `**ja** & nej` - tak')).toBe('Skriv `**ja** &amp; nej` - tak');
  });

  it('gives plain text for headers and buttons: no markup, one line', () => {
    expect(toPlainText('**Udpeg FK-ADM**\nog [FK-ANSV](https://x.dk) & <b>')).toBe('Udpeg FK-ADM og FK-ANSV & <b>');
  });
});

describe('cutting mrkdwn to Slack limits', () => {
  it('truncates plain text with an ellipsis and keeps emoji whole', () => {
    expect(truncatePlain('abcdef', 6)).toBe('abcdef');
    expect(truncatePlain('abcdefg', 6)).toBe('abcde…');
    const cut = truncatePlain(`${'a'.repeat(4)}😀bc`, 6);
    expect(cut).toBe('aaaa…');
    expect(cut.length).toBeLessThanOrEqual(6);
  });

  it('truncates mrkdwn without breaking an entity, a link or a code block', () => {
    const entity = truncateMrkdwn(`${'a'.repeat(10)} &amp; ${'b'.repeat(20)}`, 17);
    expect(entity.length).toBeLessThanOrEqual(17);
    expect(entity).toBe(`${'a'.repeat(10)}…`);
    const link = truncateMrkdwn(`Se <https://www.kombit.dk/programlederindsats|siden> nu`, 30);
    expect(link).toBe('Se…');
    const code = truncateMrkdwn(`\`\`\`\n${'linje\n'.repeat(20)}\`\`\``, 40);
    expect(code.length).toBeLessThanOrEqual(40);
    expect(code.endsWith('…\n```')).toBe(true);
    expect(code.split('```')).toHaveLength(3);
  });

  it('splits long text at line ends into pieces within the limit, losing nothing', () => {
    const lines = Array.from({ length: 200 }, (_, index) => `Linje ${index} med lidt tekst`);
    const pieces = splitMrkdwn(lines.join('\n'), 500);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(500);
    expect(pieces.join('\n')).toBe(lines.join('\n'));
  });

  it('splits one long line at spaces, and a word with no spaces anywhere', () => {
    const words = Array.from({ length: 300 }, () => 'ord').join(' ');
    const pieces = splitMrkdwn(words, 100);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(100);
    expect(pieces.join(' ')).toBe(words);
    const blob = 'x'.repeat(250);
    expect(splitMrkdwn(blob, 100).join('')).toBe(blob);
  });

  it('closes a code block at a split and opens it again in the next piece', () => {
    const code = `\`\`\`\n${Array.from({ length: 50 }, (_, index) => `række ${index}`).join('\n')}\n\`\`\``;
    const pieces = splitMrkdwn(code, 120);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(120);
      expect(piece.startsWith('```')).toBe(true);
      expect(piece.endsWith('```')).toBe(true);
    }
  });

  it('never splits inside a link (one that fits in a piece) or an entity', () => {
    const text = `${'a '.repeat(40)}<https://www.kombit.dk/nyheder/tilmeld-dig|Tilmeld dig her> &amp; ${'b '.repeat(40)}`;
    // the link is 62 characters; a piece holds max - 4 (room to close a code block)
    for (const max of [66, 80, 90, 100, 120]) {
      for (const piece of splitMrkdwn(text, max)) {
        expect(piece.length).toBeLessThanOrEqual(max);
        expect(piece.split('<').length).toBe(piece.split('>').length);
        expect(piece).not.toMatch(/&(?![a-z]+;)/);
      }
    }
  });
});
