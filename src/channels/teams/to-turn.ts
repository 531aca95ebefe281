import type { DateTime } from 'luxon';
import type { ActionPayload, ChannelKind, Turn } from '../../core/types.js';
import { buttonValue, type InboundActivity } from './inbound-activity.js';

const channelKinds: Record<string, ChannelKind> = { msteams: 'teams', webchat: 'web', emulator: 'emulator' };

/** Result of reading a button press: absent, ours, or something we cannot read. */
export type ButtonRead = { kind: 'none' } | { kind: 'action'; action: ActionPayload } | { kind: 'invalid' };

/** Reads `value` (an Action.Submit's data) as one of klikbot's button payloads. */
export function readButton(value: unknown): ButtonRead {
  if (value === undefined || value === null) return { kind: 'none' };
  const parsed = buttonValue.safeParse(value);
  return parsed.success ? { kind: 'action', action: parsed.data.klikbot } : { kind: 'invalid' };
}

/** Translates a message activity (mention already removed from `text`) into a Turn. */
export function toTurn(activity: InboundActivity, text: string, now: DateTime, action?: ActionPayload): Turn {
  const conversationType = activity.conversation.conversationType;
  return {
    user: { id: activity.from.aadObjectId ?? activity.from.id, name: activity.from.name },
    conversation: {
      channel: channelKinds[activity.channelId] ?? 'other',
      id: activity.conversation.id,
      isGroup: activity.conversation.isGroup ?? (conversationType !== undefined && conversationType !== 'personal'),
    },
    text: text.trim(),
    action,
    locale: activity.locale,
    now,
  };
}
