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

/** Where in a channel a conversation happens: one person, a group chat, or a team's channel. */
export type ConversationKind = 'personal' | 'group' | 'channel';

/** The conversation a turn belongs to, with the ids the channel gives it. */
export interface TurnConversation {
  channel: ChannelKind;
  id: string;
  isGroup: boolean;
  kind?: ConversationKind;
  /** The organisation (Teams: the Entra tenant). */
  tenantId?: string;
  /** The team the conversation lives in (Teams: the team id). */
  teamId?: string;
  /** The team's channel the conversation lives in. */
  channelId?: string;
  /**
   * The conversation as klikbot stores it for writing later (reminders, links): the channel's
   * own name and id, e.g. a Teams channel without its thread. The channel sets it; absent, the
   * turn's channel and id are the address.
   */
  address?: { channel: string; conversationId: string };
  /**
   * The thread the turn sits in, where the channel has threads, as the channel names it
   * (Slack: the thread's ts; Teams: the channel's conversation id with its `;messageid=`), so
   * that something said later (KOMBIT's answer) can go to the same thread.
   */
  thread?: string;
}

/** What a person did, as the core sees it, with no channel SDK in it. */
export interface Turn {
  /** `id` is the person's stable id in the channel (Teams: the Entra object id when known). */
  user: {
    id: string;
    name?: string;
    aadObjectId?: string;
    /**
     * The person's email address as the channel knows it (Teams: the roster's email or UPN;
     * Slack: users.info), looked up only when asked, since it costs a call; undefined when the
     * channel does not tell or the lookup fails.
     */
    lookupEmail?: () => Promise<string | undefined>;
  };
  conversation: TurnConversation;
  /** The text typed, with any @mention of the bot removed. */
  text: string;
  /** Set when a button was pressed. */
  action?: ActionPayload;
  /**
   * The people the text @mentions (not klikbot), in order: the name as written, and who they
   * are in the channel, looked up only when a dialog needs it (it may cost a call).
   */
  mentions?: Mention[];
  /** The client's locale (e.g. "da-DK"): a hint only; the text decides the language. */
  locale?: string;
  /** The time of the turn, from the Clock. */
  now: DateTime;
}

/** A person @mentioned in a message. */
export interface Mention {
  /** As written in the message, where the channel writes it (Teams); absent in Slack. */
  name?: string;
  /** Their id as turns carry it (Teams: the Entra object id) and name; undefined when the channel cannot tell. */
  identify(): Promise<{ id: string; name?: string } | undefined>;
}

/** A button on a reply. */
export interface ReplyButton {
  title: string;
  action: ActionPayload;
  /**
   * The answer to this button takes the place of the card it sits on (a status that becomes
   * "Fuldført ✓", a gallery switching category) instead of coming as a new message.
   */
  replacesCard?: boolean;
}

/** One choice in a form field: the value submitted, and what the person sees. */
export interface ReplyFormOption {
  value: string;
  label: string;
}

/** A field of a form: one choice among its options, submitted under the field's id. */
export interface ReplyFormChoiceField {
  id: string;
  label: string;
  /** Absent on choice fields written before text fields existed. */
  kind?: 'choice';
  options: ReplyFormOption[];
}

/**
 * A field of a form: free text of at most `maxLength` characters, submitted under the field's
 * id. Its `options` are always empty, so code written for choice fields reads it safely; make
 * one with `textField`.
 */
export interface ReplyFormTextField {
  id: string;
  label: string;
  kind: 'text';
  options: never[];
  maxLength: number;
  /** May be left empty: it is then left out of the submitted values. */
  optional?: boolean;
  /** Several lines (a text area) rather than one. */
  multiline?: boolean;
  /** A hint shown in the empty field. */
  placeholder?: string;
}

/** A free-text form field. */
export function textField(field: Omit<ReplyFormTextField, 'kind' | 'options'>): ReplyFormTextField {
  return { ...field, kind: 'text', options: [] };
}

/** A field of a form: a choice, or free text. */
export type ReplyFormField = ReplyFormChoiceField | ReplyFormTextField;

/** Whether the field is free text (the rest are choices). */
export function isTextField(field: ReplyFormField): field is ReplyFormTextField {
  return field.kind === 'text';
}

