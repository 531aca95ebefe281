import type { BrowserContext, Locator, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openChat, useChatBrowser } from '../support/browser.js';

/** The parts of an activity the page posts that these tests look at. */
interface SentActivity {
  type: string;
  name?: string;
  text?: string;
  value?: Record<string, unknown>;
}

const STEP_3 = 'BBR på Adgangsstyring – trin 3';

/** Every activity the page posts to the bot, in order. */
function recordPosts(page: Page): SentActivity[] {
  const posts: SentActivity[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/messages')) posts.push(JSON.parse(request.postData() ?? '{}') as SentActivity);
  });
  return posts;
}

async function type(page: Page, text: string): Promise<void> {
  const input = page.getByPlaceholder('Skriv et spørgsmål…');
  await input.fill(text);
  await input.press('Enter');
}

/** Joins the municipality and returns the confirmation's entry. */
async function join(page: Page, municipality: string): Promise<Locator> {
  await type(page, `kommune ${municipality}`);
  const entry = page
    .getByRole('log')
    .locator('.entry-bot', { hasText: `Du hører nu til ${municipality} Kommune (lokal tilstand` });
  await entry.getByRole('button', { name: 'Opdater status' }).waitFor({ timeout: 10_000 });
  return entry;
}

/**
 * The chat as a person it has not seen: the page keeps its user id in localStorage, which
 * every page of the browser shares, and a person belongs to one municipality at a time.
 */
async function openAsNewPerson(context: BrowserContext, url: string): Promise<Awaited<ReturnType<typeof openChat>>> {
  const opened = await openChat(context, url);
  await opened.page.evaluate(() => window.localStorage.removeItem('klikbot.webchat.userId'));
  await opened.page.reload();
  await opened.page.getByPlaceholder('Skriv et spørgsmål…').waitFor();
  return opened;
}

/** The entry of the newest status form, by position: its text changes when it is replaced. */
async function newestForm(page: Page): Promise<Locator> {
  const log = page.getByRole('log');
  await log
    .locator('.entry-bot', { hasText: 'vælg opgave og status, og gem' })
    .getByRole('combobox', { name: 'Status' })
    .last()
    .waitFor({ timeout: 10_000 });
  return log.locator('.entry-bot').nth((await log.locator('.entry-bot').count()) - 1);
}

/** Joins a municipality and opens the status form by typing, as a person would. */
async function openForm(page: Page, municipality: string): Promise<Locator> {
  await join(page, municipality);
  await type(page, 'opdater status');
  return newestForm(page);
}

