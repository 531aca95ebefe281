import { createHmac } from 'node:crypto';
import { createClock } from '../../src/clock.js';

/** The ids the builders use by default: the KOMBIT workspace, the bot, Mette, a channel, her DM. */
export const SLACK_IDS = {
  teamId: 'T0KOMBIT',
  teamDomain: 'kombit',
  appId: 'A0KLIKBOT',
  botUserId: 'U0KLIKBOT',
  userId: 'U0METTE',
  userName: 'mette',
  channelId: 'C0PROGRAM',
  channelName: 'program',
  dmChannelId: 'D0METTE',
  verificationToken: 'xyzzyVerificationToken0',
} as const;

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** A request as Slack would send it: the exact raw body (what gets signed) and its content type. */
export interface SlackRequest {
  contentType: typeof FORM | typeof JSON_TYPE;
  body: string;
  /** The same content, parsed (the JSON body, or for interactivity the `payload` object). */
  data: Record<string, unknown>;
}

/** Deviations from a well-formed delivery, for the signature, staleness and retry tests. */
export interface PostOptions {
  /** Seconds since the epoch to sign with and send (default: now). */
  timestamp?: number;
  /** A signature header to send instead of the right one; `null` sends none. */
  signature?: string | null;
  /** Marks the delivery as Slack's n-th retry (`X-Slack-Retry-Num`). */
  retryNum?: number;
  /** Slack's reason for the retry (default `http_timeout` when `retryNum` is set). */
  retryReason?: string;
}

const wallClock = createClock();
let sequence = 0;

/** Seconds since the epoch, now: what Bolt compares the request timestamp with. */
export function nowSeconds(): number {
  return Math.floor(wallClock.now().toSeconds());
}

/** A fresh Slack message timestamp (`seconds.micro`), unique within the test run. */
function newMessageTs(): string {
  sequence += 1;
  return `${nowSeconds()}.${String(sequence).padStart(6, '0')}`;
}

/** Slack's v0 signature headers for a raw body: HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export function signSlackRequest(
  secret: string,
  body: string,
  timestamp: number = nowSeconds(),
): Record<'x-slack-signature' | 'x-slack-request-timestamp', string> {
  const digest = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(timestamp) };
}

/** The headers for one delivery, honouring the test's deviations. */
function deliveryHeaders(secret: string, request: SlackRequest, options: PostOptions): Record<string, string> {
  const signed = signSlackRequest(secret, request.body, options.timestamp);
  const headers: Record<string, string> = {
    'content-type': request.contentType,
    'x-slack-request-timestamp': signed['x-slack-request-timestamp'],
  };
  const signature = options.signature === undefined ? signed['x-slack-signature'] : options.signature;
  if (signature !== null) headers['x-slack-signature'] = signature;
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = options.retryReason ?? 'http_timeout';
  }
  return headers;
}

/** POSTs a signed request to the bot's `/slack/events` (appended to `baseUrl` unless already there). */
export async function postToSlack(
  baseUrl: string,
  secret: string,
  request: SlackRequest,
  options: PostOptions = {},
): Promise<Response> {
  const url = baseUrl.replace(/\/$/, '').endsWith('/slack/events')
    ? baseUrl
    : `${baseUrl.replace(/\/$/, '')}/slack/events`;
  return fetch(url, { method: 'POST', headers: deliveryHeaders(secret, request, options), body: request.body });
}

function formRequest(fields: Record<string, string>, data: Record<string, unknown> = fields): SlackRequest {
  return { contentType: FORM, body: new URLSearchParams(fields).toString(), data };
}

function jsonRequest(data: Record<string, unknown>): SlackRequest {
  return { contentType: JSON_TYPE, body: JSON.stringify(data), data };
}

/** An interactivity delivery: the payload JSON in the form field `payload`. */
function payloadRequest(payload: Record<string, unknown>): SlackRequest {
  return formRequest({ payload: JSON.stringify(payload) }, payload);
}

/** Inputs for a slash command; every field but `text` has a default. */
export interface SlashCommandInput {
  text: string;
  userId?: string;
  channelId?: string;
  teamId?: string;
  responseUrl?: string;
  triggerId?: string;
  command?: string;
}

/** A `/klik` slash command as Slack posts it (form body). */
export function slashCommand(input: SlashCommandInput): SlackRequest {
  const channelId = input.channelId ?? SLACK_IDS.channelId;
  const teamId = input.teamId ?? SLACK_IDS.teamId;
  return formRequest({
    token: SLACK_IDS.verificationToken,
    team_id: teamId,
    team_domain: SLACK_IDS.teamDomain,
    channel_id: channelId,
    channel_name: channelId.startsWith('D') ? 'directmessage' : SLACK_IDS.channelName,
    user_id: input.userId ?? SLACK_IDS.userId,
    user_name: SLACK_IDS.userName,
    command: input.command ?? '/klik',
    text: input.text,
    api_app_id: SLACK_IDS.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl ?? `https://hooks.slack.com/commands/${teamId}/1000000001/slashResponse`,
    trigger_id: input.triggerId ?? triggerId(),
  });
}

function triggerId(): string {
  sequence += 1;
  return `${sequence}.1000000001.trigger${sequence}`;
}