/**
 * A form (Slack: a modal; Teams and the web chat: inputs on the card). When submitted, the
 * chosen values and the text written are merged into `submit.args` under each field's id, and
 * `submit.dialog` runs with them like a button's payload; the dialog checks them again.
 */
export interface ReplyForm {
  id: string;
  title: string;
  submitLabel: string;
  fields: ReplyFormField[];
  submit: ActionPayload;
  /** What shows this form again: a channel that cannot show it where it was asked offers this as a button. */
  open?: ActionPayload;
}

/**
 * What the bot says, with no channel in it. `text` always stands alone (notifications,
 * screen readers, channels without cards); the rest is optional structure.
 */
export interface Reply {
  text: string;
  /**
   * One sentence for a notification's preview where `text` is longer than one (an agenda):
   * what the message is about. Without it the notification shows `text`. Both are written in
   * the dialogs' light Markdown; the channels read them as plain sentences (core/plain-text.ts).
   */
  summary?: string;
  /** The sentence shown above the structure where the channel renders it; defaults to `text`. */
  intro?: string;
  heading?: string;
  facts?: { label: string; value: string }[];
  list?: string[];
  /** The figures as a bar chart, where the channel draws one (Teams); `list` or `text` carries them for the rest. */
  chart?: ReplyChart;
  /** Sentences shown after the facts and list where the channel renders them (in `text` too). */
  outro?: string;
  /** Where the answer comes from, with its as-of date. */
  source?: string;
  buttons?: ReplyButton[];
  /** Choices to fill in and submit; `text` says what the form is for. */
  form?: ReplyForm;
  /**
   * Nothing was changed (a refusal, a question back): the reply is for the person who pressed,
   * and never takes the place of the card that was pressed, which may be someone else's.
   */
  notice?: boolean;
  /**
   * For everyone in the conversation (a poll, a pause, a channel's link), where a channel would
   * otherwise answer only the asker (Slack's /klik answers privately).
   */
  broadcast?: boolean;
  /**
   * For the asker alone, never the conversation (an export, a named poll's voter list): a
   * private reply where the channel has one (Slack), else a 1:1 chat (Teams). `note` says in
   * the conversation where it went.
   */
  private?: { note: string };
  /**
   * This card is the presser's own copy (their vote marked), for them alone where the channel
   * can answer one person with a card (Teams' Action.Execute). `shared` is the card as
   * everyone else sees it, which is what a channel writes where the conversation sees it;
   * `note` says in one sentence what the press did, for a channel that can give the presser
   * only a message of their own (Slack: ephemeral).
   */
  ownCopy?: { shared: Reply; note: string };
  /**
   * A file for the asker (an export): Teams offers it in the 1:1 chat (a file consent card),
   * Slack uploads it to the DM, the web chat gives a download link. `text` says what it holds.
   */
  file?: ReplyFile;
  /** The answer says klikbot does not know (a task with no national status, an unknown name). */
  notKnown?: boolean;
  /**
   * Written over this posted message instead of as a new one (a poll's card when it closes at
   * its set time). Honoured where klikbot writes unprompted (the notifier's senders).
   */
  replaces?: PostedMessage;
  /**
   * Written into this thread of the conversation (a turn's `conversation.thread`), where klikbot
   * writes unprompted; a channel without threads, or a thread not of that conversation, posts it
   * in the conversation.
   */
  thread?: string;
}

/** A file klikbot hands over: its name, type and text (a CSV for a spreadsheet, its BOM included). */
export interface ReplyFile {
  name: string;
  mediaType: 'text/csv';
  content: string;
  /**
   * What makes the same file again for the one who asks: Teams asks the person's consent
   * first and fetches the file only once they accept, so it is made then, for them.
   */
  again: ActionPayload;
}

/** Where a card was posted: the conversation as the channel names it (Teams: with its thread; Slack: the channel) and the message id (Slack: its ts). */
export interface PostedMessage {
  conversationId: string;
  messageId: string;
}

/** A bar chart: one bar per label, in order. */
export interface ReplyChart {
  title: string;
  bars: { label: string; value: number }[];
}
