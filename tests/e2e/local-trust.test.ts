import { storedTextAt } from '../support/stored-text.js';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ask, messageActivity, startTestBot, visibleText } from '../support/bot-framework.js';

/** A request naming another host, as a page on a name rebound to 127.0.0.1 sends it (fetch will not set Host). */
function sendAs(url: string, host: string, method: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, headers: { host, 'content-type': 'application/json' } });
    sent.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

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

  it('answers only this machine: a request naming another host is refused before it is read, and changes nothing', async () => {
    const bot = await startTestBot();
    try {
      const claim = JSON.stringify(messageActivity('kommune Aarhus', { from: { id: 'rebound', name: 'Evil' } }));
      for (const host of ['evil.example', 'evil.example:3978', '127.0.0.1.evil.example']) {
        expect(await sendAs(`${bot.url}/api/messages`, host, 'POST', claim), host).toBe(403);
        expect(await sendAs(`${bot.url}/`, host, 'GET'), host).toBe(403);
        expect(await sendAs(`${bot.url}/webchat/app.js`, host, 'GET'), host).toBe(403);
      }
      expect(await storedTextAt(bot.statePath)).not.toContain('rebound');
      // this machine by any of its loopback names is answered
      expect(await sendAs(`${bot.url}/`, 'localhost:3978', 'GET')).toBe(200);
      expect(await sendAs(`${bot.url}/`, '[::1]:3978', 'GET')).toBe(200);
      expect(await sendAs(`${bot.url}/api/messages`, '127.0.0.1', 'POST', claim)).toBe(200);
    } finally {
      await bot.close();
    }
  });
});
