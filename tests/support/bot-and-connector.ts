import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { startTestBot } from './bot-framework.js';
import { startFakeConnector, type FakeConnector } from './connector-fake.js';

/** The running bot and the fake connector it writes to; `bot` may be replaced (restart tests). */
export interface BotAndConnector {
  bot: Awaited<ReturnType<typeof startTestBot>>;
  connector: FakeConnector;
}

/**
 * Starts a bot and a fake Bot Connector for the enclosing describe block, clears what the
 * connector received (and any answers left unplanned) after each test, and stops both at the end.
 */
export function useBotAndConnector(env: Record<string, string>, options: { clock?: Clock } = {}): BotAndConnector {
  const harness = {} as BotAndConnector;
  beforeAll(async () => {
    harness.connector = await startFakeConnector();
    harness.bot = await startTestBot(env, options);
  });
  afterEach(() => {
    harness.connector.requests.length = 0;
    harness.connector.plan.length = 0;
  });
  afterAll(async () => {
    await harness.bot.close();
    await harness.connector.close();
  });
  return harness;
}
