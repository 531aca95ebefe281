import {
  isTextField,
  type Reply,
  type ReplyButton,
  type ReplyChart,
  type ReplyForm,
  type ReplyFormChoiceField,
  type ReplyFormTextField,
} from '../../core/types.js';
import { notificationText, spokenText } from '../../core/plain-text.js';
import { fileAttachment, type FileRendering, type OutgoingAttachment } from './files.js';

/** The content type of an Adaptive Card, in attachments and in `adaptiveCard/action` answers. */
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The parts of an outgoing Bot Framework activity klikbot sets. */
export interface OutgoingActivity {
  type: 'message';
  text?: string;
  summary?: string;
  textFormat?: 'markdown' | 'plain';
  attachments?: OutgoingAttachment[];
  channelData?: { klikbot: { notice: boolean } };
}

function hasStructure(reply: Reply): boolean {
  return Boolean(
    reply.heading ||
    reply.facts?.length ||
    reply.list?.length ||
    reply.outro ||
    reply.buttons?.length ||
    reply.source ||
    reply.form,
  );
}

function choiceInput(field: ReplyFormChoiceField): Record<string, unknown> {
  return {
    type: 'Input.ChoiceSet',
    id: field.id,
    label: field.label,
    style: 'compact',
    isRequired: true,
    errorMessage: `${field.label}: vælg en`,
    choices: field.options.map((option) => ({ title: option.label, value: option.value })),
  };
}

/** Free text: Teams (and the web chat's renderer) stop at `maxLength` and ask for a required one. */
function textInput(field: ReplyFormTextField): Record<string, unknown> {
  return {
    type: 'Input.Text',
    id: field.id,
    label: field.label,
    isMultiline: field.multiline ?? false,
    maxLength: field.maxLength,
    ...(field.placeholder ? { placeholder: field.placeholder } : {}),
    isRequired: !field.optional,
    ...(field.optional ? {} : { errorMessage: `${field.label}: skriv et svar` }),
  };
}

/** A form's fields as inputs (choices are required; text as the field says); Teams puts the values beside the submit's data. */
function formInputs(form: ReplyForm): Record<string, unknown>[] {
  return form.fields.map((field) => (isTextField(field) ? textInput(field) : choiceInput(field)));
}

/**
 * The form's submit button: its payload names the fields whose values are to be read back
 * (the free-text ones also under `textFields`, whose values may be longer), and the answer
 * takes the form's place (a filled-in form has done its work). A form shown only to the
 * person who pressed (an Action.Execute's answer) is submitted the same way, so that its
 * answer too is theirs alone; a posted form is rewritten by id.
 */
function formSubmit(form: ReplyForm, shownToPresserOnly: boolean): Record<string, unknown> {
  const textFields = form.fields.filter(isTextField).map((field) => field.id);
  const fields = { fields: form.fields.map((field) => field.id), ...(textFields.length > 0 ? { textFields } : {}) };
  const data = { klikbot: { ...form.submit, replacesCard: true, ...fields } };
  if (!shownToPresserOnly) return { type: 'Action.Submit', title: form.submitLabel, data };
  return {
    type: 'Action.Execute',
    title: form.submitLabel,
    verb: form.submit.dialog,
    data,
    fallback: { type: 'Action.Submit', title: form.submitLabel, data },
  };
}

/** Teams draws a Chart.HorizontalBar; a client that cannot leaves it out, and the list above says the same in text. */
function chartOf(chart: ReplyChart): Record<string, unknown> {
  return {
    type: 'Chart.HorizontalBar',
    title: chart.title,
    displayMode: 'AbsoluteWithAxis',
    data: chart.bars.map((bar) => ({ x: bar.label, y: bar.value })),
    fallback: 'drop',
  };
}

