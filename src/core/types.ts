import type { DateTime } from 'luxon';

/** The two languages klikbot answers in. */
export type Language = 'da' | 'en';

/** Where a turn came from. */
export type ChannelKind = 'teams' | 'slack' | 'web' | 'emulator' | 'other';

/** A button's payload: which dialog to run, with which arguments. */
export interface ActionPayload {
  dialog: string;
  args: Record<string, string>;
}

/** What a person did, as the core sees it, with no channel SDK in it. */
export interface Turn {
  user: { id: string; name?: string };
  conversation: { channel: ChannelKind; id: string; isGroup: boolean };
  /** The text typed, with any @mention of the bot removed. */
  text: string;
  /** Set when a button was pressed. */
  action?: ActionPayload;
  /** The client's locale (e.g. "da-DK"): a hint only; the text decides the language. */
  locale?: string;
  /** The time of the turn, from the Clock. */
  now: DateTime;
}

/** A button on a reply. */
export interface ReplyButton {
  title: string;
  action: ActionPayload;
}

/**
 * What the bot says, with no channel in it. `text` always stands alone (notifications,
 * screen readers, channels without cards); the rest is optional structure.
 */
export interface Reply {
  text: string;
  /** The sentence shown above the structure where the channel renders it; defaults to `text`. */
  intro?: string;
  heading?: string;
  facts?: { label: string; value: string }[];
  list?: string[];
  /** Where the answer comes from, with its as-of date. */
  source?: string;
  buttons?: ReplyButton[];
}
