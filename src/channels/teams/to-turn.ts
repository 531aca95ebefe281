import { channelOf } from './conversation-reference.js';
import type { DateTime } from 'luxon';
import type { ActionPayload, ChannelKind, ConversationKind, Turn, TurnConversation } from '../../core/types.js';
import { z } from 'zod';
import { buttonValue, FORM_TEXT_MAX, type InboundActivity } from './inbound-activity.js';

const channelKinds: Record<string, ChannelKind> = { msteams: 'teams', webchat: 'web', emulator: 'emulator' };

/** A button of ours that was pressed: what to run, and whether its answer replaces the card. */
export interface PressedButton {
  action: ActionPayload;
  replacesCard: boolean;
}

/** Result of reading a button press: absent, ours, or something we cannot read. */
export type ButtonRead = { kind: 'none' } | ({ kind: 'action' } & PressedButton) | { kind: 'invalid' };

const choiceValue = z.string().max(500);
const textValue = z.string().max(FORM_TEXT_MAX);

/**
 * A form's chosen values and written text, by field id. A field left empty is left out (the
 * dialog asks for it, or takes it as not answered); a value that is not a string, or longer
 * than any field of its kind may be, makes the whole payload unreadable.
 */
function chosenValues(
  fields: string[],
  textFields: string[],
  inputs: Record<string, unknown>,
): Record<string, string> | undefined {
  const chosen: Record<string, string> = {};
  for (const field of fields) {
    const value = inputs[field];
    if (value === undefined || value === '') continue;
    const read = (textFields.includes(field) ? textValue : choiceValue).safeParse(value);
    if (!read.success) return undefined;
    chosen[field] = read.data;
  }
  return chosen;
}

/** Reads `value` (an Action.Submit's or Action.Execute's data) as one of klikbot's button payloads. */
export function readButton(value: unknown): ButtonRead {
  if (value === undefined || value === null) return { kind: 'none' };
  const parsed = buttonValue.safeParse(value);
  if (!parsed.success) return { kind: 'invalid' };
  const { klikbot, ...inputs } = parsed.data;
  const chosen = chosenValues(klikbot.fields ?? [], klikbot.textFields ?? [], inputs);
  if (!chosen) return { kind: 'invalid' };
  return {
    kind: 'action',
    action: { dialog: klikbot.dialog, args: { ...klikbot.args, ...chosen } },
    replacesCard: klikbot.replacesCard ?? false,
  };
}

function conversationKind(activity: InboundActivity): ConversationKind {
  const type = activity.conversation.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'group';
  if (type === 'personal') return 'personal';
  return activity.conversation.isGroup ? 'group' : 'personal';
}

/** The conversation with the ids Teams gives it (tenant, team, channel); absent ones are left out. */
export function toConversation(activity: InboundActivity): TurnConversation {
  const kind = conversationKind(activity);
  const data = activity.channelData;
  const conversation: TurnConversation = {
    channel: channelKinds[activity.channelId] ?? 'other',
    id: activity.conversation.id,
    isGroup: activity.conversation.isGroup ?? kind !== 'personal',
    kind,
    address: { channel: activity.channelId, conversationId: channelOf(activity.conversation.id) },
  };
  const tenantId = data?.tenant?.id ?? activity.conversation.tenantId;
  if (tenantId) conversation.tenantId = tenantId;
  if (data?.team?.id) conversation.teamId = data.team.id;
  if (data?.channel?.id) conversation.channelId = data.channel.id;
  // a channel's thread is the conversation id with its ;messageid=
  if (conversation.address && conversation.address.conversationId !== activity.conversation.id)
    conversation.thread = activity.conversation.id;
  return conversation;
}

/** Translates an activity (mention already removed from `text`) into a Turn. */
export function toTurn(activity: InboundActivity, text: string, now: DateTime, action?: ActionPayload): Turn {
  const { id, name, aadObjectId } = activity.from;
  const user: Turn['user'] = { id: aadObjectId ?? id, name };
  if (aadObjectId) user.aadObjectId = aadObjectId;
  return { user, conversation: toConversation(activity), text: text.trim(), action, locale: activity.locale, now };
}
