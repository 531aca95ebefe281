import type { ChannelDeps, ConversationBook } from '../../core/channel-deps.js';

/** Teams' conversation book: a team's channels are forgotten together when the app leaves the team. */
export interface TeamsConversationBook extends ConversationBook {
  /** Forgets every conversation of a team; resolves how many there were. */
  removeTeam(channel: string, teamId: string): Promise<number>;
}

/** What the Bot Framework channel needs from the rest of klikbot. */
export type TeamsDeps = ChannelDeps<TeamsConversationBook>;
