import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { ConversationSighting } from '../state/conversations.js';
import type { Core } from './core.js';

/** The conversations a channel keeps for proactive messages (the state repository). */
export interface ConversationBook {
  /** Resolves true when the bot could not write to the conversation before. */
  remember(sighting: ConversationSighting): Promise<boolean>;
  remove(channel: string, conversationId: string): Promise<boolean>;
}

/** What every channel needs from the rest of klikbot; `Book` is its kind of conversation book. */
export interface ChannelDeps<Book extends ConversationBook = ConversationBook> {
  core: Pick<Core, 'handle' | 'unknownButton' | 'knowsDialog' | 'cardPosted' | 'currentCard'>;
  clock: Clock;
  logger: Logger;
  conversations: Book;
}
