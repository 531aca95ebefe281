import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { deliverFiles } from './files.js';
import { withMentions } from './mentions.js';
import { withFormButton } from './modal.js';
import { rememberSlackConversation } from './remember.js';
import { toSlackMessage } from './render-blocks.js';
import type { SlackDeps } from './slack-deps.js';
import { slackEmailLookup, toTurn, withoutMention } from './to-turn.js';
import { withTurnErrors } from './turn-errors.js';

/** The fields of a mention or a DM klikbot reads; anything else in the event is Slack's business. */
const addressed = z.object({
  user: z.string().min(1),
  text: z.string().max(10_000).default(''),
  channel: z.string().min(1),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  team: z.string().optional(),
});

type Say = (message: { text: string; blocks?: unknown[]; thread_ts?: string }) => Promise<unknown>;

/** Posts a message only the asker sees (chat.postEphemeral) in a channel. */
type SayPrivately = (
  user: string,
  message: { text: string; blocks?: unknown[]; thread_ts?: string },
) => Promise<unknown>;

/** What chat.postMessage answers (through `say`): where the message now stands. */
const postedMessage = z.object({ ts: z.string().min(1), channel: z.string().min(1).optional() });

/**
 * Answers one message addressed to the bot. In a channel the answer goes in the message's
 * thread, so a question and its answer stay together and the channel stays readable.
 */
async function answer(
  raw: unknown,
  botUserId: string | undefined,
  say: Say,
  sayPrivately: SayPrivately,
  deps: SlackDeps,
  client: WebClient,
): Promise<void> {
  const parsed = addressed.safeParse(raw);
  if (!parsed.success) {
    deps.logger.warn(
      { issues: parsed.error.issues.map((issue) => issue.path.join('.')) },
      'ignored a Slack message klikbot cannot read',
    );
    return;
  }
  const event = parsed.data;
  const threadTs = event.channel.startsWith('D') ? event.thread_ts : (event.thread_ts ?? event.ts);
  const text = withoutMention(event.text, botUserId);
  await withTurnErrors(
    deps,
    text,
    (message) => say({ text: message, thread_ts: threadTs }),
    async () => {
      await rememberSlackConversation(event.channel, event.team, deps, event.user);
      const place = {
        userId: event.user,
        channelId: event.channel,
        teamId: event.team,
        ...(threadTs !== undefined ? { threadTs } : {}),
      };
      const answered = await deps.core.handle(
        withMentions(
          toTurn(place, text, deps.clock.now(), undefined, slackEmailLookup(client, event.user, event.team)),
          client,
        ),
      );
      // an export's file goes to the asker's DM; in a channel, they alone hear where it went
      const inDm = event.channel.startsWith('D');
      const { rest: replies, note } = await deliverFiles(answered, event.user, client, inDm);
      if (note) await sayPrivately(event.user, { text: note, thread_ts: threadTs });
      for (const reply of replies) {
        // an export is for the asker alone: in a channel, a message only they see
        if (reply.private && !event.channel.startsWith('D')) {
          await sayPrivately(event.user, { ...toSlackMessage(reply), thread_ts: threadTs });
          continue;
        }
        const posted = postedMessage.safeParse(
          await say({ ...toSlackMessage(withFormButton(reply)), thread_ts: threadTs }),
        ).data;
        // a card for everyone (a poll) is kept by where it stands, to be rewritten when it closes
        if (reply.broadcast && posted)
          await deps.core.cardPosted(reply, { conversationId: posted.channel ?? event.channel, messageId: posted.ts });
      }
    },
  );
}

/** @mentions in channels, and direct messages to the bot. */
export function registerMessages(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, say, context, client }) => {
    // another app mentioning klikbot is not a person asking: no answer, no loop between bots
    if ('bot_id' in event && event.bot_id) return;
    const sayPrivately: SayPrivately = (user, message) =>
      client.chat.postEphemeral({ channel: event.channel, user, ...message });
    await answer(event, context.botUserId, say, sayPrivately, deps, client);
  });
  app.message(async ({ message, say, context, client }) => {
    // only people writing in the bot's DM: edits, joins and other bots' posts carry a subtype
    if (message.channel_type !== 'im' || message.subtype !== undefined) return;
    const sayPrivately: SayPrivately = (user, reply) =>
      client.chat.postEphemeral({ channel: message.channel, user, ...reply });
    await answer(message, context.botUserId, say, sayPrivately, deps, client);
  });
}
