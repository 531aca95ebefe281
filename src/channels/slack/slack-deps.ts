import type { Clock } from '../../clock.js';
import type { Core } from '../../core/core.js';
import type { Logger } from '../../logger.js';
import type { ConversationSighting } from '../../state/conversations.js';

/** The conversations the Slack channel keeps for proactive messages (the state repository). */
export interface SlackConversationBook {
  remember(sighting: ConversationSighting): Promise<boolean>;
  remove(channel: string, conversationId: string): Promise<boolean>;
}

/** What the Slack channel needs from the rest of klikbot. */
export interface SlackDeps {
  core: Pick<Core, 'handle' | 'unknownButton' | 'knowsDialog'>;
  clock: Clock;
  logger: Logger;
  conversations: SlackConversationBook;
}

/** The stored conversation's channel name for Slack. */
export const SLACK_CHANNEL = 'slack';
