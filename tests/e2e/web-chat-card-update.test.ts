import type { Locator, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openChat, useChatBrowser } from '../support/browser.js';

/** The parts of an activity the page posts that these tests look at. */
interface SentActivity {
  type: string;
  name?: string;
  text?: string;
  value?: { action?: { type?: string; verb?: string; data?: unknown }; trigger?: string };
}

/** The answer to an invoke in an expectReplies body, as the bot sends it. */
function invokeAnswer(statusCode: number, type: string, value: unknown): Record<string, unknown> {
  return { type: 'invokeResponse', value: { status: 200, body: { statusCode, type, value } } };
}

function sentActivity(route: Route): SentActivity {
  return JSON.parse(route.request().postData() ?? '{}') as SentActivity;
}

/** Every invoke the page posts, in order. */
function recordInvokes(page: Page): SentActivity[] {
  const invokes: SentActivity[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/messages')) return;
    const activity = JSON.parse(request.postData() ?? '{}') as SentActivity;
    if (activity.type === 'invoke') invokes.push(activity);
  });
  return invokes;
}

/** Asks for the role gallery and returns its entry, once the card is drawn. */
async function openGallery(page: Page): Promise<Locator> {
  const input = page.getByPlaceholder('Skriv et spørgsmål…');
  await input.fill('vis rollegalleriet');
  await input.press('Enter');
  const entry = page.getByRole('log').locator('.entry-bot').first();
  await entry.getByRole('button', { name: 'Vis projekt- og programroller' }).waitFor({ timeout: 10_000 });
  return entry;
}

