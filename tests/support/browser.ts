import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startTestBot } from './bot-framework.js';

/** Debian's chromium: playwright cannot download its own browser on these machines. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests can run here; without it they are skipped (see `browserSkipReason`). */
export const hasChromium = existsSync(CHROMIUM);

// CI sets this so that a missing browser fails the run instead of quietly skipping the test.
if (!hasChromium && process.env.KLIKBOT_REQUIRE_BROWSER === '1') {
  throw new Error(`KLIKBOT_REQUIRE_BROWSER=1 but there is no browser at ${CHROMIUM}`);
}

/** Why a browser test was skipped, for the test report. */
export const browserSkipReason = `no browser at ${CHROMIUM}: install Debian's chromium (as .ci/run does) to run the web chat test`;

/** Everything the page logged as an error or threw: a clean page has none. */
export interface PageTrouble {
  errors: string[];
}

/** A headless chromium with a throwaway profile; `close` removes the profile too. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profileDir = await mkdtemp(path.join(tmpdir(), 'klikbot-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'da-DK',
    viewport: { width: 1000, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** Opens the chat page and waits for its composer, collecting the page's errors as it goes. */
export async function openChat(context: BrowserContext, url: string): Promise<{ page: Page; trouble: PageTrouble }> {
  const page = await context.newPage();
  const trouble: PageTrouble = { errors: [] };
  page.on('pageerror', (error) => trouble.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.errors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  await page.getByPlaceholder('Skriv et spørgsmål…').waitFor();
  return { page, trouble };
}

/** The bot and the browser a describe block of web chat tests shares; set once they are started. */
export interface ChatBrowser {
  bot?: Awaited<ReturnType<typeof startTestBot>>;
  context?: BrowserContext;
}

/**
 * Starts the bot (with `env`) and a browser for the enclosing describe block, skips every test
 * (saying why) where there is no chromium, and closes both at the end.
 */
export function useChatBrowser(env: Record<string, string>): ChatBrowser {
  const shared: ChatBrowser = {};
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    shared.bot = await startTestBot(env);
    browser = await launchBrowser();
    shared.context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await shared.bot?.close();
  });
  beforeEach((ctx) => {
    ctx.skip(!hasChromium, browserSkipReason);
  });
  return shared;
}
