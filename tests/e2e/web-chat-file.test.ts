import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openChat, useChatBrowser } from '../support/browser.js';

async function type(page: Page, text: string): Promise<void> {
  const input = page.getByPlaceholder('Skriv et spørgsmål…');
  await input.fill(text);
  await input.press('Enter');
}

describe('an export in the local web chat: a file to save, not text', () => {
  const chat = useChatBrowser({ KLIKBOT_NOW: '2018-09-06T10:00:00+02:00' });

  it("'Hent CSV' on a closed poll gives a link that saves the CSV for a Danish Excel", async () => {
    const { page, trouble } = await openChat(chat.context!, chat.bot!.url);
    const log = page.getByRole('log');
    await type(page, 'afstemning: Frokost? | Pizza | Salat');
    const poll = log.locator('.entry-bot', { hasText: 'Frokost?' }).last();
    await poll.getByRole('button', { name: 'Salat' }).click();
    await log.locator('.entry-bot', { hasText: 'Din stemme' }).first().waitFor({ timeout: 10_000 });
    await poll.getByRole('button', { name: 'Luk afstemning' }).click();
    const csv = log.getByRole('button', { name: 'Hent CSV' }).last();
    await csv.waitFor({ timeout: 10_000 });
    await csv.click();

    const link = log.getByRole('link', { name: '⬇ Hent afstemning-frokost-2018-09-06.csv' });
    await link.waitFor({ timeout: 10_000 });
    const download = page.waitForEvent('download');
    await link.click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('afstemning-frokost-2018-09-06.csv');
    const stream = await saved.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(
      '\uFEFFSvarmulighed;Stemmer;Procent\r\nPizza;0;0\r\nSalat;1;100\r\n',
    );
    expect(trouble.errors).toEqual([]);
  });
});