/** An Events API delivery wrapping `event` (JSON body), as Slack sends it to the bot. */
export function eventCallback(
  event: Record<string, unknown>,
  ids: { eventId?: string; teamId?: string } = {},
): SlackRequest {
  sequence += 1;
  const teamId = ids.teamId ?? SLACK_IDS.teamId;
  return jsonRequest({
    token: SLACK_IDS.verificationToken,
    team_id: teamId,
    api_app_id: SLACK_IDS.appId,
    event,
    type: 'event_callback',
    event_id: ids.eventId ?? `Ev0KLIK${String(sequence).padStart(6, '0')}`,
    event_time: nowSeconds(),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: SLACK_IDS.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  });
}

/** Fields of a message-like event; each has a default. */
export interface MessageInput {
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
}

/** An `app_mention` event; the bot's `<@U0KLIKBOT>` is put in front of the text unless already there. */
export function appMention(input: MessageInput): Record<string, unknown> {
  const ts = input.ts ?? newMessageTs();
  const mention = `<@${SLACK_IDS.botUserId}>`;
  const text = input.text.includes(mention) ? input.text : `${mention} ${input.text}`;
  return {
    type: 'app_mention',
    user: input.user ?? SLACK_IDS.userId,
    text,
    ts,
    channel: input.channel ?? SLACK_IDS.channelId,
    event_ts: ts,
    team: SLACK_IDS.teamId,
  };
}

/** A `message` event in the user's DM with the bot (`channel_type: 'im'`). */
export function directMessage(input: MessageInput): Record<string, unknown> {
  const ts = input.ts ?? newMessageTs();
  return {
    type: 'message',
    channel_type: 'im',
    user: input.user ?? SLACK_IDS.userId,
    text: input.text,
    ts,
    channel: input.channel ?? SLACK_IDS.dmChannelId,
    event_ts: ts,
    team: SLACK_IDS.teamId,
    client_msg_id: `msg-${ts}`,
  };
}

/** An `app_home_opened` event for the Home tab. */
export function appHomeOpened(input: { user?: string } = {}): Record<string, unknown> {
  return {
    type: 'app_home_opened',
    user: input.user ?? SLACK_IDS.userId,
    channel: SLACK_IDS.dmChannelId,
    tab: 'home',
    event_ts: newMessageTs(),
  };
}

/** Inputs for a button click; only `actionId` and `value` are required. */
export interface BlockActionInput {
  actionId: string;
  value: string;
  blockId?: string;
  user?: string;
  /** The user's Slack username (default Mette's). */
  userName?: string;
  channel?: string;
  messageTs?: string;
  messageText?: string;
  messageBlocks?: unknown[];
  responseUrl?: string;
  triggerId?: string;
}

/** A `block_actions` click on a button in a bot message (form field `payload`). */
export function blockAction(input: BlockActionInput): SlackRequest {
  const channel = input.channel ?? SLACK_IDS.channelId;
  const messageTs = input.messageTs ?? newMessageTs();
  const actionTs = messageTs.replace(/\.\d+$/, '.999999');
  return payloadRequest({
    type: 'block_actions',
    user: userBlock(input.user, input.userName),
    api_app_id: SLACK_IDS.appId,
    token: SLACK_IDS.verificationToken,
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false },
    trigger_id: input.triggerId ?? triggerId(),
    team: { id: SLACK_IDS.teamId, domain: SLACK_IDS.teamDomain },
    channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : SLACK_IDS.channelName },
    message: {
      type: 'message',
      user: SLACK_IDS.botUserId,
      ts: messageTs,
      text: input.messageText ?? '',
      blocks: input.messageBlocks ?? [],
    },
    response_url: input.responseUrl ?? `https://hooks.slack.com/actions/${SLACK_IDS.teamId}/1000000002/actionResponse`,
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: input.blockId ?? 'actions',
        value: input.value,
        action_ts: actionTs,
      },
    ],
  });
}

function userBlock(user: string | undefined, userName: string = SLACK_IDS.userName): Record<string, unknown> {
  return {
    id: user ?? SLACK_IDS.userId,
    username: userName,
    name: userName,
    team_id: SLACK_IDS.teamId,
  };
}

/** Inputs for a modal submission; `values` is `state.values` (block id → action id → value). */
export interface ViewSubmissionInput {
  callbackId: string;
  privateMetadata?: string;
  values?: Record<string, Record<string, unknown>>;
  user?: string;
  viewId?: string;
}

/** A `view_submission` of a modal (form field `payload`). */
export function viewSubmission(input: ViewSubmissionInput): SlackRequest {
  return payloadRequest({
    type: 'view_submission',
    team: { id: SLACK_IDS.teamId, domain: SLACK_IDS.teamDomain },
    user: userBlock(input.user),
    api_app_id: SLACK_IDS.appId,
    token: SLACK_IDS.verificationToken,
    trigger_id: triggerId(),
    view: {
      id: input.viewId ?? 'V0MODAL',
      team_id: SLACK_IDS.teamId,
      type: 'modal',
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata ?? '',
      state: { values: input.values ?? {} },
      app_id: SLACK_IDS.appId,
      bot_id: 'B0KLIKBOT',
    },
    response_urls: [],
  });
}

/** The `url_verification` handshake Slack sends when the Request URL is saved. */
export function urlVerification(challenge: string): SlackRequest {
  return jsonRequest({ token: SLACK_IDS.verificationToken, challenge, type: 'url_verification' });
}
