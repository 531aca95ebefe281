import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { startTestBot } from '../support/bot-framework.js';
import { startFakeSlack, type FakeSlack } from '../support/slack-fake.js';

/** A loopback stand-in for Slack's Socket Mode endpoint: greets, then forwards what the test sends. */
async function startSocketServer(): Promise<{
  url: string;
  server: WebSocketServer;
  connected: Promise<WebSocket>;
  received: unknown[];
}> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const received: unknown[] = [];
  const connected = new Promise<WebSocket>((resolve) => {
    server.once('connection', (socket) => {
      socket.on('message', (data: Buffer) => received.push(JSON.parse(data.toString('utf8'))));
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          connection_info: { app_id: 'A0KLIKBOT' },
          debug_info: { host: 'test' },
        }),
      );
      resolve(socket);
    });
  });
  const { port } = server.address() as { port: number };
  return { url: `ws://127.0.0.1:${port}/`, server, connected, received };
}

describe('Slack in Socket Mode (SLACK_APP_TOKEN)', () => {
  let fake: FakeSlack;
  let socketServer: Awaited<ReturnType<typeof startSocketServer>>;
  let bot: Awaited<ReturnType<typeof startTestBot>>;

  beforeAll(async () => {
    fake = await startFakeSlack();
    socketServer = await startSocketServer();
    for (let i = 0; i < 3; i++) fake.plan('apps.connections.open', { body: { ok: true, url: socketServer.url } });
    bot = await startTestBot({
      KLIKBOT_NOW: '2018-09-06T10:00:00+02:00',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_APP_TOKEN: 'xapp-test',
      SLACK_API_URL: fake.apiUrl,
    });
  });
  afterAll(async () => {
    await bot.close();
    socketServer.server.close();
    await fake.close();
  });

  it('opens the connection with the app token, acknowledges a command over the socket and answers it', async () => {
    const [open] = fake.calls('apps.connections.open');
    expect(open?.token).toBe('xapp-test');
    const socket = await socketServer.connected;
    socket.send(
      JSON.stringify({
        envelope_id: 'envelope-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          team_id: 'T0KOMBIT',
          channel_id: 'C0PROGRAM',
          user_id: 'U0METTE',
          command: '/klik',
          text: 'hvornår er deadline for at udpege FK-ansvarlig?',
          response_url: fake.responseUrl('socket-1'),
          trigger_id: 'trigger-1',
        },
      }),
    );
    const [answer] = await fake.waitFor('response_url');
    expect(JSON.stringify(answer!.args)).toContain('1. november 2018');
    expect(socketServer.received).toContainEqual(expect.objectContaining({ envelope_id: 'envelope-1' }));
  });

  it('does not serve /slack/events: Slack does not call in', async () => {
    expect(
      (
        await fetch(`${bot.url}/slack/events`, {
          method: 'POST',
          body: '{}',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(404);
  });
});
