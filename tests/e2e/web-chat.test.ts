import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openChat, useChatBrowser } from '../support/browser.js';

const SCREENSHOT = path.join(tmpdir(), 'klikbot-webchat.png');

/** Whether the newest entry is visible down to its last line, above a composer still on screen. */
async function newestEntryInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const newest = document.querySelector('#log .entry:last-child')?.getBoundingClientRect();
    const composer = document.getElementById('composer')?.getBoundingClientRect();
    if (!newest || !composer) return false;
    return newest.bottom <= composer.top + 1 && composer.bottom <= window.innerHeight;
  });
}

describe('the local web chat in a real browser', () => {
  const chat = useChatBrowser({ KLIKBOT_NOW: '2018-09-06T10:00:00+02:00' });

  it('answers a typed question with a card, and a card button with a new reply', async () => {
    const { page, trouble } = await openChat(chat.context!, chat.bot!.url);
    await expect(page.title()).resolves.toBe('klikbot — lokal webchat');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('klikbot — lokal webchat');
    await expect(page.getByRole('button', { name: 'Hvilke deadlines kommer nu?' }).isVisible()).resolves.toBe(true);

    const input = page.getByPlaceholder('Skriv et spørgsmål…');
    await input.fill('hvornår er deadline for at udpege FK-ansvarlig?');
    await input.press('Enter');

    const log = page.getByRole('log');
    await expect(log.locator('.entry-user').last().textContent()).resolves.toBe(
      'Du: hvornår er deadline for at udpege FK-ansvarlig?',
    );
    const answer = log.locator('.entry-bot', { hasText: '1. november 2018' });
    await answer.waitFor({ timeout: 10_000 });
    // drawn by the Adaptive Cards renderer, with markdown applied rather than shown raw
    await expect(answer.locator('.ac-adaptiveCard').count()).resolves.toBe(1);
    await expect(answer.textContent()).resolves.not.toContain('**');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('question');
    await expect(input.inputValue()).resolves.toBe('');
    await expect(page.locator('#examples').isVisible()).resolves.toBe(false);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    const button = answer.locator('.ac-pushButton').first();
    const title = (await button.textContent())?.trim() ?? '';
    expect(title).not.toBe('');
    const botEntriesBefore = await log.locator('.entry-bot').count();
    await button.click();
    await expect(log.locator('.entry-user').last().textContent()).resolves.toBe(`Du: ${title}`);
    await log.locator('.entry-bot').nth(botEntriesBefore).waitFor({ timeout: 10_000 });
    const next = (await log.locator('.entry-bot').nth(botEntriesBefore).textContent()) ?? '';
    expect(next).not.toContain('Den knap kender jeg ikke');
    await expect(log.locator('.entry-error').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('question');
    await page.screenshot({ path: SCREENSHOT.replace('.png', '-after-button.png'), fullPage: true });
    expect(trouble.errors).toEqual([]);
    await page.close();
  });

  it('sends an example question when its chip is clicked, and keeps the newest answer in view', async () => {
    const { page, trouble } = await openChat(chat.context!, chat.bot!.url);
    await page.setViewportSize({ width: 900, height: 600 });
    await page.getByRole('button', { name: 'Hvilke deadlines kommer nu?' }).click();
    const log = page.getByRole('log');
    await log.locator('.entry-bot', { hasText: '20. september 2018' }).waitFor({ timeout: 10_000 });
    const input = page.getByPlaceholder('Skriv et spørgsmål…');
    await input.fill('hvornår er deadline for at udpege FK-ansvarlig?');
    await input.press('Enter');
    await log.locator('.entry-bot').nth(1).waitFor({ timeout: 10_000 });
    // two long answers overflow 600 px, so this only holds if the log scrolled to its end
    await expect(page.evaluate(() => document.getElementById('log')!.scrollHeight > window.innerHeight)).resolves.toBe(
      true,
    );
    await expect.poll(() => newestEntryInView(page)).toBe(true);
    expect(trouble.errors).toEqual([]);
    await page.close();
  });

  it("shows the bot's 400 answer in the chat, with its code and message", async () => {
    const { page } = await openChat(chat.context!, chat.bot!.url);
    const input = page.getByPlaceholder('Skriv et spørgsmål…');
    // longer than the bot accepts, so the real endpoint refuses it
    await input.fill('x'.repeat(10_001));
    await input.press('Enter');
    const error = page.getByRole('log').locator('.entry-error');
    await error.waitFor({ timeout: 10_000 });
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('400');
    expect(text).toContain('bad_request');
    expect(text).toContain('text');
    await page.close();
  });

  it('shows a network failure in the chat instead of hanging', async () => {
    const { page } = await openChat(chat.context!, chat.bot!.url);
    await page.route('**/api/messages', (route) => route.abort('connectionrefused'));
    const input = page.getByPlaceholder('Skriv et spørgsmål…');
    await input.fill('hjælp');
    await input.press('Enter');
    const error = page.getByRole('log').locator('.entry-error');
    await error.waitFor({ timeout: 10_000 });
    await expect(error.textContent()).resolves.toContain('Kunne ikke få svar fra klikbot');
    await expect(page.getByRole('status').textContent()).resolves.toBe('');
    await page.close();
  });
});