describe('card buttons that replace their card (Action.Execute) in the local web chat', () => {
  const chat = useChatBrowser({ KLIKBOT_NOW: '2018-09-06T10:00:00+02:00' });

  it("redraws the role gallery in the same entry, and the new card's buttons work too", async () => {
    const { page, trouble } = await openChat(chat.context!, chat.bot!.url);
    const invokes = recordInvokes(page);
    const log = page.getByRole('log');
    const gallery = await openGallery(page);
    const galleryElement = await gallery.elementHandle();

    await gallery.getByRole('button', { name: 'Vis projekt- og programroller' }).click();
    await gallery.getByRole('button', { name: 'Om Projektejer' }).waitFor({ timeout: 10_000 });
    // the very element that held the gallery now holds the project roles, and nothing was added
    await expect(
      galleryElement.evaluate((element) => element.isConnected && element.textContent.includes('Om Projektejer')),
    ).resolves.toBe(true);
    await expect(gallery.getByRole('button', { name: 'Vis projekt- og programroller' }).count()).resolves.toBe(0);
    await expect(log.locator('.entry-bot').count()).resolves.toBe(1);
    await expect(log.locator('.entry-user').count()).resolves.toBe(1);
    expect(invokes).toHaveLength(1);
    expect(invokes[0]).toMatchObject({
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'role-list',
          data: { klikbot: { dialog: 'role-list', args: { category: 'project' }, replacesCard: true } },
        },
        trigger: 'manual',
      },
    });

    await gallery.getByRole('button', { name: 'Vis organisatoriske roller' }).click();
    await gallery.getByRole('button', { name: 'Om Gevinstejer' }).waitFor({ timeout: 10_000 });
    await expect(gallery.getByRole('button', { name: 'Om Projektejer' }).count()).resolves.toBe(0);
    await expect(log.locator('.entry-bot').count()).resolves.toBe(1);
    await expect(page.getByRole('status').textContent()).resolves.toBe('');

    // an Action.Submit on the redrawn card still asks as the person and answers in a new entry
    await gallery.getByRole('button', { name: 'Om Gevinstejer' }).click();
    await expect(log.locator('.entry-user').last().textContent()).resolves.toBe('Du: Om Gevinstejer');
    await log.locator('.entry-bot').nth(1).waitFor({ timeout: 10_000 });
    await expect(log.locator('.entry-bot').nth(1).textContent()).resolves.toContain('Gevinstejer');
    await expect(gallery.getByRole('button', { name: 'Om Gevinstejer' }).isVisible()).resolves.toBe(true);
    expect(invokes).toHaveLength(2);
    await expect(log.locator('.entry-error, .card-note').count()).resolves.toBe(0);
    expect(trouble.errors).toEqual([]);
    await page.close();
  });

  it("shows the bot's refusal of an unreadable button under the card, which stays usable", async () => {
    const { page } = await openChat(chat.context!, chat.bot!.url);
    const gallery = await openGallery(page);
    // as a card from an older klikbot would send: the real bot answers 400 in the invoke response
    await page.route('**/api/messages', async (route) => {
      const activity = sentActivity(route);
      if (activity.type !== 'invoke' || !activity.value?.action) return route.continue();
      activity.value.action.data = { klikbot: 'from an older card' };
      return route.continue({ postData: JSON.stringify(activity) });
    });

    await gallery.getByRole('button', { name: 'Vis tekniske roller' }).click();
    const note = gallery.locator('.card-note');
    await note.waitFor({ timeout: 10_000 });
    await expect(note.textContent()).resolves.toContain('Den knap kender jeg ikke');
    await expect(gallery.getByRole('button', { name: 'Vis tekniske roller' }).isEnabled()).resolves.toBe(true);
    await expect(page.getByRole('log').locator('.entry-bot').count()).resolves.toBe(1);
    await expect(page.getByRole('log').locator('.entry-error').count()).resolves.toBe(0);

    await page.unroute('**/api/messages');
    await gallery.getByRole('button', { name: 'Vis tekniske roller' }).click();
    await gallery.getByRole('button', { name: 'Om It-/digitaliseringschef' }).waitFor({ timeout: 10_000 });
    await expect(note.count()).resolves.toBe(0);
    await page.close();
  });

  it('keeps a pressed card from being pressed again until its answer is in, and shows a failed turn under it', async () => {
    const { page } = await openChat(chat.context!, chat.bot!.url);
    const invokes = recordInvokes(page);
    const gallery = await openGallery(page);
    let release: () => void = () => undefined;
    const answerMayCome = new Promise<void>((resolve) => {
      release = resolve;
    });
    const message = 'Beklager, noget gik galt hos mig. Prøv igen, eller skriv til mbprogrammet@kombit.dk.';
    await page.route('**/api/messages', async (route) => {
      if (sentActivity(route).type !== 'invoke') return route.continue();
      await answerMayCome;
      const body = { activities: [invokeAnswer(500, 'application/vnd.microsoft.error', { code: 'unknown', message })] };
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    });

    const pressed = gallery.getByRole('button', { name: 'Vis tekniske roller' });
    await pressed.click();
    await expect.poll(() => gallery.locator('button:enabled').count()).toBe(0);
    await expect(gallery.locator('button').count()).resolves.toBe(3);
    await expect(page.getByRole('status').textContent()).resolves.toBe('klikbot skriver…');
    await pressed.click({ force: true });
    await gallery.getByRole('button', { name: 'Vis organisatoriske roller' }).click({ force: true });

    release();
    const note = gallery.locator('.card-note');
    await note.waitFor({ timeout: 10_000 });
    await expect(note.textContent()).resolves.toBe(message);
    await expect.poll(() => gallery.locator('button:enabled').count()).toBe(3);
    await expect(page.getByRole('status').textContent()).resolves.toBe('');
    expect(invokes).toHaveLength(1);
    await expect(page.getByRole('log').locator('.entry-user').count()).resolves.toBe(1);
    await page.close();
  });

  it('adds the messages that come with a new card as new entries after it', async () => {
    const { page, trouble } = await openChat(chat.context!, chat.bot!.url);
    const gallery = await openGallery(page);
    const extra = {
      type: 'message',
      text: 'Rollerne kan ændre sig, når udkastet bliver endeligt.',
      textFormat: 'markdown',
    };
    await page.route('**/api/messages', async (route) => {
      if (sentActivity(route).type !== 'invoke') return route.continue();
      const response = await route.fetch();
      const body = (await response.json()) as { activities: unknown[] };
      return route.fulfill({ response, json: { activities: [...body.activities, extra] } });
    });

    await gallery.getByRole('button', { name: 'Vis projekt- og programroller' }).click();
    const log = page.getByRole('log');
    await log.locator('.entry-bot').nth(1).waitFor({ timeout: 10_000 });
    await expect(gallery.getByRole('button', { name: 'Om Projektejer' }).isVisible()).resolves.toBe(true);
    await expect(log.locator('.entry-bot').nth(1).textContent()).resolves.toContain(extra.text);
    await expect(log.locator('.entry-bot').count()).resolves.toBe(2);
    await expect(log.locator('.entry-user').count()).resolves.toBe(1);
    expect(trouble.errors).toEqual([]);
    await page.close();
  });
});
