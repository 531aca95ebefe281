import type { SlackDeps } from './slack-deps.js';
import { SLACK_CHANNEL } from './slack-deps.js';

/** What the Slack sender needs to write to a conversation later. */
export interface SlackReference {
  channel: string;
  teamId?: string;
}

/**
 * Keeps a channel or DM the bot was addressed in, for reminders. Failing to keep it must
 * not cost the person their answer: the failure is logged and the turn goes on.
 */
export async function rememberSlackConversation(
  channelId: string,
  teamId: string | undefined,
  deps: SlackDeps,
  userId?: string,
): Promise<void> {
  const reference: SlackReference = teamId ? { channel: channelId, teamId } : { channel: channelId };
  const isGroup = !channelId.startsWith('D');
  try {
    // a DM is where an approval reaches the person
    await deps.conversations.remember({
      channel: SLACK_CHANNEL,
      conversationId: channelId,
      reference,
      tenantId: teamId,
      isGroup,
      ...(isGroup || !userId ? {} : { userId }),
    });
  } catch (error) {
    deps.logger.error({ err: error, conversation: channelId }, 'could not store the Slack conversation');
  }
}
