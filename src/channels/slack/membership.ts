import type { App } from '@slack/bolt';
import type { SlackDeps } from './slack-deps.js';
import { SLACK_CHANNEL } from './slack-deps.js';

/** Removed from a channel, the bot forgets it: reminders there would only fail. */
export function registerMembership(app: App, deps: SlackDeps): void {
  for (const name of ['channel_left', 'group_left'] as const) {
    app.event(name, async ({ event }) => {
      const removed = await deps.conversations.remove(SLACK_CHANNEL, event.channel);
      deps.logger.info({ conversation: event.channel, removed }, 'klikbot removed from a Slack channel');
    });
  }
}
