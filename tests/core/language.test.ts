import { describe, expect, it } from 'vitest';
import { withLanguage } from '../../src/core/language.js';
import { forEveryone } from '../../src/core/own-copy.js';
import type { Reply } from '../../src/core/types.js';

const button = (title: string) => ({ title, action: { dialog: 'poll.vote', args: { option: 'a' } } });

describe('withLanguage', () => {
  it("gives the language to the buttons of a presser's own copy and of the shared card kept in it", () => {
    const shared: Reply = { text: 'Frokost?', buttons: [button('Pizza')], broadcast: true };
    const own: Reply = { ...shared, buttons: [button('✓ Pizza')], ownCopy: { shared, note: '✓ Din stemme: Pizza' } };
    const [answer] = withLanguage([own], 'en');
    expect(answer!.buttons?.[0]?.action.args).toEqual({ option: 'a', lang: 'en' });
    expect(forEveryone(answer!).buttons?.[0]).toEqual({
      title: 'Pizza',
      action: { dialog: 'poll.vote', args: { option: 'a', lang: 'en' } },
    });
    // a reply without a copy is the card for everyone as it is
    expect(forEveryone(shared)).toBe(shared);
  });
});
