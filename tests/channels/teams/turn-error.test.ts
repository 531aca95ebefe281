import { createActionSeal } from '../../../src/core/sealed-action.js';
import { Writable } from 'node:stream';
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepNoConversations } from '../../support/teams-activities.js';
import { createAdapter } from '../../../src/channels/teams/adapter.js';
import { registerMessagesRoute } from '../../../src/channels/teams/messages-route.js';
import { createFixedClock } from '../../../src/clock.js';
import { loadConfig } from '../../../src/config.js';
import type { Core } from '../../../src/core/core.js';
import { createHttpServer, listen } from '../../../src/server/http-server.js';
import { ask, messageActivity, postMessages, visibleText } from '../../support/bot-framework.js';
import { startFakeConnector } from '../../support/connector-fake.js';

describe('the turn-error handler', () => {
  const logLines: string[] = [];
  const logger = pino(
    { level: 'error' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  const failingCore: Pick<Core, 'handle' | 'unknownButton' | 'knowsDialog' | 'cardPosted' | 'currentCard'> = {
    handle: async () => {
      throw new Error('knowledge index exploded at line 42');
    },
    unknownButton: () => [],
    knowsDialog: () => true,
    cardPosted: async () => undefined,
    currentCard: (reply) => reply,
  };
  const server = createHttpServer({
    clock: createFixedClock(DateTime.fromISO('2018-09-06T10:00:00+02:00')),
    logger,
    localMode: true,
  });
  let url = '';

  beforeAll(async () => {
    registerMessagesRoute(server, {
      adapter: createAdapter(loadConfig({}).teams, logger),
      core: failingCore,
      clock: createFixedClock(DateTime.fromISO('2018-09-06T10:00:00+02:00')),
      logger,
      conversations: keepNoConversations,
      localMode: true,
      seal: createActionSeal(Buffer.alloc(32, 7)),
    });
    url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(() => {
    server.close();
  });

  it('tells a Danish user, in Danish, that something went wrong, without internals', async () => {
    const replies = await ask(url, 'hvornår er deadline for BBR?');
    expect(replies).toHaveLength(1);
    const text = visibleText(replies[0]!);
    expect(text).toContain('Beklager, noget gik galt hos mig');
    expect(text).toContain('mbprogrammet@kombit.dk');
    expect(text).not.toContain('exploded');
  });

  it('logs, and does not answer the channel with internals, when even the apology cannot be sent', async () => {
    logLines.length = 0;
    // no expectReplies and a loopback connector that is not listening: every send fails
    const response = await postMessages(
      url,
      messageActivity('hej', { deliveryMode: undefined, serviceUrl: 'http://127.0.0.1:9' }),
    );
    expect(await response.text()).not.toContain('ECONNREFUSED');
    expect(logLines.join('')).toContain('could not tell the user about the failed turn');
  });

  it('answers a failed card action under the card, so Teams does not wait for an answer that never comes', async () => {
    const invoke = messageActivity('', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      deliveryMode: undefined,
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'role-list',
          data: { klikbot: { dialog: 'role-list', args: {}, replacesCard: true } },
        },
      },
    });
    const response = await postMessages(url, invoke);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { statusCode: number; type: string; value: { message: string } };
    expect(body.statusCode).toBe(500);
    expect(body.type).toBe('application/vnd.microsoft.error');
    expect(body.value.message).toContain('Beklager, noget gik galt hos mig');
    expect(body.value.message).not.toContain('exploded');
  });

  it('answers an English question in English', async () => {
    const replies = await ask(url, 'when is the deadline for BBR?');
    expect(visibleText(replies[0]!)).toContain('Sorry, something went wrong on my side');
  });

  it('logs the cause for the operator', async () => {
    logLines.length = 0;
    await ask(url, 'hvad laver en superbruger?');
    const entries = logLines.map(
      (line) => JSON.parse(line) as { msg: string; err?: { message: string }; code?: string },
    );
    const failure = entries.find((entry) => entry.msg === 'turn failed');
    expect(failure?.code).toBe('unknown');
    expect(failure?.err?.message).toBe('knowledge index exploded at line 42');
  });
});

describe('a conversation reference that cannot be stored', () => {
  it('is logged, and the person still gets the answer', async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'error' },
      new Writable({
        write: (chunk: Buffer, _e, done) => {
          lines.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    const clock = createFixedClock(DateTime.fromISO('2018-09-06T10:00:00+02:00'));
    const server = createHttpServer({ clock, logger, localMode: true });
    const core: Pick<Core, 'handle' | 'unknownButton' | 'knowsDialog' | 'cardPosted' | 'currentCard'> = {
      handle: async () => [{ text: 'Svar' }],
      unknownButton: () => [],
      knowsDialog: () => true,
      cardPosted: async () => undefined,
      currentCard: (reply) => reply,
    };
    registerMessagesRoute(server, {
      adapter: createAdapter(loadConfig({}).teams, logger),
      core,
      clock,
      logger,
      conversations: {
        remember: async () => {
          throw new Error('disk full');
        },
        remove: async () => false,
        removeTeam: async () => 0,
      },
      localMode: true,
      seal: createActionSeal(Buffer.alloc(32, 7)),
    });
    const port = await listen(server, 0, '127.0.0.1');
    const connector = await startFakeConnector();
    try {
      // a conversation with a connector (not expectReplies) is one the bot keeps for later
      const response = await postMessages(
        `http://127.0.0.1:${port}`,
        messageActivity('hej', { deliveryMode: undefined, serviceUrl: connector.url }),
      );
      expect(response.status).toBe(200);
      const [sent] = await connector.waitFor(1);
      expect(sent!.body.text).toBe('Svar');
      expect(lines.join('')).toContain('could not store the conversation reference');
    } finally {
      server.close();
      await connector.close();
    }
  });
});