function bodyOf(reply: Reply): Record<string, unknown>[] {
  const body: Record<string, unknown>[] = [];
  if (reply.heading)
    body.push({
      type: 'TextBlock',
      text: reply.heading,
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
      style: 'heading',
    });
  body.push({ type: 'TextBlock', text: reply.intro ?? reply.text, wrap: true });
  if (reply.facts?.length) {
    body.push({ type: 'FactSet', facts: reply.facts.map((fact) => ({ title: fact.label, value: fact.value })) });
  }
  for (const item of reply.list ?? [])
    body.push({ type: 'TextBlock', text: `- ${item}`, wrap: true, spacing: 'Small' });
  if (reply.chart) body.push(chartOf(reply.chart));
  if (reply.outro) body.push({ type: 'TextBlock', text: reply.outro, wrap: true });
  if (reply.form) body.push(...formInputs(reply.form));
  if (reply.source) body.push({ type: 'TextBlock', text: reply.source, isSubtle: true, size: 'Small', wrap: true });
  return body;
}

/**
 * A button whose answer is a new message is an Action.Submit: it arrives as a message and
 * works in every client. A button whose answer replaces its card is an Action.Execute
 * (Universal Actions): Teams sends an invoke and shows the card we answer with in one round
 * trip, to the person who pressed (a card for everyone is also rewritten for the others, see
 * shared-cards.ts). Clients without Action.Execute (the Bot Framework Emulator) fall back to
 * a Submit that says the same, and the card is then updated by id.
 */
function toCardAction(button: ReplyButton): Record<string, unknown> {
  if (!button.replacesCard) return { type: 'Action.Submit', title: button.title, data: { klikbot: button.action } };
  const data = { klikbot: { ...button.action, replacesCard: true } };
  return {
    type: 'Action.Execute',
    title: button.title,
    verb: button.action.dialog,
    data,
    fallback: { type: 'Action.Submit', title: button.title, data },
  };
}

/**
 * An Adaptive Card 1.5 for a Reply, its buttons carrying klikbot's payload.
 * `shownToPresserOnly`: the card answers an Action.Execute, which only the presser sees.
 */
export function toAdaptiveCard(reply: Reply, shownToPresserOnly = false): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: reply.text,
    // read aloud by screen readers: sentences, not the Markdown the card's text blocks draw
    speak: spokenText(reply),
    ...laidOut(
      bodyOf(reply),
      reply.form ? [formSubmit(reply.form, shownToPresserOnly)] : [],
      (reply.buttons ?? []).map(toCardAction),
    ),
  };
}

/** Teams shows at most this many of a card's actions (its host config's maxActions); more are not drawn. */
const MAX_CARD_ACTIONS = 6;
/** Buttons per row when they are laid out in the body: five fit a Teams card's width. */
const BUTTONS_PER_ROW = 5;

/**
 * The card's body and actions. Beyond MAX_CARD_ACTIONS (a poll with 6–10 options and its
 * close button) the buttons go in rows of ActionSets at the end of the body, so none is cut.
 */
function laidOut(
  body: Record<string, unknown>[],
  submit: Record<string, unknown>[],
  buttons: Record<string, unknown>[],
): { body: Record<string, unknown>[]; actions: Record<string, unknown>[] } {
  if (submit.length + buttons.length <= MAX_CARD_ACTIONS) return { body, actions: [...submit, ...buttons] };
  const rows: Record<string, unknown>[] = [];
  for (let start = 0; start < buttons.length; start += BUTTONS_PER_ROW)
    rows.push({ type: 'ActionSet', actions: buttons.slice(start, start + BUTTONS_PER_ROW) });
  return { body: [...body, ...rows], actions: submit };
}

/**
 * A plain reply goes out as markdown text; one with structure as a card whose `summary` is
 * the plain sentence Teams shows in notifications and the chat list, where Markdown is not drawn.
 * A file goes beside either, as the channel takes files (`files`).
 */
export function toActivity(reply: Reply, files: FileRendering = { channelId: 'msteams' }): OutgoingActivity {
  // a client that answers in place (the web chat) must know a refusal from an answer
  const marks = reply.notice ? { channelData: { klikbot: { notice: true } } } : {};
  const file = reply.file ? [fileAttachment(reply.file, files)] : [];
  if (!hasStructure(reply))
    return {
      type: 'message',
      text: reply.text,
      textFormat: 'markdown',
      ...(file.length > 0 ? { attachments: file } : {}),
      ...marks,
    };
  return {
    type: 'message',
    summary: notificationText(reply),
    attachments: [{ contentType: CARD_CONTENT_TYPE, content: toAdaptiveCard(reply) }, ...file],
    ...marks,
  };
}
