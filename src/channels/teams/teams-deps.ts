import type { ChannelDeps, ConversationBook } from '../../core/channel-deps.js';
import type { ActionSeal } from '../../core/sealed-action.js';
import type { SharedCards } from './shared-cards.js';

/** Teams' conversation book: a team's channels are forgotten together when the app leaves the team. */
export interface TeamsConversationBook extends ConversationBook {
  /** Forgets every conversation of a team; resolves how many there were. */
  removeTeam(channel: string, teamId: string): Promise<number>;
}

/** What the Bot Framework channel needs from the rest of klikbot. */
export interface TeamsDeps extends ChannelDeps<TeamsConversationBook> {
  /** Keeps cards meant for everyone up to date for everyone; absent, only the presser sees a change. */
  sharedCards?: SharedCards;
  /**
   * Local mode's web chat pages that keep a stream open: a conversation one of them shows can
   * be written to later, though its answers come in the HTTP response.
   */
  liveWebChat?: { isOpen(conversationId: string): boolean };
  /** Binds a file's action to where it was asked, for the 1:1 chat where Teams offers the file. */
  seal: ActionSeal;
  /** No credentials: unauthenticated traffic is accepted, so replies stay on this machine. */
  localMode?: boolean;
}
