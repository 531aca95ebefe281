import { PassThrough } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createWebChatSender, LivePages } from '../../../src/channels/web/live-pages.js';

const PAGE = '0b7a4c1e-2f3d-4a5b-8c6d-7e8f9a0b1c2d';

/** A stream standing in for a page's response: written to, and ended. */
function stream(): ServerResponse & { text(): string } {
  const body = new PassThrough();
  let text = '';
  body.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return Object.assign(body, { text: () => text }) as unknown as ServerResponse & { text(): string };
}

describe('the open web chat pages', () => {
  it("push to the page's streams while open, and end a stream opened after they closed", () => {
    const pages = new LivePages();
    const open = stream();
    pages.open(PAGE, open);
    expect(pages.push(`webchat-${PAGE}`, 'activities', { n: 1 })).toBe(1);
    expect(open.text()).toBe('event: activities\ndata: {"n":1}\n\n');
    pages.close();
    expect(open.writableEnded).toBe(true);
    const late = stream();
    pages.open(PAGE, late);
    expect(late.writableEnded).toBe(true);
    expect(pages.isOpen(`webchat-${PAGE}`)).toBe(false);
  });
});

describe('writing to a web chat conversation unprompted', () => {
  it('is sent to an open page, fails for a page reloading, and finds the conversation gone when its page was never open since the start', async () => {
    const pages = new LivePages();
    const send = createWebChatSender(pages);
    const to = (page: string) => ({ conversationId: `webchat-${page}` }) as Parameters<typeof send>[0];
    const reply = [{ text: 'I morgen: Udpeg FK-ADM og FK-ANSV' }];
    const open = stream();
    pages.open(PAGE, open);
    await expect(send(to(PAGE), reply)).resolves.toMatchObject({ status: 'sent' });
    open.end();
    open.emit('close');
    await expect(send(to(PAGE), reply)).resolves.toMatchObject({ status: 'failed' });
    await expect(send(to('1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'), reply)).resolves.toMatchObject({ status: 'gone' });
  });
});
