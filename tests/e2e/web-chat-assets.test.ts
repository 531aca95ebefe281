import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../support/bot-framework.js';

describe('the web chat files served by the bot', () => {
  let bot: Awaited<ReturnType<typeof startTestBot>>;

  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('serves the page at / as uncached HTML marked as the local test chat', async () => {
    const response = await fetch(`${bot.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const html = await response.text();
    expect(html).toContain('<title>klikbot — lokal webchat</title>');
    expect(html).toContain('aria-live="polite"');
  });

  it.each([
    ['app.js', 'text/javascript; charset=utf-8', 'deliveryMode'],
    ['markdown.js', 'text/javascript; charset=utf-8', 'renderMarkdown'],
    ['cards.js', 'text/javascript; charset=utf-8', 'renderAdaptiveCard'],
    ['styles.css', 'text/css; charset=utf-8', '.bubble'],
    ['adaptivecards.min.js', 'text/javascript; charset=utf-8', 'AdaptiveCards'],
    ['adaptivecards.css', 'text/css; charset=utf-8', '.ac-pushButton'],
  ])('serves /webchat/%s as %s', async (file, contentType, marker) => {
    const response = await fetch(`${bot.url}/webchat/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain(marker);
  });

  it.each([
    '..%2Fpackage.json',
    '..%2F..%2F..%2F..%2Fpackage.json',
    'web-chat.ts',
    'adaptivecards.js',
    'index.html',
    '%2Fetc%2Fpasswd',
  ])('answers 404 for /webchat/%s, which is not on the list', async (file) => {
    const response = await fetch(`${bot.url}/webchat/${file}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('"name"');
  });
});
