import { z } from 'zod';
import { expertConversationSchema, kombitQuestionSchema, learnedAnswerSchema } from './ask-kombit-schema.js';
import { broadcastSchema } from './broadcast-schema.js';
import { dashboardLinkSchema } from './dashboard-link-schema.js';
import { meetingReminderSchema } from './meeting-reminder-schema.js';

/** An instant with its offset, as luxon's `toISO()` writes it. */
const isoInstant = z.iso.datetime({ offset: true });

/**
 * A JSON object whose inside is someone else's business. Not `z.json()`: checking every
 * nested value tripled the time to validate the state (measured at 1,000 conversations), and
 * what comes from the file is JSON already; writers store the JSON form of what they are given.
 */
const jsonObject = z.record(z.string(), z.unknown());

/** A conversation the bot can write to later, keyed by channel + conversation id. */
export const storedConversationSchema = z.object({
  channel: z.string().min(1),
  conversationId: z.string().min(1),
  serviceUrl: z.string().optional(),
  /** The channel's own conversation reference, kept opaque so state never imports a channel SDK. */
  reference: jsonObject,
  tenantId: z.string().optional(),
  /** The team a channel belongs to: uninstalling from the team removes all its channels. */
  teamId: z.string().optional(),
  isGroup: z.boolean(),
  /** For a 1:1 chat: the person klikbot chats with there, so an approval can reach them. */
  userId: z.string().optional(),
  firstSeen: isoInstant,
  lastSeen: isoInstant,
  /** Set when a send failed in a way that means the bot can no longer post there. */
  dead: z.object({ reason: z.string(), at: isoInstant }).optional(),
});

/** A stored conversation, as kept in the state file. */
export type StoredConversation = z.infer<typeof storedConversationSchema>;

/** How a membership was verified: on this machine (local mode), by an approver, by the roster, by an administrator's own claim, or by the person's email domain. */
export const membershipBasisSchema = z.enum(['local', 'approval', 'roster', 'administrator', 'email-domain']);

/** How a membership was verified. */
export type MembershipBasis = z.infer<typeof membershipBasisSchema>;

/**
 * A person who belongs to a municipality, keyed by channel + user id: one municipality each.
 * Only a verified membership lets a person change the municipality's status; a claim waits
 * as `pending` until an approver, the roster or local mode verifies it. A membership written
 * before verification existed has no state and loads as a pending claim whose holder has not
 * yet been told (`told` false).
 */
export const membershipSchema = z.object({
  channel: z.string().min(1),
  userId: z.string().min(1),
  name: z.string().optional(),
  municipalityId: z.string().min(1),
  since: isoInstant,
  state: z.enum(['verified', 'pending']).default('pending'),
  basis: membershipBasisSchema.optional(),
  /** Who approved the claim (basis `approval`). */
  verifiedBy: z
    .object({ channel: z.string().min(1), userId: z.string().min(1), name: z.string().optional() })
    .optional(),
  verifiedAt: isoInstant.optional(),
  /** For basis `roster`: the roster entry that verified it (`slack:…`, `teams:…`, `email:…`), revoked with the membership by an administrator. */
  rosterKey: z.string().optional(),
  /** For basis `email-domain`: the domain that verified it (the address itself is not kept). */
  emailDomain: z.string().optional(),
  /** The conversation the claim was made in: where the claimant hears the outcome. */
  claimedIn: z.object({ channel: z.string().min(1), conversationId: z.string().min(1) }).optional(),
  /** Whether the holder of a pending claim has been told it waits for approval. */
  told: z.boolean().default(false),
  /** When approvers were last sent a card for this person's claims (the last hour's, carried across claims): a limit on how often. */
  approvalRequests: z.array(isoInstant).default([]),
});

/** An entry of the roster administrators import: a person (`slack:U…`, `teams:…`) and their municipality. */
export const rosterEntrySchema = z.object({
  person: z.string().min(3),
  municipalityId: z.string().min(1),
  importedAt: isoInstant,
  importedBy: z.string().min(1),
});

