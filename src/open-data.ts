import { hkdfSync } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { createActionSeal, type ActionSeal } from './core/sealed-action.js';
import { knowledgeNotices, loadKnowledge } from './knowledge/loader.js';
import { loadDomainBook } from './knowledge/municipality-domains.js';
import { describeProblem } from './knowledge/problems.js';
import type { Logger } from './logger.js';
import { ConversationRepository } from './state/conversations.js';
import { DashboardLinkRepository } from './state/dashboard-links.js';
import { KombitQuestionRepository } from './state/kombit-questions.js';
import { BroadcastRepository } from './state/broadcasts.js';
import { EvaluationRepository } from './state/evaluations.js';
import { MeetingReminderRepository } from './state/meeting-reminders.js';
import { MeetingSessionRepository } from './state/meeting-sessions.js';
import { MembershipRepository } from './state/memberships.js';
import { PollRepository } from './state/polls.js';
import { ReminderSubscriptionRepository } from './state/reminder-subscriptions.js';
import { StatusRepository } from './state/statuses.js';
import { MemoryClaims, type Claims } from './state/claims.js';
import { readStoredState } from './state/file-store.js';
import type { SharedValues } from './state/shared-values.js';
import type { PostgresStoreOptions } from './state/postgres/postgres-store.js';
import type { DeepReadonly, State } from './state/schema.js';
import { openStore, type Store } from './state/store.js';
import { loadVoteKey } from './state/vote-key.js';

/** The repositories over one store. */
export interface Repositories {
  store: Store;
  /** What must happen once, however many instances run (an event answered, a reminder sent). */
  claims: Claims;
  /** With several instances: what they share for a while (a conversation's last question). */
  sharedValues?: SharedValues;
  conversations: ConversationRepository;
  memberships: MembershipRepository;
  statuses: StatusRepository;
  polls: PollRepository;
  evaluations: EvaluationRepository;
  sessions: MeetingSessionRepository;
  meetingReminders: MeetingReminderRepository;
  subscriptions: ReminderSubscriptionRepository;
  /** The dashboard's links handed out in chat. */
  dashboardLinks: DashboardLinkRepository;
  /** The questions handed to KOMBIT, the expert conversation and the answers learned. */
  kombitQuestions: KombitQuestionRepository;
  /** KOMBIT's news sent through klikbot, with each conversation's delivery. */
  broadcasts: BroadcastRepository;
  /** Seals a file's action to where it was asked (Teams makes the file in the 1:1 chat). */
  seal: ActionSeal;
  /** Seals the dashboard's Teams tab sessions: the same for every instance on one store. */
  dashboardKey: Buffer;
}

/**
 * The PostgreSQL store, loaded only when a database is configured: a start on the state file
 * does not carry the driver's code in its memory.
 */
async function openPostgres(url: string, options?: PostgresStoreOptions) {
  const { openPostgresStore } = await import('./state/postgres/postgres-store.js');
  return openPostgresStore(url, options);
}

/**
 * The configured store and the key that hashes anonymous voters: PostgreSQL (the key in the
 * database, the same for every instance) or the state file (the key beside it).
 */
export async function openConfiguredStore(
  config: Config,
): Promise<{ store: Store; voteKey: Buffer; claims: Claims; sharedValues?: SharedValues }> {
  if (config.databaseUrl) {
    // what stays per instance (its reminder send log, the Slack signatures it saw) is kept where KLIKBOT_DB points
    await mkdir(path.dirname(config.statePath), { recursive: true });
    const store = await openPostgres(config.databaseUrl);
    return { store, voteKey: await store.voteKey(), claims: store.claims(), sharedValues: store.sharedValues() };
  }
  return {
    store: await openStore(config.statePath),
    voteKey: await loadVoteKey(config.statePath),
    claims: new MemoryClaims(),
  };
}

/**
 * The configured state, read without changing it (for tools beside a running klikbot): the
 * files are only read; a database gets the migrations it lacks, as a start would give it.
 */
export async function readConfiguredState(config: Config): Promise<DeepReadonly<State>> {
  if (!config.databaseUrl) return readStoredState(config.statePath);
  const store = await openPostgres(config.databaseUrl, { listen: false });
  try {
    return store.read();
  } finally {
    await store.close();
  }
}

/** Opens the store and the repositories over it (the vote key, for polls and evaluations). */
async function openRepositories(config: Config, clock: Clock): Promise<Repositories> {
  const { store, voteKey, claims, sharedValues } = await openConfiguredStore(config);
  return {
    store,
    claims,
    ...(sharedValues ? { sharedValues } : {}),
    conversations: new ConversationRepository(store, clock),
    memberships: new MembershipRepository(store, clock),
    statuses: new StatusRepository(store, clock),
    polls: new PollRepository(store, clock, voteKey),
    evaluations: new EvaluationRepository(store, clock, voteKey),
    sessions: new MeetingSessionRepository(store, clock),
    meetingReminders: new MeetingReminderRepository(store, clock),
    subscriptions: new ReminderSubscriptionRepository(store, clock),
    dashboardLinks: new DashboardLinkRepository(store, clock),
    kombitQuestions: new KombitQuestionRepository(store, clock),
    broadcasts: new BroadcastRepository(store, clock),
    seal: createActionSeal(voteKey),
    // a key of its own, derived from the shared secret: a session can never be read as a vote hash
    dashboardKey: Buffer.from(hkdfSync('sha256', voteKey, Buffer.alloc(0), 'klikbot dashboard sessions', 32)),
  };
}

/** The knowledge (its acknowledged oddities logged), the state, and the municipalities' email domains. */
export async function openData(config: Config, clock: Clock, logger: Logger) {
  const knowledge = await loadKnowledge(config.knowledgeDir);
  // every notice is an oddity of the seed the data already marks as acknowledged: worth a line, not a warning
  for (const notice of knowledgeNotices(knowledge))
    logger.info(
      { notice: describeProblem(notice) },
      'data notice: an oddity of the seed, known and handled; not an error',
    );
  const state = await openRepositories(config, clock);
  // administrators keep each municipality's email domains beside the knowledge
  const domains = await loadDomainBook(
    path.join(path.dirname(config.knowledgeDir), 'municipality-domains.json'),
    knowledge,
  );
  return { knowledge, state, domains };
}
