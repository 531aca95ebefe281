import type { Clock } from '../../clock.js';
import type { Core } from '../../core/core.js';
import type { Logger } from '../../logger.js';
import type { ConversationSighting } from '../../state/conversations.js';

/** The conversations the Teams channel keeps for later (the state repository). */
export interface ConversationBook {
  /** Resolves true when the conversation was not known before. */
  remember(sighting: ConversationSighting): Promise<boolean>;
  remove(channel: string, conversationId: string): Promise<boolean>;
  /** Forgets every conversation of a team; resolves how many there were. */
  removeTeam(channel: string, teamId: string): Promise<number>;
}

/** What the Bot Framework channel needs from the rest of klikbot. */
export interface TeamsDeps {
  core: Pick<Core, 'handle' | 'unknownButton' | 'knowsDialog'>;
  clock: Clock;
  logger: Logger;
  conversations: ConversationBook;
}
