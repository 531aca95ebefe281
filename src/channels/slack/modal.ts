import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { KnownBlock, View } from '@slack/types';
import { z } from 'zod';
import type { Reply, ReplyForm } from '../../core/types.js';
import { toPlainText, truncatePlain } from './mrkdwn.js';
import { toSlackMessage } from './render-blocks.js';
import type { SlackDeps } from './slack-deps.js';
import { toTurn } from './to-turn.js';
import { withTurnErrors } from './turn-errors.js';

/** The callback id of every klikbot modal: the form's own id travels in the private metadata. */
export const MODAL_CALLBACK_ID = 'klikbot-form';

/** Slack's limits: a modal title of 24 characters, a button of 24, 100 options in a select. */
const TITLE_MAX = 24;
const OPTIONS_MAX = 100;

/** What the modal carries back on submission: what to run, with which fields. */
const modalMetadata = z.object({
  dialog: z.string().min(1).max(64),
  args: z.record(z.string().max(64), z.string().max(500)),
  fields: z.array(z.string().min(1).max(64)).min(1).max(10),
});

function fieldBlock(field: ReplyForm['fields'][number]): KnownBlock {
  return {
    type: 'input',
    block_id: field.id,
    label: { type: 'plain_text', text: truncatePlain(toPlainText(field.label), 2000) },
    element: {
      type: 'static_select',
      action_id: 'choice',
      options: field.options.slice(0, OPTIONS_MAX).map((option) => ({
        text: { type: 'plain_text', text: truncatePlain(toPlainText(option.label), 75) },
        value: option.value,
      })),
    },
  };
}

/** A Slack modal for a form; the answer to its submission goes to the submitter's DM. */
export function toModal(form: ReplyForm, intro: string): View {
  const metadata: z.infer<typeof modalMetadata> = { dialog: form.submit.dialog, args: form.submit.args, fields: form.fields.map((field) => field.id) };
  return {
    type: 'modal',
    callback_id: MODAL_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: truncatePlain(toPlainText(form.title), TITLE_MAX) },
    submit: { type: 'plain_text', text: truncatePlain(toPlainText(form.submitLabel), TITLE_MAX) },
    close: { type: 'plain_text', text: 'Annullér' },
    blocks: [...toSlackMessage({ text: intro }).blocks, ...form.fields.map(fieldBlock)],
  };
}

/**
 * A message cannot hold a form, and a modal needs the trigger of a click or a command: a
 * reply with a form, in a message, offers a button that opens it.
 */
export function withFormButton(reply: Reply): Reply {
  if (!reply.form?.open) return reply;
  return { ...reply, buttons: [{ title: reply.form.title, action: reply.form.open }, ...(reply.buttons ?? [])] };
}

/** The form of the first reply that has one. */
export function formOf(replies: Reply[]): { form: ReplyForm; reply: Reply } | undefined {
  const reply = replies.find((candidate) => candidate.form !== undefined);
  return reply?.form ? { form: reply.form, reply } : undefined;
}

function readMetadata(raw: string) {
  try {
    return modalMetadata.safeParse(JSON.parse(raw));
  } catch {
    // not JSON at all: the same refusal as JSON of the wrong shape
    return modalMetadata.safeParse(undefined);
  }
}

/** Opens the form as a modal; the person's answers will come in their DM with the bot. */
export async function openForm(client: WebClient, triggerId: string, found: { form: ReplyForm; reply: Reply }): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view: toModal(found.form, found.reply.intro ?? found.reply.text) });
}

/** The chosen value of each field, from the submitted view's state. */
function chosenValues(values: unknown, fields: string[]): Record<string, string> | { missing: string } {
  const state = z.record(z.string(), z.record(z.string(), z.object({ selected_option: z.object({ value: z.string().max(500) }).nullish() }))).safeParse(values);
  const chosen: Record<string, string> = {};
  for (const field of fields) {
    const value = state.success ? state.data[field]?.choice?.selected_option?.value : undefined;
    if (!value) return { missing: field };
    chosen[field] = value;
  }
  return chosen;
}

/** A submitted klikbot modal runs its dialog with the chosen values; the answer comes in the DM. */
export function registerModal(app: App, deps: SlackDeps): void {
  app.view(MODAL_CALLBACK_ID, async ({ ack, view, body, client }) => {
    const metadata = readMetadata(view.private_metadata);
    if (!metadata.success) {
      await ack();
      deps.logger.warn({ issues: metadata.error.issues.length }, 'a klikbot modal came back without readable metadata');
      return;
    }
    const chosen = chosenValues(view.state.values, metadata.data.fields);
    if ('missing' in chosen) {
      await ack({ response_action: 'errors', errors: { [chosen.missing]: 'Vælg en af mulighederne.' } });
      return;
    }
    await ack();
    const { dialog, args } = metadata.data;
    // the answer goes to whoever submitted, in their DM with the bot
    const channelId = body.user.id;
    const turn = toTurn({ userId: body.user.id, userName: body.user.name, channelId, teamId: body.team?.id }, '', deps.clock.now(), { dialog, args: { ...args, ...chosen } });
    const post = (message: { text: string; blocks?: KnownBlock[] }) => client.chat.postMessage({ channel: channelId, ...message });
    await withTurnErrors(deps, '', (text) => post({ text }), async () => {
      for (const reply of await deps.core.handle(turn)) await post(toSlackMessage(reply));
    });
  });
}
