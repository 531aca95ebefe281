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

  /** Keeps `stream` for the page until it closes. */
  open(pageId: string, stream: ServerResponse): void {
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
    for (const streams of this.streams.values()) for (const stream of streams) stream.end();
    this.streams.clear();
  }
}

/**
 * Writes to a web chat conversation unprompted: the replies, as the activities the page
 * already draws, go down the streams of the page that shows it. With no such page open the
 * delivery fails rather than being `gone`: the page may open again (a reload keeps its id).
 */
export function createWebChatSender(pages: LivePages): ConversationSender {
  return async (conversation, replies) => {
    const activities = replies.map((reply) => ({ ...toActivity(reply), id: randomUUID() }));
    const reached = pages.push(conversation.conversationId, 'activities', {
      conversationId: conversation.conversationId,
      activities,
    });
    return reached > 0
      ? { status: 'sent', messageIds: activities.map((activity) => activity.id) }
      : { status: 'failed', reason: 'no web chat page showing this conversation is open' };
  };
}
