import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { forEveryone } from '../../core/own-copy.js';
import type { Reply } from '../../core/types.js';
import { postForEveryone } from './command.js';
import { deliverFiles } from './files.js';
import { formOf, openForm } from './modal.js';
import { readSlackButton, SLACK_ACTION_ID, toSlackMessage } from './render-blocks.js';
import type { SlackDeps } from './slack-deps.js';
import { toTurn } from './to-turn.js';
import { withTurnErrors } from './turn-errors.js';

/** Where the pressed button sits, and so where its answer goes. */
interface ButtonSite {
  channelId: string;
  /** The message the button is on; absent for a button in the App Home. */
  messageTs?: string;
  threadTs?: string;
  ephemeral: boolean;
}

/** Slack's description of where a pressed button is (`container`), as far as klikbot reads it. */
const containerSchema = z.object({
  type: z.string().optional(),
  channel_id: z.string().optional(),
  message_ts: z.string().optional(),
  is_ephemeral: z.boolean().optional(),
});

// Bolt types the pressed message loosely (any): read the one field used
function threadOf(message: unknown): string | undefined {
  const threadTs = (message as { thread_ts?: unknown } | undefined)?.thread_ts;
  return typeof threadTs === 'string' ? threadTs : undefined;
}

function siteOf(body: BlockAction): ButtonSite {
  const raw: unknown = body.container;
  const container = containerSchema.safeParse(raw).data ?? {};
  // a button in the App Home has no message to answer under: the answer goes to the DM
  if (container.type !== 'message') return { channelId: body.user.id, ephemeral: false };
  return {
    channelId: container.channel_id ?? body.channel?.id ?? body.user.id,
    messageTs: container.message_ts,
    threadTs: threadOf(body.message),
    ephemeral: container.is_ephemeral === true,
  };
}

/**
 * New messages next to the pressed one: in its thread, or privately for a private message.
 * A refusal is for the presser alone: privately whenever the button sits on a message.
 */
async function postAnswers(
  replies: Reply[],
  site: ButtonSite,
  client: WebClient,
  respond: RespondFn,
  deps: SlackDeps,
): Promise<void> {
  for (const reply of replies) {
    // pressed on a message only the presser sees (an answer to /klik), a reply for everyone
    // (a poll's result, the next item, a break) still goes to the whole channel
    if (site.ephemeral && reply.broadcast && !reply.notice) {
      await postForEveryone(forEveryone(reply), site.channelId, client, respond, deps);
      await tellOwnCopy(reply, respond);
      continue;
    }
    const message = toSlackMessage(reply);
    if (site.ephemeral || (reply.notice && site.messageTs)) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
      continue;
    }
    const shared = forEveryone(reply);
    const posted = await client.chat.postMessage({
      channel: site.channelId,
      thread_ts: site.threadTs,
      ...toSlackMessage(shared),
    });
    if (shared.broadcast && posted.ts)
      await deps.core.cardPosted(shared, { conversationId: site.channelId, messageId: posted.ts });
    await tellOwnCopy(reply, respond);
  }
}

/**
 * Slack shows a message to everyone or, ephemerally, to one person: a presser's own copy
 * (their vote marked) comes to them as its one sentence, beside the shared card.
 */
async function tellOwnCopy(reply: Reply, respond: RespondFn): Promise<void> {
  if (reply.ownCopy) await respond({ response_type: 'ephemeral', replace_original: false, text: reply.ownCopy.note });
}

/**
 * Rewrites the pressed message. One meant for everyone (a poll) is rewritten at the pace
 * the throttle allows, newest first: Slack takes about one chat.update a second.
 */
async function rewrite(
  reply: Reply,
  site: ButtonSite & { messageTs: string },
  client: WebClient,
  deps: SlackDeps,
): Promise<void> {
  const update = async (card: Reply) => {
    await client.chat.update({ channel: site.channelId, ts: site.messageTs, ...toSlackMessage(card) });
  };
  if (!reply.broadcast || !deps.cardRefreshes) return update(reply);
  // rendered again as the write starts: a rewrite that waited must not undo a newer one
  deps.cardRefreshes.schedule(`slack\n${site.channelId}\n${site.messageTs}`, () =>
    update(deps.core.currentCard(reply)),
  );
  await deps.core.cardPosted(reply, { conversationId: site.channelId, messageId: site.messageTs });
}

/** The first answer takes the pressed message's place; an ephemeral one can only be replaced through response_url. */
async function replaceMessage(
  replies: Reply[],
  site: ButtonSite,
  client: WebClient,
  respond: RespondFn,
  deps: SlackDeps,
): Promise<void> {
  const [first, ...rest] = replies;
  if (!first) return;
  // a refusal leaves the message (perhaps someone else's) as it is
  if (first.notice) return postAnswers(replies, site, client, respond, deps);
  if (site.ephemeral) await respond({ replace_original: true, ...toSlackMessage(first) });
  else if (site.messageTs) {
    await rewrite(forEveryone(first), { ...site, messageTs: site.messageTs }, client, deps);
    await tellOwnCopy(first, respond);
  } else rest.unshift(first);
  await postAnswers(rest, site, client, respond, deps);
}

/** Clicks on klikbot's buttons reach the same dialogs as in Teams. */
export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: SLACK_ACTION_ID },
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const site = siteOf(body);
      const pressed = readSlackButton(action.value ?? '');
      const place = {
        userId: body.user.id,
        userName: body.user.name,
        channelId: site.channelId,
        teamId: body.team?.id,
        ...(site.threadTs !== undefined ? { threadTs: site.threadTs } : {}),
      };
      const turn = toTurn(
        place,
        '',
        deps.clock.now(),
        pressed ? { dialog: pressed.dialog, args: pressed.args } : undefined,
      );
      // a notice meant for the presser alone: privately under a message, in the DM from the App Home
      const privately = site.messageTs ? { ...site, ephemeral: true } : site;
      const tell = (text: string) => postAnswers([{ text }], privately, client, respond, deps);
      await withTurnErrors(deps, '', tell, async () => {
        // an old message may carry a button this klikbot cannot read: say so, leave the message as it is
        if (!pressed || !deps.core.knowsDialog(pressed.dialog))
          return postAnswers(deps.core.unknownButton(turn), privately, client, respond, deps);
        const answered = await deps.core.handle(turn);
        // an export's file goes to the presser's DM; under a message, they alone hear where it went
        const inDm = site.channelId.startsWith('D') || !site.messageTs;
        const { rest: replies, note } = await deliverFiles(answered, body.user.id, client, inDm);
        if (note) await respond({ response_type: 'ephemeral', replace_original: false, text: note });
        const form = formOf(replies);
        if (form) return openForm(client, body.trigger_id, form, site);
        if (pressed.replacesCard) return replaceMessage(replies, site, client, respond, deps);
        return postAnswers(replies, site, client, respond, deps);
      });
    },
  );
}
