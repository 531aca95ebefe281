import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Reply } from '../../core/types.js';
import { deliverFiles } from './files.js';
import { withMentions } from './mentions.js';
import { formOf, openForm } from './modal.js';
import { rememberSlackConversation } from './remember.js';
import { toSlackMessage } from './render-blocks.js';
import type { SlackDeps } from './slack-deps.js';
import { slackEmailLookup, toTurn } from './to-turn.js';
import { withTurnErrors } from './turn-errors.js';
import { cannotWriteThere } from './web-api-errors.js';

/** The slash command: `/status` is Slack's own. */
export const SLASH_COMMAND = '/klik';

/**
 * Posts a reply for everyone as klikbot's own message, so that it can be rewritten later (a
 * poll's card when it closes). Where klikbot may not post (a private channel or a DM it is not
 * in), the command's (or the click's) answer still reaches everyone there, though it cannot be
 * rewritten.
 */
export async function postForEveryone(
  reply: Reply,
  channelId: string,
  client: WebClient,
  respond: RespondFn,
  deps: SlackDeps,
): Promise<void> {
  const message = toSlackMessage(reply);
  let posted;
  try {
    posted = await client.chat.postMessage({ channel: channelId, ...message });
  } catch (error) {
    if (!cannotWriteThere(error)) throw error;
    await respond({ response_type: 'in_channel', ...message });
    return;
  }
  if (posted.ts)
    await deps.core.cardPosted(reply, { conversationId: posted.channel ?? channelId, messageId: posted.ts });
}

/**
 * `/klik <question or subcommand>`: acknowledged at once (Slack waits 3 s at most), answered
 * through the command's response_url, visible only to the person who asked: a question typed
 * into a busy channel should not fill it.
 */
export function registerCommand(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    // the channel a command is typed in is one klikbot may post in later (reminders asked for there)
    await rememberSlackConversation(command.channel_id, command.team_id, deps, command.user_id);
    const place = {
      userId: command.user_id,
      userName: command.user_name,
      channelId: command.channel_id,
      teamId: command.team_id,
    };
    const tell = (text: string) => respond({ response_type: 'ephemeral', text });
    await withTurnErrors(deps, command.text, tell, async () => {
      const answered = await deps.core.handle(
        withMentions(
          toTurn(
            place,
            command.text,
            deps.clock.now(),
            undefined,
            slackEmailLookup(client, command.user_id, command.team_id),
          ),
          client,
        ),
      );
      // an export's file goes to the asker's DM; they alone hear where it went
      const inDm = command.channel_id.startsWith('D');
      const { rest: replies, note } = await deliverFiles(answered, command.user_id, client, inDm);
      if (note) await respond({ response_type: 'ephemeral', text: note });
      const form = formOf(replies);
      // a form opens as a modal at once: the trigger is only valid for 3 seconds
      if (form) return openForm(client, command.trigger_id, form, { channelId: command.channel_id });
      // a reply for everyone (a poll, a pause) goes in the channel; the rest only to the asker
      for (const reply of replies) {
        if (reply.broadcast === true) await postForEveryone(reply, command.channel_id, client, respond, deps);
        else await respond({ response_type: 'ephemeral', ...toSlackMessage(reply) });
      }
    });
  });
}
