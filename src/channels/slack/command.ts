import type { App } from '@slack/bolt';
import { formOf, openForm } from './modal.js';
import { rememberSlackConversation } from './remember.js';
import { toSlackMessage } from './render-blocks.js';
import type { SlackDeps } from './slack-deps.js';
import { toTurn } from './to-turn.js';
import { withTurnErrors } from './turn-errors.js';

/** The slash command: `/status` is Slack's own. */
export const SLASH_COMMAND = '/klik';

/**
 * `/klik <question or subcommand>`: acknowledged at once (Slack waits 3 s at most), answered
 * through the command's response_url, visible only to the person who asked: a question typed
 * into a busy channel should not fill it.
 */
export function registerCommand(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    // the channel a command is typed in is one klikbot may post in later (reminders asked for there)
    await rememberSlackConversation(command.channel_id, command.team_id, deps);
    const place = { userId: command.user_id, userName: command.user_name, channelId: command.channel_id, teamId: command.team_id };
    const tell = (text: string) => respond({ response_type: 'ephemeral', text });
    await withTurnErrors(deps, command.text, tell, async () => {
      const replies = await deps.core.handle(toTurn(place, command.text, deps.clock.now()));
      const form = formOf(replies);
      // a form opens as a modal at once: the trigger is only valid for 3 seconds
      if (form) return openForm(client, command.trigger_id, form, { channelId: command.channel_id });
      // a reply for everyone (a poll, a pause) goes in the channel; the rest only to the asker
      for (const reply of replies) await respond({ response_type: reply.broadcast === true ? 'in_channel' : 'ephemeral', ...toSlackMessage(reply) });
    });
  });
}