/** A roster entry, as kept in the state file. */
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** A membership, as kept in the state file. */
export type Membership = z.infer<typeof membershipSchema>;

/** Where a municipality stands on a task (or one of its steps), as in KLIK. */
export const taskStatusSchema = z.enum(['not-started', 'started', 'done']);

/** not-started (ikke påbegyndt), started (påbegyndt), done (fuldført). */
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/** Who made or undid a change, and from which conversation. */
export const actorSchema = z.object({
  channel: z.string().min(1),
  userId: z.string().min(1),
  name: z.string().optional(),
  /** The conversation (Teams or Slack channel, chat) the change came from. */
  conversationId: z.string().optional(),
  /** How the person's right to make the change was established: their membership's basis, `link`, or `administrator`. */
  basis: z.string().optional(),
});

/** Who made or undid a change. */
export type Actor = z.infer<typeof actorSchema>;

/** One change of a municipality's status on a task or step; undoing marks it, never deletes it. */
export const statusUpdateSchema = z.object({
  id: z.uuid(),
  municipalityId: z.string().min(1),
  taskId: z.string().min(1),
  step: z.int().positive().optional(),
  status: taskStatusSchema,
  previous: taskStatusSchema,
  by: actorSchema,
  at: isoInstant,
  undoneAt: isoInstant.optional(),
  undoneBy: actorSchema.optional(),
});

/** A status update, as kept in the state file. */
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;

/** A conversation (a Teams channel or chat, a Slack channel) linked to a municipality: everyone in it acts for it. */
export const conversationLinkSchema = z.object({
  channel: z.string().min(1),
  conversationId: z.string().min(1),
  municipalityId: z.string().min(1),
  since: isoInstant,
  by: actorSchema,
  /** Made by a verified member or an administrator; a link made before verification existed is not, and lets no one change a status. */
  verified: z.boolean().default(false),
});

/** A conversation's link to a municipality, as kept in the state file. */
export type ConversationLink = z.infer<typeof conversationLinkSchema>;

/** Days before a deadline a reminder goes out: 0 is the day itself. */
export const reminderDaysSchema = z.array(z.int().min(0).max(365)).min(1).max(10);

/**
 * A conversation that gets reminders before deadlines: one subscription per conversation.
 * `itemIds` absent means every deadline; `municipalityId` is whose status decides when the
 * conversation itself is not linked (a personal chat follows the person's municipality).
 */
export const reminderSubscriptionSchema = z.object({
  channel: z.string().min(1),
  conversationId: z.string().min(1),
  municipalityId: z.string().min(1).optional(),
  itemIds: z.array(z.string().min(1)).optional(),
  /** Days before each deadline, instead of the data's. */
  days: reminderDaysSchema.optional(),
  /** Deadlines this conversation asked not to be reminded of ("Stop påmindelser for denne opgave"). */
  mutedItemIds: z.array(z.string().min(1)).default([]),
  by: actorSchema,
  since: isoInstant,
});

/** A reminder subscription, as kept in the state file. */
export type ReminderSubscription = z.infer<typeof reminderSubscriptionSchema>;

/** One reminder put off ("Mind mig i morgen"): it comes again at `until` unless done by then. */
export const reminderSnoozeSchema = z.object({
  id: z.uuid(),
  channel: z.string().min(1),
  conversationId: z.string().min(1),
  itemId: z.string().min(1),
  until: isoInstant,
  by: actorSchema,
  at: isoInstant,
});

/** A snoozed reminder, as kept in the state file. */
export type ReminderSnooze = z.infer<typeof reminderSnoozeSchema>;

/** One choice of a poll: a short id ("a", "b", …) and what it says. */
export const pollOptionSchema = z.object({ id: z.string().min(1).max(8), label: z.string().min(1).max(200) });

/** Where a card was posted: the channel's conversation (in Teams with its thread) and the message's id (Slack: its ts). */
export const postedMessageSchema = z.object({ conversationId: z.string().min(1), messageId: z.string().min(1) });