describe('a status form in the local web chat: chosen, saved in place, undone in place', () => {
  const chat = useChatBrowser({ KLIKBOT_NOW: '2018-10-01T10:00:00+02:00' });

  it("replaces the form with 'Fuldført ✓ af Lokal bruger' in the same entry, and Fortryd redraws that card again", async () => {
    const { page, trouble } = await openAsNewPerson(chat.context!, chat.bot!.url);
    const posts = recordPosts(page);
    const log = page.getByRole('log');
    const joined = await join(page, 'Køge');
    await joined.getByRole('button', { name: 'Opdater status' }).click();
    const form = await newestForm(page);
    await expect(form.locator('.ac-textBlock').first().textContent()).resolves.toBe('Opdater status');
    await expect(
      form.getByRole('combobox', { name: 'Opgave' }).locator('option', { hasText: STEP_3 }).getAttribute('value'),
    ).resolves.toBe('bbr-adgangsstyring#3');

    await form.getByRole('combobox', { name: 'Opgave' }).selectOption({ label: STEP_3 });
    await form.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Fuldført' });
    const formElement = await form.elementHandle();
    const [usersBefore, botsBefore, postsBefore] = [
      await log.locator('.entry-user').count(),
      await log.locator('.entry-bot').count(),
      posts.length,
    ];
    await form.getByRole('button', { name: 'Gem' }).click();

    await form.getByText('Fuldført ✓ af Lokal bruger').waitFor({ timeout: 10_000 });
    await expect(formElement.evaluate((element) => element.isConnected)).resolves.toBe(true);
    await expect(form.textContent()).resolves.toMatch(
      /BBR på Adgangsstyring, trin 3 er nu fuldført for Køge Kommune \(før: ikke påbegyndt\)\./,
    );
    await expect(form.getByRole('combobox').count()).resolves.toBe(0);
    await expect(form.getByRole('button', { name: 'Gem' }).count()).resolves.toBe(0);
    // no bubble in the person's name, and no new entry from the bot
    await expect(log.locator('.entry-user').count()).resolves.toBe(usersBefore);
    await expect(log.locator('.entry-bot').count()).resolves.toBe(botsBefore);
    expect(posts.slice(postsBefore)).toHaveLength(1);
    const submitted = posts[postsBefore]!;
    expect(submitted.type).toBe('message');
    expect(submitted.text).toBeUndefined();
    // as Teams posts it: the chosen values beside the submit's own data
    expect(submitted.value).toEqual({
      klikbot: {
        dialog: 'status-update',
        args: { municipality: 'koege', lang: 'da' },
        replacesCard: true,
        fields: ['task', 'status'],
      },
      task: 'bbr-adgangsstyring#3',
      status: 'done',
    });

    await form.getByRole('button', { name: 'Fortryd' }).click();
    await form.getByText(/^Fortrudt: /).waitFor({ timeout: 10_000 });
    await expect(form.textContent()).resolves.toMatch(
      /Fortrudt: BBR på Adgangsstyring, trin 3 er igen ikke påbegyndt for Køge Kommune\./,
    );
    await expect(form.getByText('Fuldført ✓ af Lokal bruger').count()).resolves.toBe(0);
    await expect(log.locator('.entry-bot').count()).resolves.toBe(botsBefore);
    expect(posts.at(-1)).toMatchObject({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'status-undo' } },
    });
    await expect(log.locator('.entry-error, .card-note').count()).resolves.toBe(0);
    await expect(page.getByRole('status').textContent()).resolves.toBe('');
    expect(trouble.errors).toEqual([]);
    await page.close();
  });

  it('shows a refusal under the form and keeps the form: saving a status the task already has changes nothing', async () => {
    const { page, trouble } = await openAsNewPerson(chat.context!, chat.bot!.url);
    // a municipality no other test here changes: the tests share one bot, in whatever order they run
    const first = await openForm(page, 'Horsens');
    await first.getByRole('combobox', { name: 'Opgave' }).selectOption({ label: STEP_3 });
    await first.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Ikke påbegyndt' });
    await first.getByRole('button', { name: 'Gem' }).click();
    await first.locator('.card-note').waitFor({ timeout: 10_000 });
    await expect(first.locator('.card-note').textContent()).resolves.toMatch(
      /trin 3 er allerede ikke påbegyndt for Horsens Kommune/,
    );
    // the form is still there, with its choices, ready for another try
    await expect(first.getByRole('combobox', { name: 'Status' }).inputValue()).resolves.toBe('not-started');
    await expect(first.getByRole('button', { name: 'Gem' }).isEnabled()).resolves.toBe(true);
    expect(trouble.errors).toEqual([]);
    await page.close();
  });

  it('sends nothing while a dropdown is empty, and says which one under it', async () => {
    const { page, trouble } = await openAsNewPerson(chat.context!, chat.bot!.url);
    const posts = recordPosts(page);
    const form = await openForm(page, 'Roskilde');
    const task = form.getByRole('combobox', { name: 'Opgave' });
    const status = form.getByRole('combobox', { name: 'Status' });
    const postsBefore = posts.length;

    await form.getByRole('button', { name: 'Gem' }).click();
    await form.getByText('Opgave: vælg en').waitFor({ timeout: 5_000 });
    await expect(form.getByText('Status: vælg en').isVisible()).resolves.toBe(true);
    await expect(task.evaluate((element) => element === document.activeElement)).resolves.toBe(true);

    await status.selectOption({ label: 'Påbegyndt' });
    await expect(form.getByText('Status: vælg en').count()).resolves.toBe(0);
    await form.getByRole('button', { name: 'Gem' }).click();
    await expect(form.getByText('Opgave: vælg en').isVisible()).resolves.toBe(true);
    // nothing sent so far; one sent late would stand before the good submit's post, checked below to be the only one
    expect(posts.length).toBe(postsBefore);
    await expect(page.getByRole('status').textContent()).resolves.toBe('');

    await task.selectOption({ label: STEP_3 });
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.getByText('Påbegyndt ✓ af Lokal bruger').waitFor({ timeout: 10_000 });
    await expect(form.textContent()).resolves.toContain(
      'trin 3 er nu påbegyndt for Roskilde Kommune (før: ikke påbegyndt).',
    );
    expect(posts.slice(postsBefore).map((post) => post.value)).toEqual([
      expect.objectContaining({ task: 'bbr-adgangsstyring#3', status: 'started' }),
    ]);
    expect(trouble.errors).toEqual([]);
    await page.close();
  });

  it('keeps the form, its choices and its controls off while saving; a failure shows under it and it can be sent again', async () => {
    const { page } = await openAsNewPerson(chat.context!, chat.bot!.url);
    const form = await openForm(page, 'Odense');
    await form.getByRole('combobox', { name: 'Opgave' }).selectOption({ label: STEP_3 });
    await form.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Fuldført' });
    let release: () => void = () => undefined;
    const mayFail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/messages', async (route: Route) => {
      await mayFail;
      return route.abort('connectionrefused');
    });

    await form.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => form.locator('select:enabled, button:enabled').count()).toBe(0);
    await expect(page.getByRole('status').textContent()).resolves.toBe('klikbot skriver…');
    release();
    const note = form.locator('.card-note');
    await note.waitFor({ timeout: 10_000 });
    await expect(note.textContent()).resolves.toContain('Kunne ikke få svar fra klikbot');
    await expect.poll(() => form.locator('select:enabled').count()).toBe(2);
    await expect(form.getByRole('combobox', { name: 'Opgave' }).inputValue()).resolves.toBe('bbr-adgangsstyring#3');
    await expect(page.getByRole('log').locator('.entry-user').count()).resolves.toBe(2);

    await page.unroute('**/api/messages');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.getByText('Fuldført ✓ af Lokal bruger').waitFor({ timeout: 10_000 });
    await expect(note.count()).resolves.toBe(0);
    await page.close();
  });

  it('puts a first reply without a card where the form was, as text, and adds the replies after it as new entries', async () => {
    const { page, trouble } = await openAsNewPerson(chat.context!, chat.bot!.url);
    const form = await openForm(page, 'Aarhus');
    await form.getByRole('combobox', { name: 'Opgave' }).selectOption({ label: STEP_3 });
    await form.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Fuldført' });
    // the answer as Teams would get it for an update in place: a text message, then one more
    const answer = [
      { type: 'message', text: 'Gemt: _BBR på Adgangsstyring_, trin 3.', textFormat: 'markdown' },
      { type: 'message', text: 'Husk at fortælle det til projektgruppen.', textFormat: 'markdown' },
    ];
    await page.route('**/api/messages', (route: Route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ activities: answer }) }),
    );

    const log = page.getByRole('log');
    const [usersBefore, botsBefore] = [
      await log.locator('.entry-user').count(),
      await log.locator('.entry-bot').count(),
    ];
    await form.getByRole('button', { name: 'Gem' }).click();
    await log.locator('.entry-bot').nth(botsBefore).waitFor({ timeout: 10_000 });
    await expect(form.textContent()).resolves.toBe('klikbot: Gemt: BBR på Adgangsstyring, trin 3.');
    await expect(form.locator('em').textContent()).resolves.toBe('BBR på Adgangsstyring');
    await expect(form.locator('.ac-adaptiveCard').count()).resolves.toBe(0);
    await expect(log.locator('.entry-bot').nth(botsBefore).textContent()).resolves.toBe(
      'klikbot: Husk at fortælle det til projektgruppen.',
    );
    await expect(log.locator('.entry-bot').count()).resolves.toBe(botsBefore + 1);
    await expect(log.locator('.entry-user').count()).resolves.toBe(usersBefore);
    expect(trouble.errors).toEqual([]);
    await page.close();
  });
});
