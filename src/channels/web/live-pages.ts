import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ConversationSender } from '../../core/notifier.js';
import { toActivity } from '../teams/render-card.js';

/** A page's id: a random UUID the page makes when it opens. */
const PAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `text` can be a page's id. */
export function isPageId(text: string): boolean {
  return PAGE_ID.test(text);
}

/**
 * The page a web chat conversation belongs to. A page names its conversations after itself
 * (`webchat-<page id>` for its person's own chat, `webchat-<page id>-<more>` for its group
 * chat and the chats of the other people it plays), so one stream carries all of them.
 */
export function pageOf(conversationId: string): string | undefined {
  const match = /^webchat-([0-9a-f-]{36})(?:-|$)/.exec(conversationId);
  return match?.[1] !== undefined && isPageId(match[1]) ? match[1] : undefined;
}

/**
 * The open web chat pages of local mode, each with the Server-Sent Events streams it keeps
 * open (a page open in two tabs has two): what klikbot writes to a page's conversations
 * unprompted (a reminder, a poll's result) goes down them.
 */
export class LivePages {
  private readonly streams = new Map<string, Set<ServerResponse>>();
  /** Every page that opened a stream since klikbot started: a page reloading comes back under its id. */
  private readonly seen = new Set<string>();
  private closed = false;

  /** Keeps `stream` for the page until it closes; after `close()` a new stream is ended at once. */
  open(pageId: string, stream: ServerResponse): void {
    // a stream kept open now would hold the server's close until the forced exit
    if (this.closed) {
      stream.end();
      return;
    }
    this.seen.add(pageId);
    const streams = this.streams.get(pageId) ?? new Set<ServerResponse>();
    streams.add(stream);
    this.streams.set(pageId, streams);
    stream.once('close', () => {
      streams.delete(stream);
      if (streams.size === 0 && this.streams.get(pageId) === streams) this.streams.delete(pageId);
    });
  }

  /** Whether a page showing the conversation is open now. */
  isOpen(conversationId: string): boolean {
    const pageId = pageOf(conversationId);
    return pageId !== undefined && (this.streams.get(pageId)?.size ?? 0) > 0;
  }

  /** Whether the conversation's page has had a stream open since klikbot started (it may be reloading now). */
  wasOpened(conversationId: string): boolean {
    const pageId = pageOf(conversationId);
    return pageId !== undefined && this.seen.has(pageId);
  }

  /** Sends one event to every stream of the conversation's page; resolves how many streams took it. */
  push(conversationId: string, event: string, data: unknown): number {
    const pageId = pageOf(conversationId);
    const streams = pageId === undefined ? undefined : this.streams.get(pageId);
    if (!streams) return 0;
    // JSON.stringify writes no line breaks, so the data is one `data:` line
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    let reached = 0;
    for (const stream of streams) {
      if (stream.writableEnded || stream.destroyed) continue;
      stream.write(frame);
      reached += 1;
    }
    return reached;
  }

  /** Ends every stream: the server cannot close while one is open. */
  close(): void {
    this.closed = true;
    for (const streams of this.streams.values()) for (const stream of streams) stream.end();
    this.streams.clear();
  }
}

/**
 * Writes to a web chat conversation unprompted: the replies, as the activities the page
 * already draws, go down the streams of the page that shows it. A page that has not opened
 * its stream since klikbot started was closed (a page open then reconnects at once): its
 * conversation is `gone`, and is written to again once it is seen again. A page seen since
 * but without a stream now is reloading: that delivery fails, and is tried again.
 */
export function createWebChatSender(pages: LivePages): ConversationSender {
  return async (conversation, replies) => {
    const activities = replies.map((reply) => ({ ...toActivity(reply), id: randomUUID() }));
    const reached = pages.push(conversation.conversationId, 'activities', {
      conversationId: conversation.conversationId,
      activities,
    });
    if (reached > 0) return { status: 'sent', messageIds: activities.map((activity) => activity.id) };
    return pages.wasOpened(conversation.conversationId)
      ? { status: 'failed', reason: 'the web chat page showing this conversation is not connected now' }
      : { status: 'gone', reason: 'the web chat page of this conversation has not been open since klikbot started' };
  };
}
