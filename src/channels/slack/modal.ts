import type { App, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { KnownBlock, View } from '@slack/types';
import { z } from 'zod';
import {
  isTextField,
  type Reply,
  type ReplyForm,
  type ReplyFormChoiceField,
  type ReplyFormTextField,
  type Turn,
} from '../../core/types.js';
import { toPlainText, truncatePlain } from './mrkdwn.js';
import { toSlackMessage } from './render-blocks.js';
import type { SlackDeps } from './slack-deps.js';
import { toTurn } from './to-turn.js';
import { withTurnErrors } from './turn-errors.js';
import { cannotWriteThere } from './web-api-errors.js';

/** The callback id of every klikbot modal: the form's own id travels in the private metadata. */
export const MODAL_CALLBACK_ID = 'klikbot-form';

/** Slack's limits: a modal title of 24 characters, a button of 24, 100 options in a select, 3000 characters in a text input. */
const TITLE_MAX = 24;
const OPTIONS_MAX = 100;
const TEXT_INPUT_MAX = 3000;
const PLACEHOLDER_MAX = 150;

/** A free-text field as the modal carries it back: how long it may be, and whether it may be left empty. */
const textFieldMetadata = z.object({
  id: z.string().min(1).max(64),
  maxLength: z.int().min(1).max(TEXT_INPUT_MAX),
  optional: z.boolean(),
});

/** Where a form was opened: its answer for everyone goes back there, in the thread it was opened from. */
export interface FormSite {
  /** The conversation (C… channel, G… private channel, D… DM; a user id for the App Home). */
  channelId: string;
  threadTs?: string;
}

/** The site as the modal carries it: Slack ids and a message timestamp, nothing else. */
const siteMetadata = z.object({
  channel: z.string().regex(/^[CDGUW][A-Z0-9]{2,40}$/),
  thread: z
    .string()
    .regex(/^\d{1,12}\.\d{1,9}$/)
    .optional(),
});

/** What the modal carries back on submission: what to run, with which fields (`text`: those that are free text), and where. */
const modalMetadata = z.object({
  dialog: z.string().min(1).max(64),
  args: z.record(z.string().max(64), z.string().max(500)),
  fields: z.array(z.string().min(1).max(64)).min(1).max(10),
  text: z.array(textFieldMetadata).max(10).optional(),
  site: siteMetadata,
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
      ...(field.placeholder
        ? { placeholder: { type: 'plain_text', text: truncatePlain(field.placeholder, PLACEHOLDER_MAX) } }
        : {}),
    },
  };
}

function metadataOf(form: ReplyForm, site: FormSite): ModalMetadata {
  const text = form.fields.filter(isTextField).map((field) => ({
    id: field.id,
    maxLength: Math.min(field.maxLength, TEXT_INPUT_MAX),
    optional: field.optional ?? false,
  }));
  return {
    dialog: form.submit.dialog,
    args: form.submit.args,
    fields: form.fields.map((field) => field.id),
    ...(text.length > 0 ? { text } : {}),
    site: { channel: site.channelId, ...(site.threadTs !== undefined ? { thread: site.threadTs } : {}) },
  };
}

/**
 * A Slack modal for a form opened at `site`: on submission, an answer for everyone (a poll)
 * goes there, any other answer to the submitter's DM.
 */
export function toModal(form: ReplyForm, intro: string, site: FormSite): View {
  return {
    type: 'modal',
    callback_id: MODAL_CALLBACK_ID,
    private_metadata: JSON.stringify(metadataOf(form, site)),
    title: { type: 'plain_text', text: truncatePlain(toPlainText(form.title), TITLE_MAX) },
    submit: { type: 'plain_text', text: truncatePlain(toPlainText(form.submitLabel), TITLE_MAX) },
    close: { type: 'plain_text', text: 'Annullér' },
    blocks: [
      ...toSlackMessage({ text: intro }).blocks,
      ...form.fields.map((field) => (isTextField(field) ? textBlock(field) : choiceBlock(field))),
    ],
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

/** Opens the form as a modal, remembering where it was opened (see toModal). */
export async function openForm(
  client: WebClient,
  triggerId: string,
  found: { form: ReplyForm; reply: Reply },
  site: FormSite,
): Promise<void> {
  await client.views.open({
    trigger_id: triggerId,
    view: toModal(found.form, found.reply.intro ?? found.reply.text, site),
  });
}

const submittedState = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({ selected_option: z.object({ value: z.string().max(500) }).nullish(), value: z.string().nullish() }),
  ),
);

/** Why a submitted field cannot be used, in the words Slack shows under it. */
type FieldErrors = Record<string, string>;

function textValue(
  state: z.infer<typeof submittedState> | undefined,
  field: z.infer<typeof textFieldMetadata>,
): { value?: string } | { error: string } {
  const value = state?.[field.id]?.text?.value ?? '';
  if (value.trim() === '') return field.optional ? {} : { error: 'Skriv et svar.' };
  const read = z.string().max(field.maxLength).safeParse(value);
  return read.success
    ? { value: read.data }
    : { error: `Højst ${field.maxLength} tegn – dit svar har ${value.length}.` };
}

