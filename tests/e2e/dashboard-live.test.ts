import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/state/store.js';
import type { BrowserContext } from 'playwright-core';
import { storedStateAt } from '../support/stored-text.js';
import { browserSkipReason, hasChromium, launchBrowser } from '../support/browser.js';
import { startTestBot } from '../support/bot-framework.js';
import { startFakeConnector, type FakeConnector } from '../support/connector-fake.js';
import { boardCells, expectAccessible, screenshot } from '../support/dashboard.js';
import { teamsActivity } from '../support/teams-activities.js';
import { startFakeSlack, type FakeSlack } from '../support/slack-fake.js';
import { directMessage, eventCallback, postToSlack } from '../support/slack-requests.js';

const SLACK_SECRET = 'dashboard-slack-secret';

type Bot = Awaited<ReturnType<typeof startTestBot>>;

/**
 * A state where two meetings were evaluated and a poll was closed, as the meetings held in
 * September would have left it, so that the meetings page has its tables and its trend to show.
 */
async function meetingsHeld(): Promise<string> {
  const statePath = path.join(await mkdtemp(path.join(tmpdir(), 'klikbot-dashboard-')), 'state.json');
  const store = await openStore(statePath);
  const evaluation = (id: string, meetingId: string, day: string) => ({
    id,
    channel: 'teams',
    conversationId: '19:programledere@thread.tacv2',
    meetingId,
    startedAt: `${day}T12:20:00.000+02:00`,
    closedAt: `${day}T12:40:00.000+02:00`,
  });
  const first = '00000000-0000-4000-8000-00000000000a';
  const second = '00000000-0000-4000-8000-00000000000b';
  const pollId = '00000000-0000-4000-8000-000000000001';
  await store.update((draft) => {
    draft.evaluations.push(
      evaluation(first, 'programledermoede-2018-09-06', '2018-09-06'),
      evaluation(second, 'programledermoede-2018-09-14', '2018-09-14'),
    );
    draft.evaluationAnswers.push(
      { evaluationId: first, rating: 4, worked: 'Godt overblik over BBR' },
      { evaluationId: first, rating: 3, improve: 'Mere tid til spørgsmål' },
      { evaluationId: second, rating: 5 },
    );
    draft.polls.push({
      id: pollId,
      channel: 'teams',
      conversationId: '19:programledere@thread.tacv2',
      question: 'Er I klar til BBR trin 3?',
      options: [
        { id: 'a', label: 'Ja' },
        { id: 'b', label: 'Nej' },
      ],
      multiple: false,
      anonymous: true,
      live: false,
      createdBy: { channel: 'teams', userId: 'aad-host', name: 'Vært' },
      createdAt: '2018-09-06T11:00:00.000+02:00',
      closedAt: '2018-09-06T11:10:00.000+02:00',
    });
    draft.votes.push(
      { pollId, voter: 'h1', choices: ['a'], at: '2018-09-06T11:01:00.000+02:00' },
      { pollId, voter: 'h2', choices: ['b'], at: '2018-09-06T11:02:00.000+02:00' },
    );
  });
  await store.close();
  return statePath;
}

interface StoredUpdates {
  statusUpdates: { municipalityId: string; taskId: string; step?: number; status: string; undoneAt?: string }[];
}

/** Two people in Teams, each in their own 1:1 chat (local mode trusts them, as it trusts the web chat). */
const people = {
  mette: { id: '29:mette', name: 'Mette Programleder', aadObjectId: 'aad-mette' },
  jonas: { id: '29:jonas', name: 'Jonas Jensen', aadObjectId: 'aad-jonas' },
};

