import type { z } from 'zod';
import { expertConversationSchema, kombitQuestionSchema, learnedAnswerSchema } from './ask-kombit-schema.js';
import { broadcastSchema } from './broadcast-schema.js';
import { dashboardLinkSchema } from './dashboard-link-schema.js';
import { meetingReminderSchema } from './meeting-reminder-schema.js';
import {
  conversationLinkSchema,
  evaluationAnswerSchema,
  evaluationResponderSchema,
  evaluationSchema,
  meetingSessionSchema,
  membershipSchema,
  pollSchema,
  reminderSnoozeSchema,
  reminderSubscriptionSchema,
  rosterEntrySchema,
  statusUpdateSchema,
  storedConversationSchema,
  voteSchema,
  type State,
  conversationKey,
  membershipKey,
  updateIdKey,
} from './schema.js';

/** The state's collections: every key of the document but its version. */
export type CollectionName = Exclude<keyof State, 'version'>;

interface CollectionRule {
  /** What one element must look like. */
  schema: z.ZodType;
  /** The key no two elements may share, with what to call a clash; none where elements may repeat. */
  unique?: { key: (item: never) => string; what: string };
  /**
   * Kept in an order that does not tell who voted or answered when: a change to it is never
   * written as a line of a journal, whose order would tell, but into the whole document.
   */
  private?: true;
}

/**
 * Each collection's element schema and uniqueness rule, so that a change is validated by the
 * elements it writes rather than by the whole document: the cost of a write then follows
 * what it changes, not how much history there is. `stateSchema` states the same rules for
 * the whole document, which is what loading checks.
 */
export const collectionRules: Record<CollectionName, CollectionRule> = {
  conversations: { schema: storedConversationSchema, unique: { key: conversationKey, what: 'conversation' } },
  memberships: {
    schema: membershipSchema,
    unique: { key: membershipKey, what: 'membership' },
  },
  roster: { schema: rosterEntrySchema },
  statusUpdates: {
    schema: statusUpdateSchema,
    unique: { key: updateIdKey, what: 'status update id' },
  },
  conversationLinks: { schema: conversationLinkSchema, unique: { key: conversationKey, what: 'conversation link' } },
  reminderSubscriptions: {
    schema: reminderSubscriptionSchema,
    unique: { key: conversationKey, what: 'reminder subscription' },
  },
  reminderSnoozes: { schema: reminderSnoozeSchema },
  polls: { schema: pollSchema },
  votes: { schema: voteSchema, private: true },
  evaluations: { schema: evaluationSchema },
  evaluationAnswers: { schema: evaluationAnswerSchema, private: true },
  evaluationResponders: { schema: evaluationResponderSchema, private: true },
  meetingSessions: { schema: meetingSessionSchema, unique: { key: conversationKey, what: 'meeting session' } },
  meetingReminders: {
    schema: meetingReminderSchema,
    unique: { key: conversationKey, what: 'meeting reminder subscription' },
  },
  dashboardLinks: { schema: dashboardLinkSchema, unique: { key: updateIdKey, what: 'dashboard link id' } },
  expertConversations: {
    schema: expertConversationSchema,
    unique: { key: conversationKey, what: 'expert conversation' },
  },
  kombitQuestions: { schema: kombitQuestionSchema, unique: { key: updateIdKey, what: 'question id' } },
  learnedAnswers: { schema: learnedAnswerSchema, unique: { key: updateIdKey, what: 'learned answer id' } },
  broadcasts: { schema: broadcastSchema, unique: { key: updateIdKey, what: 'broadcast id' } },
};

/** The collections, in the document's order. */
export const collectionNames = Object.keys(collectionRules) as CollectionName[];
