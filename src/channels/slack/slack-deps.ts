import type { ChannelDeps } from '../../core/channel-deps.js';

/** What the Slack channel needs from the rest of klikbot. */
export type SlackDeps = ChannelDeps;

/** The stored conversation's channel name for Slack. */
export const SLACK_CHANNEL = 'slack';
