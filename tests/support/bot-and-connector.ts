import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { postMessages, startTestBot } from './bot-framework.js';
import { startFakeConnector, type ConnectorRequest, type FakeConnector } from './connector-fake.js';

/** The running bot and the fake connector it writes to; `bot` may be replaced (restart tests). */
export interface BotAndConnector {
  bot: Awaited<ReturnType<typeof startTestBot>>;
  connector: FakeConnector;
}

/**
 * Starts a bot and a fake Bot Connector for the enclosing describe block, clears what the
 * connector received (and any answers left unplanned) after each test, and stops both at the
 * end. With `each`, every test gets a bot on a fresh state file and a connector of its own: for
 * tests that each tell a story from the start (what was installed, who voted).
 */
export function useBotAndConnector(
  env: Record<string, string>,
  options: { clock?: Clock; each?: boolean } = {},
): BotAndConnector {
  const harness = {} as BotAndConnector;
  const start = async (): Promise<void> => {
    harness.connector = await startFakeConnector();
    harness.bot = await startTestBot(env, options.clock ? { clock: options.clock } : {});
  };
  const stop = async (): Promise<void> => {
    await harness.bot?.close();
    await harness.connector?.close();
  };
  if (options.each) {
    beforeEach(start);
    afterEach(stop);
    return harness;
  }
  beforeAll(start);
  afterEach(() => {
    harness.connector.requests.length = 0;
    harness.connector.plan.length = 0;
  });
  afterAll(stop);
  return harness;
}

/** Posts one activity to the bot (answered 200) and returns the `expected` connector requests it caused. */
export async function postAndCollect(
  h: BotAndConnector,
  activity: Record<string, unknown>,
  expected = 1,
): Promise<ConnectorRequest[]> {
  const before = h.connector.requests.length;
  expect((await postMessages(h.bot.url, activity)).status).toBe(200);
  return (await h.connector.waitFor(before + expected)).slice(before);
}
