/** The path on klikbot's server where Slack posts events, slash commands and button clicks. */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * The bot events klikbot subscribes to, as manifest/slack/manifest.yaml names them (a test keeps
 * the two equal): mentions in channels, direct messages, the App Home being opened, and the bot
 * being removed from a public (`channel_left`) or private (`group_left`) channel.
 */
export const SLACK_EVENTS = ['app_mention', 'message.im', 'app_home_opened', 'channel_left', 'group_left'] as const;