/**
 * A poll in a conversation. `anonymous`: votes are kept under a keyed hash of the voter, never
 * their id or name; `live`: counts are shown while it is open, else only once closed.
 * `message`: the posted card, to update it in place. `announcedAt`: when the result of a poll
 * that closed at its set time was posted (until then each tick tries again).
 */
export const pollSchema = z.object({
  id: z.uuid(),
  channel: z.string().min(1),
  conversationId: z.string().min(1),
  question: z.string().min(1).max(300),
  options: z.array(pollOptionSchema).min(2).max(10),
  multiple: z.boolean(),
  anonymous: z.boolean(),
  live: z.boolean(),
  createdBy: actorSchema,
  createdAt: isoInstant,
  closesAt: isoInstant.optional(),
  closedAt: isoInstant.optional(),
  closedBy: actorSchema.optional(),
  deletedAt: isoInstant.optional(),
  message: postedMessageSchema.optional(),
  announcedAt: isoInstant.optional(),
  /** The language it was asked in, for what klikbot writes about it later (absent: Danish). */
  language: z.enum(['da', 'en']).optional(),
});

/** A poll, as kept in the state file. */
export type Poll = z.infer<typeof pollSchema>;

/** One voter's choices on a poll. `voter` is `channel:userId` for a named poll, a keyed hash for an anonymous one. */
export const voteSchema = z.object({
  pollId: z.uuid(),
  voter: z.string().min(1),
  /** Shown in a named poll's results; never set in an anonymous one. */
  name: z.string().optional(),
  choices: z.array(z.string().min(1)).min(1),
  at: isoInstant,
});

/** A vote, as kept in the state file. */
export type Vote = z.infer<typeof voteSchema>;

/** An end-of-meeting evaluation: a 1–5 rating and two free-text questions, answered anonymously. */
export const evaluationSchema = z.object({
  id: z.uuid(),
  channel: z.string().min(1),
  conversationId: z.string().min(1),
  /** The meeting it evaluates (meetings.json), when started for one. */
  meetingId: z.string().optional(),
  startedBy: actorSchema.optional(),
  startedAt: isoInstant,
  closedAt: isoInstant.optional(),
  message: jsonObject.optional(),
});

/** An evaluation, as kept in the state file. */
export type Evaluation = z.infer<typeof evaluationSchema>;

/**
 * One answer to an evaluation, with nothing that says whose it is or when it came: no voter,
 * no time, and stored at a random place in the list so that its position says nothing either.
 */
export const evaluationAnswerSchema = z.strictObject({
  evaluationId: z.uuid(),
  rating: z.int().min(1).max(5),
  worked: z.string().max(2000).optional(),
  improve: z.string().max(2000).optional(),
});

/** An evaluation answer, as kept in the state file. */
export type EvaluationAnswer = z.infer<typeof evaluationAnswerSchema>;

/** That someone answered an evaluation (a keyed hash of them, for one answer each), kept apart from the answers. */
export const evaluationResponderSchema = z.strictObject({ evaluationId: z.uuid(), responder: z.string().min(1) });

/** A meeting being run in a conversation: where in the agenda it is, and a pause in progress. */
export const meetingSessionSchema = z.object({
  channel: z.string().min(1),
  conversationId: z.string().min(1),
  meetingId: z.string().min(1),
  /** Index into the meeting's agenda of the item in progress. */
  currentItem: z.int().min(0),
  startedAt: isoInstant,
  startedBy: actorSchema,
  /** People the host let run the meeting with them ("medvært"). */
  coHosts: z.array(actorSchema).default([]),
  pauseUntil: isoInstant.optional(),
  /** The `pauseUntil` whose end klikbot has called people back from (once per break). */
  calledBackFrom: isoInstant.optional(),
  /** When the session reached its current item: an item runs over once it has had its length since. */
  itemSince: isoInstant.optional(),
  /** The item the host was quietly told had run over its time (once per item). */
  nudgedItem: z.int().min(0).optional(),
  /** The language the host started it in: what klikbot posts unprompted is in it. */
  language: z.enum(['da', 'en']).optional(),
  /** Who answered the roll call ("jeg er her"), once each; absent in sessions from before it existed. */
  present: z
    .array(
      z.object({ channel: z.string().min(1), userId: z.string().min(1), name: z.string().optional(), at: isoInstant }),
    )
    .optional(),
  endedAt: isoInstant.optional(),
});

