import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, postMessages, startTestBot } from '../support/bot-framework.js';

interface Received {
  method: string;
  url: string;
  body: { type?: string; text?: string; summary?: string; replyToId?: string };
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request as AsyncIterable<Buffer>) text += chunk.toString('utf8');
  return text;
}

/** A loopback stand-in for the Bot Connector service: records what the bot sends. */
async function startFakeConnector(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      received.push({ method: request.method ?? '', url: request.url ?? '', body: JSON.parse(text || '{}') as Received['body'] });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: `sent-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, received, server };
}

describe('replies through the Bot Connector (emulator-style delivery)', () => {
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startTestBot({ KLIKBOT_NOW: '2018-09-06T10:00:00+02:00' });
  });
  afterAll(async () => {
    await bot.close();
    await new Promise((resolve) => connector.server.close(resolve));
  });

  it('posts the reply to the conversation on the activity serviceUrl', async () => {
    const activity = messageActivity('hvornår er deadline for at udpege FK-ansvarlig?', {
      channelId: 'emulator',
      serviceUrl: connector.url,
      conversation: { id: 'conv/with spaces' },
      deliveryMode: undefined,
    });
    const response = await postMessages(bot.url, activity);
    expect(response.status).toBe(200);
    expect(connector.received).toHaveLength(1);
    const [sent] = connector.received;
    expect(sent!.method).toBe('POST');
    expect(sent!.url).toBe(`/v3/conversations/${encodeURIComponent('conv/with spaces')}/activities/${activity.id as string}`);
    expect(sent!.body.summary).toContain('1. november 2018');
  });
});