describe('the dashboard in a browser: the board from the state, filtered, live, and a municipality page', () => {
  let bot: Bot;
  let connector: FakeConnector;
  let slack: FakeSlack;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let context: BrowserContext;

  /** A message from one person to klikbot in Teams, answered before it resolves. */
  async function say(person: keyof typeof people, text: string): Promise<void> {
    const before = connector.requests.length;
    const activity = teamsActivity(connector.url, {
      text,
      from: people[person],
      conversation: { id: `a:personal-${person}`, conversationType: 'personal', tenantId: 'tenant-koege' },
    });
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBe(200);
    await connector.waitFor(before + 1);
  }

  /** A direct message from a Slack user to klikbot, answered before it resolves. */
  async function saySlack(user: string, text: string): Promise<void> {
    const before = slack.calls('chat.postMessage').length;
    const request = eventCallback(directMessage({ text, user, channel: `D-${user}` }));
    expect((await postToSlack(bot.url, SLACK_SECRET, request)).status).toBe(200);
    await slack.waitFor('chat.postMessage', 10_000, before + 1);
  }

  beforeAll(async () => {
    if (!hasChromium) return;
    connector = await startFakeConnector();
    slack = await startFakeSlack();
    const statePath = await meetingsHeld();
    bot = await startTestBot(
      {
        KLIKBOT_NOW: '2018-10-01T10:00:00+02:00',
        KLIKBOT_REMINDER_TICK_SECONDS: '0',
        SLACK_SIGNING_SECRET: SLACK_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_API_URL: slack.apiUrl,
        KLIKBOT_ADMINS: 'slack:U0ADMIN',
      },
      { statePath },
    );
    await say('mette', 'kommune Køge');
    await say('mette', 'BBR trin 3 er fuldført');
    await say('mette', 'BBR trin 1 er påbegyndt');
    await say('jonas', 'kommune Aarhus');
    browser = await launchBrowser();
    context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    await connector?.close();
    await slack?.close();
  });
  beforeEach((ctx) => {
    ctx.skip(!hasChromium, browserSkipReason);
  });

  it('filters to BBR step 3 and shows the counts the state holds; a status reported in Teams or Slack appears without a reload', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${bot.url}/dashboard`);
    expect(await page.locator('tbody tr').count()).toBe(98);
    // choosing a filter applies it (the script submits the form), as pressing "Vis" would without script
    await page.locator('select[name=opgave]').selectOption('bbr-adgangsstyring');
    await page.waitForURL(/opgave=bbr-adgangsstyring/);
    await page.locator('select[name=trin]').selectOption('3');
    await page.waitForURL(/trin=3/);
    const cells = await boardCells(page);
    expect(Object.keys(cells)).toHaveLength(98);
    const state = (await storedStateAt(bot.statePath)) as StoredUpdates;
    const doneInState = state.statusUpdates.filter(
      (u) => u.taskId === 'bbr-adgangsstyring' && u.step === 3 && u.status === 'done',
    );
    expect(Object.values(cells).filter((status) => status === 'done')).toHaveLength(doneInState.length);
    expect(cells['c-koege-bbr-adgangsstyring-3']).toBe('done');
    await expect.poll(() => page.evaluate(() => document.body.dataset.stream)).toBe('open');

    // the page is the same one after the report: a marker set now survives only without a reload
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    await say('jonas', 'BBR trin 3 er påbegyndt');
    const aarhus = page.locator('#c-aarhus-bbr-adgangsstyring-3');
    await expect.poll(() => aarhus.getAttribute('data-status'), { timeout: 5_000 }).toBe('started');
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    await aarhus.focus();
    await expect
      .poll(() => aarhus.locator('.hint').textContent())
      .toMatch(/påbegyndt, meldt af Jonas Jensen, 1\. oktober 2018 kl\. 10\.\d\d/);
    expect(await page.locator('.live').textContent()).toContain('Aarhus Kommune: påbegyndt');

    // from Slack too: an administrator acting for Vejle
    await saySlack('U0ADMIN', 'kommune Vejle');
    await saySlack('U0ADMIN', 'BBR trin 3 er fuldført');
    const vejle = page.locator('#c-vejle-bbr-adgangsstyring-3');
    await expect.poll(() => vejle.getAttribute('data-status'), { timeout: 5_000 }).toBe('done');
    expect(await page.locator('tr[data-municipality="vejle"] .count').textContent()).toBe('1/1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to English and back, keeping the filter, with English labels and dates', async () => {
    const page = await context.newPage();
    await page.goto(`${bot.url}/dashboard?opgave=bbr-adgangsstyring&trin=3`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(page.url()).toContain('opgave=bbr-adgangsstyring');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Status board');
    const hint = await page.locator('#c-koege-bbr-adgangsstyring-3 .hint').textContent();
    expect(hint).toMatch(/^done, reported by Mette Programleder, 1 October 2018, 10:\d\d$/);
    await page.getByRole('link', { name: 'Deadlines' }).click();
    await page.waitForURL(/\/dashboard\/frister\?lang=en$/);
    expect(await page.locator('main').textContent()).toContain('1 November 2018');
    await page.getByRole('link', { name: 'Dansk' }).click();
    await page.waitForURL(/\/dashboard\/frister$/);
    expect(await page.locator('main').textContent()).toContain('1. november 2018');
    await page.close();
  });

  it('follows a municipality from the board to its page: its tasks, history and members', async () => {
    const page = await context.newPage();
    await page.goto(`${bot.url}/dashboard`);
    await page.getByRole('link', { name: 'Køge Kommune' }).click();
    await page.waitForURL(/\/dashboard\/kommune\/koege$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Køge Kommune');
    const history = (await page.locator('ol.history li').allTextContents()).map((line) => line.replace(/\s+/g, ' '));
    expect(history).toHaveLength(2);
    expect(history[0]).toMatch(/BBR 1, ikke påbegyndt → påbegyndt, meldt af Mette Programleder/);
    expect((await page.locator('main').textContent())?.replace(/\s+/g, ' ')).toContain(
      'Mette Programleder (teams, bekræftet)',
    );
    // and on to what it still has open
    await page.getByRole('link', { name: 'Frister for Køge Kommune' }).click();
    await page.waitForURL(/\/dashboard\/frister\?kommune=koege$/);
    expect(await page.locator('select[name=kommune]').inputValue()).toBe('koege');
    await page.close();
  });

  it('meets WCAG 2.1 AA by axe on every page, at desktop and phone width, and keeps screenshots', async () => {
    for (const [name, path] of [
      ['board', '/dashboard?opgave=bbr-adgangsstyring'],
      ['progress', '/dashboard/fremdrift'],
      ['deadlines', '/dashboard/frister'],
      ['meetings', '/dashboard/moeder'],
      ['municipality', '/dashboard/kommune/koege'],
    ] as const) {
      const page = await context.newPage();
      await page.goto(`${bot.url}${path}`);
      await expectAccessible(page);
      await screenshot(page, `${name}-desktop`);
      await page.setViewportSize({ width: 390, height: 844 });
      await expectAccessible(page);
      // nothing but the tables' own scrolling region is wider than a phone
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, `${name}-phone`);
      await page.close();
    }
  });

  it("shows the meetings' evaluations with their trend, and the poll's result", async () => {
    const page = await context.newPage();
    await page.goto(`${bot.url}/dashboard/moeder`);
    await expect.poll(() => page.locator('#trend-chart').getAttribute('data-drawn')).toBe('true');
    const rows = (await page.locator('table').first().locator('tbody tr').allTextContents()).map((row) =>
      row.replace(/\s+/g, ' '),
    );
    expect(rows[0]).toMatch(/6\. september 2018.*lukket 2 3,5 0 · 0 · 1 · 1 · 0/);
    expect(rows[1]).toMatch(/14\. september 2018.*lukket 1 5,0/);
    expect((await page.locator('main').textContent())?.replace(/\s+/g, ' ')).toContain('Ja: 1 (50 %)');
    await page.close();
  });

  it('draws the progress chart from the figures and saves it as PNG', async () => {
    const page = await context.newPage();
    await page.goto(`${bot.url}/dashboard/fremdrift`);
    await expect.poll(() => page.locator('#progress-chart').getAttribute('data-drawn')).toBe('true');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Gem diagram som PNG' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('progress-chart-da.png');
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    // a PNG's signature, and more than an empty canvas
    expect(Buffer.concat(chunks).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(Buffer.concat(chunks).length).toBeGreaterThan(5_000);
    await page.close();
  });

  it('points the person at this machine to the open dashboard, and a Slack user, who is elsewhere, to no address of this machine', async () => {
    const before = connector.requests.length;
    await say('mette', 'dashboard');
    const [reply] = (await connector.waitFor(before + 1)).slice(before);
    expect(reply!.body.text).toContain(`Overblikket er åbent her på maskinen: [Åbn overblikket](${bot.url}/dashboard)`);
    await saySlack('U0ADMIN', 'dashboard');
    const answer = JSON.stringify(slack.calls('chat.postMessage').at(-1)?.args);
    expect(answer).toContain('Overblikket i browseren er ikke sat op her');
    expect(answer).not.toContain('127.0.0.1');
  });

  it('opens a Teams tab without single sign-on set up as a page that says how to get a link', async () => {
    const page = await (await fetch(`${bot.url}/dashboard/teams`)).text();
    expect(page).toContain('Skriv »dashboard« til klikbot i en privat chat');
    expect(page).not.toContain('<script');
    const session = await fetch(`${bot.url}/dashboard/teams/session`, { method: 'POST' });
    expect(session.status).toBe(404);
  });

  it('reads without JavaScript: the server-drawn board, filtered by the form', async () => {
    const noScript = await context.browser()?.newContext({ javaScriptEnabled: false });
    // a persistent context has no browser to make another from: a page with script off in this one
    const page = noScript ? await noScript.newPage() : await context.newPage();
    if (!noScript) await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${bot.url}/dashboard?opgave=bbr-adgangsstyring&trin=3&sorter=progress`);
    const first = page.locator('tbody tr').first();
    expect(await first.locator('th').textContent()).toBe('Køge Kommune');
    expect(await first.locator('td.cell').getAttribute('data-status')).toBe('done');
    await page.close();
    await noScript?.close();
  });
});
