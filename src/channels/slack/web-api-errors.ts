import { z } from 'zod';

/** How the Web API client reports Slack's own `{ ok: false, error }` answer. */
const platformError = z.object({
  code: z.literal('slack_webapi_platform_error'),
  data: z.object({ error: z.string() }),
});

/** Slack's error code (`not_in_channel`, `message_not_found`, …) when `error` is Slack refusing a call; else undefined. */
export function slackRefusal(error: unknown): string | undefined {
  return platformError.safeParse(error).data?.data.error;
}

/**
 * Slack's refusals that mean klikbot may not write in the conversation: a private channel it
 * was not invited to, one that is gone, or one where only some may post (#general, announcements).
 */
const unreachable = new Set(['not_in_channel', 'channel_not_found', 'restricted_action']);

/** Whether Slack refused a post because klikbot may not write in that conversation. */
export function cannotWriteThere(error: unknown): boolean {
  return unreachable.has(slackRefusal(error) ?? '');
}