/** The chosen value of each choice and the text of each text field, from the submitted view's state; or what is wrong, per field. */
export function submittedValues(
  values: unknown,
  metadata: Pick<ModalMetadata, 'fields' | 'text'>,
): { values: Record<string, string> } | { errors: FieldErrors } {
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

/** A message as klikbot posts it: the text, and blocks where it has structure. */
type SlackMessageBody = { text: string; blocks?: KnownBlock[] };
type Post = (message: SlackMessageBody) => Promise<unknown>;

function siteOf(metadata: ModalMetadata): FormSite {
  return {
    channelId: metadata.site.channel,
    ...(metadata.site.thread !== undefined ? { threadTs: metadata.site.thread } : {}),
  };
}

/** Tells the submitter what could not be posted where the form was opened, and shows it to them without its buttons: those only work there. */
async function tellUndelivered(site: FormSite, reply: Reply, privately: Post): Promise<void> {
  await privately({
    text: `Jeg kunne ikke skrive i <#${site.channelId}>, fordi klikbot ikke er med i kanalen. Inviter klikbot med /invite @klikbot, og prøv igen. Det her skulle have stået der:`,
  });
  const { buttons: _buttons, ...shown } = reply;
  await privately(toSlackMessage(shown));
}

/**
 * The answers to a submitted form: one for everyone (a poll card) in the conversation and
 * thread the form was opened from; the rest are the submitter's own (a confirmation, an
 * evaluation's thanks, a refusal) and go to their DM. Where klikbot may not write in that
 * conversation, the submitter is told so in the DM, with what was meant for it.
 */
async function postAnswers(
  replies: Reply[],
  site: FormSite,
  client: WebClient,
  privately: Post,
  deps: SlackDeps,
): Promise<void> {
  for (const reply of replies) {
    const message = toSlackMessage(reply);
    if (reply.broadcast !== true) {
      await privately(message);
      continue;
    }
    try {
      const posted = await client.chat.postMessage({ channel: site.channelId, thread_ts: site.threadTs, ...message });
      if (posted.ts) await deps.core.cardPosted(reply, { conversationId: site.channelId, messageId: posted.ts });
    } catch (error) {
      if (!cannotWriteThere(error)) throw error;
      deps.logger.warn({ err: error, conversation: site.channelId }, 'klikbot may not write where a form was opened');
      await tellUndelivered(site, reply, privately);
    }
  }
}

/** What a person is told when a modal comes back without saying where it was opened (one opened before klikbot kept that), or unreadable. */
const NO_SITE_MESSAGE =
  'Jeg kan ikke se, hvor formularen blev åbnet, så jeg ved ikke, hvor svaret skal hen. Intet er gemt: luk formularen, og åbn den igen der, hvor du åbnede den.';

/** The input blocks of a submitted view, by id, as far as they can be read. */
function submittedBlocks(values: unknown): string[] {
  const parsed = z.record(z.string().min(1).max(255), z.unknown()).safeParse(values);
  return parsed.success ? Object.keys(parsed.data) : [];
}

type Ack = (response?: { response_action: 'errors'; errors: FieldErrors }) => Promise<void>;

/**
 * Refuses a submission whose metadata cannot be read: the reason under the first field, so
 * the modal stays open with what the person wrote in it; a view without fields is closed, and
 * the person told in the DM.
 */
async function refuseUnreadable(ack: Ack, values: unknown, tell: (text: string) => Promise<unknown>): Promise<void> {
  const [first] = submittedBlocks(values);
  if (first !== undefined) return ack({ response_action: 'errors', errors: { [first]: NO_SITE_MESSAGE } });
  await ack();
  await tell(NO_SITE_MESSAGE);
}

/**
 * The modal's submission as a turn in the conversation it was opened from, with the chosen
 * values merged into the form's arguments.
 */
function submissionTurn(
  body: ViewSubmitAction,
  metadata: ModalMetadata,
  values: Record<string, string>,
  deps: SlackDeps,
): Turn {
  const place = {
    userId: body.user.id,
    userName: body.user.name,
    channelId: metadata.site.channel,
    teamId: body.team?.id,
    ...(metadata.site.thread !== undefined ? { threadTs: metadata.site.thread } : {}),
  };
  return toTurn(place, '', deps.clock.now(), { dialog: metadata.dialog, args: { ...metadata.args, ...values } });
}

/** A submitted klikbot modal runs its dialog where the form was opened; see `postAnswers` for where each answer goes. */
export function registerModal(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(MODAL_CALLBACK_ID, async ({ ack, view, body, client }) => {
    const privately = (message: SlackMessageBody) => client.chat.postMessage({ channel: body.user.id, ...message });
    const metadata = readMetadata(view.private_metadata);
    if (!metadata.success) {
      deps.logger.warn(
        { issues: metadata.error.issues.map((issue) => issue.path.join('.')) },
        'a klikbot modal came back without readable metadata',
      );
      return refuseUnreadable(ack, view.state.values, (text) => privately({ text }));
    }
    const submitted = submittedValues(view.state.values, metadata.data);
    if ('errors' in submitted) {
      // nothing runs: Slack shows each message under its field, and the modal stays open
      await ack({ response_action: 'errors', errors: submitted.errors });
      return;
    }
    await ack();
    const turn = submissionTurn(body, metadata.data, submitted.values, deps);
    await withTurnErrors(
      deps,
      '',
      (text) => privately({ text }),
      async () => {
        await postAnswers(await deps.core.handle(turn), siteOf(metadata.data), client, privately, deps);
      },
    );
  });
}
