import { z } from 'zod';

/**
 * The least a Bot Framework activity must carry for klikbot to answer it. The adapter
 * itself only checks `type`; we check the rest so a bad body is a 400, not a crash.
 */
const account = z
  .object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() })
  .passthrough();

/** Teams puts the tenant, team and channel of a conversation here. */
const teamsChannelData = z
  .object({
    tenant: z.object({ id: z.string() }).passthrough().optional(),
    team: z.object({ id: z.string(), name: z.string().optional() }).passthrough().optional(),
    channel: z.object({ id: z.string(), name: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();

const mentionEntity = z
  .object({ type: z.literal('mention'), mentioned: account, text: z.string().optional() })
  .passthrough();
const otherEntity = z
  .object({ type: z.string().refine((type) => type !== 'mention', 'a mention must name who is mentioned') })
  .passthrough();

export const inboundActivity = z
  .object({
    type: z.string().min(1),
    id: z.string().optional(),
    name: z.string().optional(),
    channelId: z.string().min(1),
    serviceUrl: z.string().url(),
    from: account,
    recipient: account,
    conversation: z
      .object({
        id: z.string().min(1),
        isGroup: z.boolean().optional(),
        conversationType: z.string().optional(),
        tenantId: z.string().optional(),
      })
      .passthrough(),
    text: z.string().max(10_000).optional(),
    // botbuilder walks these to strip @mentions, reading each mention's `mentioned.id`: a
    // malformed list, or a mention naming nobody, would fail mid-turn
    entities: z.array(z.union([mentionEntity, otherEntity])).optional(),
    value: z.unknown().optional(),
    locale: z.string().optional(),
    deliveryMode: z.string().optional(),
    replyToId: z.string().optional(),
    /** installationUpdate: "add", "remove", "add-upgrade", "remove-upgrade". */
    action: z.string().optional(),
    membersAdded: z.array(account).optional(),
    membersRemoved: z.array(account).optional(),
    channelData: teamsChannelData.optional(),
  })
  .passthrough();

export type InboundActivity = z.infer<typeof inboundActivity>;

const klikbotPayload = z.object({
  dialog: z.string().min(1).max(64),
  args: z.record(z.string().max(64), z.string().max(500)).default({}),
  replacesCard: z.boolean().optional(),
  /** A form's submit: the ids of its inputs, whose chosen values Teams sends beside `klikbot`. */
  fields: z.array(z.string().min(1).max(64)).max(10).optional(),
  /** Those of `fields` that are free text: their values may be as long as FORM_TEXT_MAX. */
  textFields: z.array(z.string().min(1).max(64)).max(10).optional(),
});

/** The longest free-text value read from a form; the dialog holds each field to its own, shorter limit and says so. */
export const FORM_TEXT_MAX = 10_000;

/** The payload klikbot puts on its own buttons (`data` of Action.Submit and Action.Execute), and a form's chosen values. */
export const buttonValue = z.object({ klikbot: klikbotPayload }).catchall(z.unknown());

/** The `value` of an `adaptiveCard/action` invoke: the Action.Execute that was pressed. */
export const executeValue = z.object({
  action: z
    .object({ type: z.literal('Action.Execute'), verb: z.string().optional(), data: z.unknown().optional() })
    .passthrough(),
  trigger: z.string().optional(),
});
