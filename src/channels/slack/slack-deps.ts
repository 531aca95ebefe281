import type { Claims } from '../../state/claims.js';
import type { ReplayJournal } from './replay-journal.js';
import type { ChannelDeps } from '../../core/channel-deps.js';
import type { RefreshThrottle } from '../../core/refresh-throttle.js';

/** What the Slack channel needs from the rest of klikbot. */
export interface SlackDeps extends ChannelDeps {
  /** Paces the rewrites of a card many press at once (a poll); absent, each press rewrites it. */
  cardRefreshes?: RefreshThrottle;
  /** Where the signatures already received are kept across a restart; absent, in memory only. */
  replayJournal?: ReplayJournal;
  /** Where an event id is claimed, so that its retries are dropped on every instance; absent, in memory. */
  claims?: Claims;
  /** With several instances: where a request's signature is claimed, so a replay to another instance is refused. */
  sharedClaims?: Claims;
}

/** The stored conversation's channel name for Slack. */
export const SLACK_CHANNEL = 'slack';
