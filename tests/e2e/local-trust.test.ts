import { describe, expect, it } from 'vitest';
import { ask, startTestBot, visibleText } from '../support/bot-framework.js';

describe('who local mode trusts', () => {
  it('verifies a claim in the web chat on a loopback address, saying so', async () => {
    const bot = await startTestBot();
    try {
      const [joined] = await ask(bot.url, 'kommune Aarhus', { from: { id: 'local-user', name: 'Lokal bruger' } });
      expect(visibleText(joined!)).toContain(
        'Du hører nu til Aarhus Kommune (lokal tilstand: denne maskines ene person er betroet, så tilknytningen er bekræftet).',
      );
    } finally {
      await bot.close();
    }
  });

  it('trusts nobody when unauthenticated requests are let in from the network: the claim waits', async () => {
    const bot = await startTestBot({ HOST: '0.0.0.0', KLIKBOT_ALLOW_UNAUTHENTICATED: 'true' });
    try {
      const [claimed] = await ask(bot.url.replace('0.0.0.0', '127.0.0.1'), 'kommune Aarhus', {
        from: { id: 'someone', name: 'Someone' },
      });
      expect(visibleText(claimed!)).toContain('Du har bedt om at høre til Aarhus Kommune.');
    } finally {
      await bot.close();
    }
  });
});