/** A meeting session, as kept in the state file. */
export type MeetingSession = z.infer<typeof meetingSessionSchema>;

// a channel's name has no "/", so "<channel>/<id>" names one thing
/** The key of an element kept once per conversation. */
export const conversationKey = (item: { channel: string; conversationId: string }) =>
  `${item.channel}/${item.conversationId}`;
/** A membership is one person's, once per channel. */
export const membershipKey = (item: { channel: string; userId: string }) => `${item.channel}/${item.userId}`;
/** A status update by its id. */
export const updateIdKey = (item: { id: string }) => item.id;

/** A refinement refusing two elements with the same key ("duplicate conversation msteams/19:…"). */
export function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (list: T[], ctx: z.RefinementCtx): void => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      const one = key(item);
      if (seen.has(one)) ctx.addIssue({ code: 'custom', path: [index], message: `duplicate ${what} ${one}` });
      seen.add(one);
    });
  };
}

/**
 * The whole state document. Each collection defaults to empty, so adding one is one line
 * here and a file written before it existed still loads. The top level is strict: a key this
 * build does not know means the file comes from a newer klikbot, and loading it would drop
 * that collection at the next write.
 */
export const stateSchema = z.strictObject({
  version: z.literal(1),
  conversations: z.array(storedConversationSchema).superRefine(uniqueBy(conversationKey, 'conversation')).default([]),
  memberships: z.array(membershipSchema).superRefine(uniqueBy(membershipKey, 'membership')).default([]),
  roster: z.array(rosterEntrySchema).default([]),
  statusUpdates: z.array(statusUpdateSchema).superRefine(uniqueBy(updateIdKey, 'status update id')).default([]),
  conversationLinks: z
    .array(conversationLinkSchema)
    .superRefine(uniqueBy(conversationKey, 'conversation link'))
    .default([]),
  reminderSubscriptions: z
    .array(reminderSubscriptionSchema)
    .superRefine(uniqueBy(conversationKey, 'reminder subscription'))
    .default([]),
  reminderSnoozes: z.array(reminderSnoozeSchema).default([]),
  polls: z.array(pollSchema).default([]),
  votes: z.array(voteSchema).default([]),
  evaluations: z.array(evaluationSchema).default([]),
  evaluationAnswers: z.array(evaluationAnswerSchema).default([]),
  evaluationResponders: z.array(evaluationResponderSchema).default([]),
  meetingSessions: z.array(meetingSessionSchema).superRefine(uniqueBy(conversationKey, 'meeting session')).default([]),
  meetingReminders: z
    .array(meetingReminderSchema)
    .superRefine(uniqueBy(conversationKey, 'meeting reminder subscription'))
    .default([]),
  dashboardLinks: z.array(dashboardLinkSchema).superRefine(uniqueBy(updateIdKey, 'dashboard link id')).default([]),
  expertConversations: z
    .array(expertConversationSchema)
    .superRefine(uniqueBy(conversationKey, 'expert conversation'))
    .default([]),
  kombitQuestions: z.array(kombitQuestionSchema).superRefine(uniqueBy(updateIdKey, 'question id')).default([]),
  learnedAnswers: z.array(learnedAnswerSchema).superRefine(uniqueBy(updateIdKey, 'learned answer id')).default([]),
  broadcasts: z.array(broadcastSchema).superRefine(uniqueBy(updateIdKey, 'broadcast id')).default([]),
});

/** The state document, as the store holds it. */
export type State = z.infer<typeof stateSchema>;

/** A freshly started state, with every collection empty. */
export function emptyState(): State {
  return stateSchema.parse({ version: 1 });
}

/** A read-only view of a value, all the way down. */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
