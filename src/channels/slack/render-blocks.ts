import type { types as slack } from '@slack/bolt';
import { z } from 'zod';
import type { ActionPayload, Reply, ReplyButton } from '../../core/types.js';
import { notificationText } from '../../core/plain-text.js';
import { escapeMrkdwn, splitMrkdwn, toMrkdwn, toPlainText, truncateMrkdwn, truncatePlain } from './mrkdwn.js';

/** Slack's Block Kit limits klikbot keeps to (https://docs.slack.dev/reference/block-kit). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  headerText: 150,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextText: 3000,
  buttonsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  /** Slack cuts a message's `text` beyond this and may refuse it as `msg_too_long`. */
  messageText: 40_000,
} as const;

/** The `action_id` of klikbot's buttons: `klikbot:<index in the reply's buttons>`. */
export const SLACK_ACTION_ID = /^klikbot:\d+$/;

/** A Slack message for a Reply: `text` for notifications and screen readers, `blocks` for the client. */
export interface SlackMessage {
  text: string;
  blocks: slack.KnownBlock[];
}

function mrkdwn(text: string): slack.MrkdwnElement {
  // verbatim: Slack must not turn the data's "@here" or "#kanal" into mentions or channel links
  return { type: 'mrkdwn', text, verbatim: true };
}

function plain(text: string): slack.PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

function sections(markdown: string): slack.SectionBlock[] {
  return splitMrkdwn(toMrkdwn(markdown), SLACK_LIMITS.sectionText).map((piece) => ({
    type: 'section',
    text: mrkdwn(piece),
  }));
}

function headerBlock(heading: string): slack.HeaderBlock[] {
  const text = truncatePlain(toPlainText(heading), SLACK_LIMITS.headerText);
  return text ? [{ type: 'header', text: plain(text) }] : [];
}

function factBlocks(facts: NonNullable<Reply['facts']>): slack.SectionBlock[] {
  const fields = facts.map(({ label, value }) => {
    const title = toMrkdwn(label).trim();
    const text = title ? `*${title}*\n${toMrkdwn(value)}` : toMrkdwn(value);
    return mrkdwn(truncateMrkdwn(text.trim() || '–', SLACK_LIMITS.fieldText));
  });
  const blocks: slack.SectionBlock[] = [];
  for (let at = 0; at < fields.length; at += SLACK_LIMITS.fieldsPerSection) {
    blocks.push({ type: 'section', fields: fields.slice(at, at + SLACK_LIMITS.fieldsPerSection) });
  }
  return blocks;
}

/** The list as "• item" lines, as many to a section as fit. */
function listBlocks(items: string[]): slack.SectionBlock[] {
  const lines = items.flatMap((item) => splitMrkdwn(`• ${toMrkdwn(item)}`, SLACK_LIMITS.sectionText));
  const chunks: string[] = [];
  for (const line of lines) {
    const last = chunks.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= SLACK_LIMITS.sectionText)
      chunks[chunks.length - 1] = `${last}\n${line}`;
    else chunks.push(line);
  }
  return chunks.map((chunk) => ({ type: 'section', text: mrkdwn(chunk) }));
}

function contextBlock(source: string): slack.ContextBlock[] {
  const text = truncateMrkdwn(toMrkdwn(source).trim(), SLACK_LIMITS.contextText);
  return text ? [{ type: 'context', elements: [mrkdwn(text)] }] : [];
}

/** A button's `value`: what the click must tell the dialogs, as JSON. */
export function slackButtonValue(button: ReplyButton): string {
  const { dialog, args } = button.action;
  return JSON.stringify(button.replacesCard ? { dialog, args, replacesCard: true } : { dialog, args });
}

/** A button is a convenience: one whose label is empty or whose payload is too long is left out. */
function toButton(button: ReplyButton, index: number): slack.Button | undefined {
  const title = truncatePlain(toPlainText(button.title), SLACK_LIMITS.buttonText);
  const value = slackButtonValue(button);
  if (!title || value.length > SLACK_LIMITS.buttonValue) return undefined;
  return { type: 'button', action_id: `klikbot:${index}`, text: plain(title), value };
}

function actionsBlock(buttons: ReplyButton[]): slack.ActionsBlock[] {
  const elements = buttons
    .map(toButton)
    .filter((button) => button !== undefined)
    .slice(0, SLACK_LIMITS.buttonsPerActions);
  return elements.length > 0 ? [{ type: 'actions', elements }] : [];
}

function hasStructure(reply: Reply): boolean {
  return Boolean(
    reply.heading || reply.facts?.length || reply.list?.length || reply.outro || reply.buttons?.length || reply.source,
  );
}

/** Keeps the source and the buttons and cuts the body, marking the cut, when Slack's 50 blocks are exceeded. */
function withinBlockLimit(body: slack.KnownBlock[], tail: slack.KnownBlock[]): slack.KnownBlock[] {
  if (body.length + tail.length <= SLACK_LIMITS.blocksPerMessage) return [...body, ...tail];
  const kept = body.slice(0, SLACK_LIMITS.blocksPerMessage - tail.length - 1);
  return [...kept, { type: 'section', text: mrkdwn('…') }, ...tail];
}

/**
 * A Reply as a Slack message. A plain reply is its text in section(s); one with structure has
 * a header, the intro, the facts as fields, the list, the outro, the source as context and the
 * buttons as one actions block whose values carry klikbot's payload (see `readSlackButton`).
 */
export function toSlackMessage(reply: Reply): SlackMessage {
  // the blocks carry the message; `text` is what phones show in a notification, as typed: plain
  const text = truncateMrkdwn(escapeMrkdwn(notificationText(reply)), SLACK_LIMITS.messageText);
  if (!hasStructure(reply)) return { text, blocks: sections(reply.text) };
  const body: slack.KnownBlock[] = [
    ...(reply.heading ? headerBlock(reply.heading) : []),
    ...sections(reply.intro ?? reply.text),
    ...(reply.facts?.length ? factBlocks(reply.facts) : []),
    ...(reply.list?.length ? listBlocks(reply.list) : []),
    ...(reply.outro ? sections(reply.outro) : []),
  ];
  const tail: slack.KnownBlock[] = [
    ...(reply.source ? contextBlock(reply.source) : []),
    ...actionsBlock(reply.buttons ?? []),
  ];
  return { text, blocks: withinBlockLimit(body, tail) };
}

const buttonPayload = z.object({
  dialog: z.string().min(1).max(64),
  args: z.record(z.string().max(64), z.string().max(500)).default({}),
  replacesCard: z.boolean().optional(),
});

const buttonValueText = z
  .string()
  .max(SLACK_LIMITS.buttonValue)
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // not JSON means not one of klikbot's buttons: reported as a validation issue, like any other misfit
      context.addIssue({ code: 'custom', message: 'button value is not JSON' });
      return z.NEVER;
    }
  })
  .pipe(buttonPayload);

/** The dialog and arguments a clicked button's `value` asks for, or undefined when it is not klikbot's. */
export function readSlackButton(value: string): (ActionPayload & { replacesCard: boolean }) | undefined {
  const parsed = buttonValueText.safeParse(value);
  if (!parsed.success) return undefined;
  const { dialog, args, replacesCard } = parsed.data;
  return { dialog, args, replacesCard: replacesCard === true };
}
