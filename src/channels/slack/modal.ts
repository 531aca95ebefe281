import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { KnownBlock, View } from '@slack/types';
import { z } from 'zod';
import { isTextField, type Reply, type ReplyForm, type ReplyFormChoiceField, type ReplyFormTextField } from '../../core/types.js';
import { toPlainText, truncatePlain } from './mrkdwn.js';
import { toSlackMessage } from './render-blocks.js';
import type { SlackDeps } from './slack-deps.js';
import { toTurn } from './to-turn.js';
import { withTurnErrors } from './turn-errors.js';

/** The callback id of every klikbot modal: the form's own id travels in the private metadata. */
export const MODAL_CALLBACK_ID = 'klikbot-form';

/** Slack's limits: a modal title of 24 characters, a button of 24, 100 options in a select, 3000 characters in a text input. */
const TITLE_MAX = 24;
const OPTIONS_MAX = 100;
const TEXT_INPUT_MAX = 3000;
const PLACEHOLDER_MAX = 150;

/** A free-text field as the modal carries it back: how long it may be, and whether it may be left empty. */
const textFieldMetadata = z.object({ id: z.string().min(1).max(64), maxLength: z.int().min(1).max(TEXT_INPUT_MAX), optional: z.boolean() });

/** What the modal carries back on submission: what to run, with which fields (`text`: those that are free text). */
const modalMetadata = z.object({
  dialog: z.string().min(1).max(64),
  args: z.record(z.string().max(64), z.string().max(500)),
  fields: z.array(z.string().min(1).max(64)).min(1).max(10),
  text: z.array(textFieldMetadata).max(10).optional(),
});

type ModalMetadata = z.infer<typeof modalMetadata>;

function choiceBlock(field: ReplyFormChoiceField): KnownBlock {
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

function textBlock(field: ReplyFormTextField): KnownBlock {
  return {
    type: 'input',
    block_id: field.id,
    optional: field.optional ?? false,
    label: { type: 'plain_text', text: truncatePlain(toPlainText(field.label), 2000) },
    element: {
      type: 'plain_text_input',
      action_id: 'text',
      multiline: field.multiline ?? false,
      max_length: Math.min(field.maxLength, TEXT_INPUT_MAX),
      ...(field.placeholder ? { placeholder: { type: 'plain_text', text: truncatePlain(field.placeholder, PLACEHOLDER_MAX) } } : {}),
    },
  };
}

function metadataOf(form: ReplyForm): ModalMetadata {
  const text = form.fields.filter(isTextField).map((field) => ({ id: field.id, maxLength: Math.min(field.maxLength, TEXT_INPUT_MAX), optional: field.optional ?? false }));
  return { dialog: form.submit.dialog, args: form.submit.args, fields: form.fields.map((field) => field.id), ...(text.length > 0 ? { text } : {}) };
}

/** A Slack modal for a form; the answer to its submission goes to the submitter's DM. */
export function toModal(form: ReplyForm, intro: string): View {
  return {
    type: 'modal',
    callback_id: MODAL_CALLBACK_ID,
    private_metadata: JSON.stringify(metadataOf(form)),
    title: { type: 'plain_text', text: truncatePlain(toPlainText(form.title), TITLE_MAX) },
    submit: { type: 'plain_text', text: truncatePlain(toPlainText(form.submitLabel), TITLE_MAX) },
    close: { type: 'plain_text', text: 'Annullér' },
    blocks: [...toSlackMessage({ text: intro }).blocks, ...form.fields.map((field) => (isTextField(field) ? textBlock(field) : choiceBlock(field)))],
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

const submittedState = z.record(
  z.string(),
  z.record(z.string(), z.object({ selected_option: z.object({ value: z.string().max(500) }).nullish(), value: z.string().nullish() })),
);

/** Why a submitted field cannot be used, in the words Slack shows under it. */
type FieldErrors = Record<string, string>;

function textValue(state: z.infer<typeof submittedState> | undefined, field: z.infer<typeof textFieldMetadata>): { value?: string } | { error: string } {
  const value = state?.[field.id]?.text?.value ?? '';
  if (value.trim() === '') return field.optional ? {} : { error: 'Skriv et svar.' };
  const read = z.string().max(field.maxLength).safeParse(value);
  return read.success ? { value: read.data } : { error: `Højst ${field.maxLength} tegn – dit svar har ${value.length}.` };
}

/** The chosen value of each choice and the text of each text field, from the submitted view's state; or what is wrong, per field. */
export function submittedValues(values: unknown, metadata: Pick<ModalMetadata, 'fields' | 'text'>): { values: Record<string, string> } | { errors: FieldErrors } {
  const parsed = submittedState.safeParse(values);
  const state = parsed.success ? parsed.data : undefined;
  const chosen: Record<string, string> = {};
  const errors: FieldErrors = {};
  for (const field of metadata.fields) {
    const text = metadata.text?.find((candidate) => candidate.id === field);
    if (text) {
      const read = textValue(state, text);
      if ('error' in read) errors[field] = read.error;
      else if (read.value !== undefined) chosen[field] = read.value;
      continue;
    }
    const value = state?.[field]?.choice?.selected_option?.value;
    if (value) chosen[field] = value;
    else errors[field] = 'Vælg en af mulighederne.';
  }
  return Object.keys(errors).length > 0 ? { errors } : { values: chosen };
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
    const submitted = submittedValues(view.state.values, metadata.data);
    if ('errors' in submitted) {
      // nothing runs: Slack shows each message under its field, and the modal stays open
      await ack({ response_action: 'errors', errors: submitted.errors });
      return;
    }
    await ack();
    const { dialog, args } = metadata.data;
    // the answer goes to whoever submitted, in their DM with the bot
    const channelId = body.user.id;
    const turn = toTurn({ userId: body.user.id, userName: body.user.name, channelId, teamId: body.team?.id }, '', deps.clock.now(), { dialog, args: { ...args, ...submitted.values } });
    const post = (message: { text: string; blocks?: KnownBlock[] }) => client.chat.postMessage({ channel: channelId, ...message });
    await withTurnErrors(deps, '', (text) => post({ text }), async () => {
      for (const reply of await deps.core.handle(turn)) await post(toSlackMessage(reply));
    });
  });
}
