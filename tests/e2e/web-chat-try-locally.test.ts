import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserSkipReason, hasChromium, launchBrowser, openChat, type PageTrouble } from '../support/browser.js';
import { spawnBot, waitForListening, type ChildBot } from '../support/child-bot.js';

/** Where the screenshots are kept for a person to look at after the run (git-ignored). */
const ARTIFACTS = path.resolve('test-artifacts');

/** `npm start` builds first: on a busy two-core machine that can take a while the first time. */
const START_TIMEOUT_MS = 180_000;
const ANSWER_TIMEOUT_MS = 15_000;

/** Types a message into the composer and sends it. */
async function say(page: Page, text: string): Promise<void> {
  const input = page.getByPlaceholder('Skriv et spørgsmål…');
  await input.fill(text);
  await input.press('Enter');
}

/** Whether the element's last line is inside the log's visible part: nothing of it cut off below. */
async function endInView(log: Locator, element: Locator): Promise<boolean> {
  const [box, view] = await Promise.all([element.boundingBox(), log.boundingBox()]);
  return box !== null && view !== null && box.y + box.height <= view.y + view.height + 1;
}

/** Chooses who types in the group chat. */
async function typeAs(page: Page, name: string): Promise<void> {
  await page.getByLabel('Skriver som').selectOption({ label: name });
  await expect.poll(() => page.locator('#identity').textContent()).toContain(`Skriver som ${name} i gruppechatten`);
}

