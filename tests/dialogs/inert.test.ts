import { describe, expect, it } from 'vitest';
import { toMrkdwn } from '../../src/channels/slack/mrkdwn.js';
import { inert } from '../../dialogs/format-helpers.js';

describe('text a person typed, shown to others', () => {
  it('keeps ordinary words as they were typed', () => {
    expect(inert('Hvornår passer næste møde? (mandag eller tirsdag)')).toBe('Hvornår passer næste møde? (mandag eller tirsdag)');
  });

  it('reads the same but is never a link, however it is written', () => {
    const glued = ['xhttps://evil.example/pay', '_https://evil.example', '1https://evil.example', 'klik//evil.example', '<a href="//evil.example">x</a>'];
    for (const typed of ['[klik](https://evil.example)', '[klik] (http://evil.example)', 'se https://evil.example/x', 'www.evil.example', '[mail](mailto:a@evil.example)', ...glued]) {
      const shown = inert(typed);
      expect(shown.replaceAll('\u200B', '')).toBe(typed);
      expect(toMrkdwn(shown), typed).not.toMatch(/<(https?|mailto|www)/);
      expect(shown, typed).not.toMatch(/\]\s*\(|(https?|mailto):|www\.|\/\//);
    }
  });
});
