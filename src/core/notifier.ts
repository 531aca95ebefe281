import type { Logger } from '../logger.js';
import type { ConversationRepository, StoredConversation } from '../state/conversations.js';
import type { DeepReadonly } from '../state/schema.js';
import type { Reply } from './types.js';

/** A stored conversation to write to unprompted. */
export interface ConversationAddress {
  channel: string;
  conversationId: string;
}

/** What a channel reports after trying one conversation. */
export type SendOutcome =
  | { status: 'sent'; messageIds: string[] }
  /** The bot can no longer post there (removed, not in the roster, conversation deleted). */
  | { status: 'gone'; reason: string; httpStatus?: number }
  /**
   * It did not arrive, and it might another time (throttled past the retries, connector down).
   * `cannotRewrite`: a reply that was to rewrite a posted message was refused for good (the
   * message deleted, or one the channel will not let klikbot edit); the conversation itself is
   * fine, and trying again would not help.
   */
  | { status: 'failed'; reason: string; httpStatus?: number; cannotRewrite?: boolean };

/** Writes replies into one stored conversation; never throws, reports instead. */
export type ConversationSender = (
  conversation: DeepReadonly<StoredConversation>,
  replies: Reply[],
) => Promise<SendOutcome>;

/**
 * What happened in one conversation. `dead`: marked earlier as one the bot cannot post to,
 * so nothing was tried; `unknown`: no such conversation is stored.
 */
export type Delivery = ConversationAddress &
  (SendOutcome | { status: 'dead'; reason: string } | { status: 'unknown'; reason: string });

/** Sends Replies to stored conversations, in any channel, and reports per conversation. */
export interface Notifier {
  send(to: ConversationAddress, replies: Reply[]): Promise<Delivery>;
  /** Every conversation gets its own report; one failing does not stop the others. */
  sendToMany(to: readonly ConversationAddress[], replies: Reply[]): Promise<Delivery[]>;
}

/** How many conversations are written to at once: gentle on the channels' rate limits. */
const PARALLEL_SENDS = 4;

/** The notifier over the stored conversations, with one sender per channel name. */
export function createNotifier(deps: {
  conversations: ConversationRepository;
  senders: Readonly<Record<string, ConversationSender>>;
  logger: Logger;
}): Notifier {
  // a sender reports rather than throws; one that throws anyway must not cost the others their reports
  const sendSafely = async (
    sender: ConversationSender,
    stored: DeepReadonly<StoredConversation>,
    replies: Reply[],
  ): Promise<SendOutcome> => {
    try {
      return await sender(stored, replies);
    } catch (error) {
      deps.logger.error(
        { err: error, channel: stored.channel, conversationId: stored.conversationId },
        'sender failed',
      );
      return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
  };
  // a conversation that cannot be marked still gets its report; the log says why it may be tried again
  const markDead = async (to: ConversationAddress, reason: string): Promise<void> => {
    try {
      await deps.conversations.markDead(to.channel, to.conversationId, reason);
    } catch (error) {
      deps.logger.error(
        { err: error, ...to },
        'could not mark the conversation dead; it will be tried again next time',
      );
    }
  };
  const send = async (to: ConversationAddress, replies: Reply[]): Promise<Delivery> => {
    const stored = deps.conversations.get(to.channel, to.conversationId);
    if (!stored) return { ...to, status: 'unknown', reason: 'no such conversation is stored' };
    if (stored.dead) return { ...to, status: 'dead', reason: stored.dead.reason };
    const sender = deps.senders[stored.channel];
    if (!sender) return { ...to, status: 'failed', reason: `no sender for channel ${stored.channel}` };
    const outcome = await sendSafely(sender, stored, replies);
    const delivery: Delivery = { ...to, ...outcome };
    if (outcome.status === 'gone') await markDead(to, outcome.reason);
    const level = outcome.status === 'sent' ? 'info' : 'warn';
    deps.logger[level]({ delivery }, 'proactive message');
    return delivery;
  };
  const sendToMany = async (to: readonly ConversationAddress[], replies: Reply[]): Promise<Delivery[]> => {
    const deliveries: Delivery[] = new Array<Delivery>(to.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < to.length) {
        const index = next++;
        deliveries[index] = await send(to[index]!, replies);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_SENDS, to.length) }, worker));
    return deliveries;
  };
  return { send, sendToMany };
}
