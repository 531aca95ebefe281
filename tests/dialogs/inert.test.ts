import { describe, expect, it } from 'vitest';
import { toMrkdwn } from '../../src/channels/slack/mrkdwn.js';
import { inert, LOOK_ALIKES } from '../../dialogs/shared/text.js';

/** What a person reads: the invisible breaks gone, the look-alike markers read as what was typed. */
function read(shown: string): string {
  const typed = Object.fromEntries(Object.entries(LOOK_ALIKES).map(([marker, alike]) => [alike, marker]));
  return shown.replaceAll('\u200B', '').replace(/[\u2217\u02CD\u223C\u02CB]/g, (alike) => typed[alike]!);
}

describe('text a person typed, shown to others', () => {
  it('keeps ordinary words as they were typed', () => {
    expect(inert('Hvornår passer næste møde? (mandag eller tirsdag)')).toBe(
      'Hvornår passer næste møde? (mandag eller tirsdag)',
    );
  });

  it('reads the same but is never a link, however it is written', () => {
    const glued = [
      'xhttps://evil.example/pay',
      '_https://evil.example',
      '1https://evil.example',
      'klik//evil.example',
      '<a href="//evil.example">x</a>',
    ];
    for (const typed of [
      '[klik](https://evil.example)',
      '[klik] (http://evil.example)',
      'se https://evil.example/x',
      'www.evil.example',
      '[mail](mailto:a@evil.example)',
      ...glued,
    ]) {
      const shown = inert(typed);
      expect(read(shown)).toBe(typed);
      expect(toMrkdwn(shown), typed).not.toMatch(/<(https?|mailto|www)/);
      expect(shown, typed).not.toMatch(/\]\s*\(|(https?|mailto):|www\.|\/\//);
    }
  });

  it('never formats: emphasis, strike-through and code markers stay as typed characters', () => {
    for (const typed of ['*fed*', '**fed**', '_kursiv_', '~slettet~', '`kode`', '<at>Mette</at> *vigtigt*']) {
      const shown = inert(typed);
      expect(read(shown)).toBe(typed);
      expect(shown, typed).not.toMatch(/[*_~`]/);
      expect(toMrkdwn(shown), typed).not.toMatch(/[*_~`]/);
    }
  });
});