describe('trying klikbot on one machine: started with npm start, in a real browser', () => {
  let bot: ChildBot | undefined;
  let url = '';
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let stateDir = '';

  beforeEach((ctx) => {
    ctx.skip(!hasChromium, browserSkipReason);
  });

  beforeAll(async () => {
    if (!hasChromium) return;
    stateDir = await mkdtemp(path.join(tmpdir(), 'klikbot-try-'));
    await mkdir(ARTIFACTS, { recursive: true });
    bot = spawnBot(
      {
        KLIKBOT_DB: path.join(stateDir, 'state.json'),
        // two days before the 1 November deadlines: their last reminders go out on 31 October at 09:00
        KLIKBOT_NOW: '2018-10-30T10:00:00+01:00',
      },
      { command: 'npm', args: ['start'] },
    );
    url = await waitForListening(bot, START_TIMEOUT_MS);
    browser = await launchBrowser();
  }, START_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    await browser?.close();
    // npm's own PID, as a service manager would signal it: klikbot stops with it
    bot?.process.kill('SIGTERM');
    await bot?.exited;
    if (stateDir) await rm(stateDir, { recursive: true, force: true });
  });

  let page: Page;
  let trouble: PageTrouble;

  it('asks the name once, subscribes to reminders, and shows the 1 November reminders after "Næste dag"', async () => {
    ({ page, trouble } = await openChat(browser!.context, url));
    await page.locator('body[data-live="open"]').waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await expect(page.locator('#clock-now').textContent()).resolves.toContain('tirsdag 30. oktober 2018');

    await page.getByLabel(/Hvad hedder du\?/).fill('Mette');
    await page.getByRole('button', { name: 'Gem navn' }).click();
    await expect(page.locator('#name-form').isHidden()).resolves.toBe(true);
    await expect(page.locator('#identity').textContent()).resolves.toContain('Skriver som Mette');

    await say(page, 'mind os om deadlines');
    const log = page.getByRole('log');
    const subscribed = log.locator('.entry-bot', { hasText: 'Jeg minder dig om alle deadlines her' });
    await subscribed.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await expect(log.textContent()).resolves.not.toContain('Jeg kan ikke skrive her af mig selv');

    await page.getByRole('button', { name: 'Næste dag' }).click();
    const pushed = log.locator('.entry-pushed');
    await pushed.filter({ hasText: 'I morgen: Udpeg FK-ADM og FK-ANSV' }).waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await pushed.filter({ hasText: 'I morgen: BBR kun via Adgangsstyring' }).waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await expect(pushed.count()).resolves.toBe(2);
    await expect(pushed.first().textContent()).resolves.toContain('klikbot skrev af sig selv i din chat med klikbot');
    await expect.poll(() => page.locator('#clock-now').textContent()).toContain('onsdag 31. oktober 2018 kl. 09.00');
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-chat-reminders-next-day.png'), fullPage: true });

    // the reminder's own buttons answer in the chat it came to, as its person
    const reminder = pushed.filter({ hasText: 'Udpeg FK-ADM og FK-ANSV' });
    await reminder.getByRole('button', { name: 'Mind mig i morgen' }).click();
    await log
      .locator('.entry-bot', { hasText: /i morgen|torsdag 1\. november/i })
      .last()
      .waitFor();
    await expect(log.locator('.entry-error').count()).resolves.toBe(0);
  });

  it('shows two status forms side by side, each dropdown saying what to choose while nothing is', async () => {
    const log = page.getByRole('log');
    await say(page, 'kommune Aarhus');
    await log
      .locator('.entry-bot', { hasText: 'Du hører nu til Aarhus Kommune' })
      .waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await say(page, 'opdater status');
    await say(page, 'opdater status');
    const forms = log.locator('.entry-bot', { hasText: 'vælg opgave og status, og gem' });
    await forms.nth(1).getByRole('combobox', { name: 'Status' }).waitFor({ timeout: ANSWER_TIMEOUT_MS });
    const shown = (name: string) =>
      forms
        .last()
        .getByRole('combobox', { name })
        .evaluate((select: HTMLSelectElement) => select.options[select.selectedIndex]?.text);
    await expect(shown('Status')).resolves.toBe('Vælg status');
    await expect(shown('Opgave')).resolves.toBe('Vælg opgave');
    // the typing indicator is the page's one status
    await expect(page.getByRole('status').count()).resolves.toBe(1);
  });

  it('runs a poll as three people in a group chat, and scrolls its grown result into view', async () => {
    const log = page.getByRole('log');
    await page.getByRole('checkbox', { name: 'Gruppechat' }).check();
    for (const name of ['Jens', 'Sofie']) {
      await page.getByPlaceholder('Navn på en person mere').fill(name);
      await page.getByRole('button', { name: 'Tilføj person' }).click();
    }
    await expect(page.getByLabel('Skriver som').locator('option').allTextContents()).resolves.toEqual([
      'Mette',
      'Jens',
      'Sofie',
    ]);

    await say(page, 'afstemning: Er I klar til SAPA? | Ja | Nej | Ved ikke');
    const poll = log.locator('.entry-bot', { hasText: 'Er I klar til SAPA?' }).last();
    await poll.getByRole('button', { name: 'Luk afstemning' }).waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await expect(log.locator('.entry-user .speaker').last().textContent()).resolves.toBe('Mette: ');

    const votes: [string, string, string][] = [
      ['Jens', 'Ja', '1 stemme'],
      ['Sofie', 'Nej', '2 stemmer'],
      ['Mette', 'Ja', '3 stemmer'],
    ];
    for (const [who, choice, count] of votes) {
      await typeAs(page, who);
      await poll.getByRole('button', { name: choice, exact: true }).click();
      await poll
        .getByText(new RegExp(`${count}\\b`))
        .first()
        .waitFor({ timeout: ANSWER_TIMEOUT_MS });
    }
    // someone who did not ask cannot close it; the one who asked can
    await typeAs(page, 'Jens');
    await poll.getByRole('button', { name: 'Luk afstemning' }).click();
    await poll.locator('.card-note').waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await typeAs(page, 'Mette');
    await poll.getByRole('button', { name: 'Luk afstemning' }).click();
    const result = poll.getByText(/Lukket · 3 stemmer/);
    await result.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    await expect(poll.textContent()).resolves.toMatch(/Ja: [█░]+ 2 \(67 %\)/);
    await expect(poll.textContent()).resolves.toMatch(/Nej: [█░]+ 1 \(33 %\)/);
    await expect.poll(() => endInView(log, poll.locator('.card-slot'))).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-chat-group-poll.png'), fullPage: true });

    // every id on the page is used once, the cards' included
    const repeated = await page.evaluate(() => {
      const ids = Array.from(document.querySelectorAll('[id]'), (element) => element.id);
      return ids.filter((id, index) => ids.indexOf(id) !== index);
    });
    expect(repeated).toEqual([]);
    await expect(log.locator('.entry-error').count()).resolves.toBe(0);
    expect(trouble.errors).toEqual([]);
  });
});
