import type { DateTime } from 'luxon';
import { beforeMeetingWork } from '../dialogs/meetings/before.js';
import { meetingTimedWork } from '../dialogs/meetings/timed.js';
import { askKombitTimedWork } from '../dialogs/ask-kombit/index.js';
import { broadcastTimedWork } from '../dialogs/broadcast/index.js';
import { announceClosedPolls } from '../dialogs/polls/announce.js';
import { startEvaluation } from '../dialogs/evaluations/index.js';
import { createReminderComposer } from '../dialogs/reminders/message.js';
import type { ActionServices } from '../dialogs/types.js';
import type { Clock } from './clock.js';
import { isLoopbackHost, type Config } from './config.js';
import type { ConversationKey } from './core/address.js';
import type { Notifier } from './core/notifier.js';
import type { Reply } from './core/types.js';
import type { DomainBook } from './knowledge/municipality-domains.js';
import type { Reloaded } from './knowledge/live.js';
import type { Knowledge } from './knowledge/registry.js';
import { Scheduler } from './lib/scheduler.js';
import type { Logger } from './logger.js';
import type { Repositories } from './open-data.js';
import { reachPersonVia } from './reach-person.js';
import { openReminders, type Reminders } from './reminders/reminders.js';
import { oncePerWindow } from './state/claims.js';

/** The reminder engine over the state, writing through the notifier. */
export function remindersFor(
  config: Config,
  knowledge: Knowledge,
  state: Repositories,
  deps: { clock: Clock; logger: Logger; notifier: Notifier },
): Promise<Reminders> {
  const { memberships, statuses } = state;
  return openReminders({
    knowledge,
    statePath: config.statePath,
    // one instance on a file needs no claims beside its send log; instances on a database share them
    ...(config.databaseUrl ? { claims: state.claims } : {}),
    subscriptions: state.subscriptions,
    conversations: state.conversations,
    statuses,
    conversationMunicipality: (channel, conversationId) =>
      memberships.conversationLink(channel, conversationId)?.municipalityId,
    personMunicipality: (channel, userId) => memberships.get(channel, userId)?.municipalityId,
    compose: createReminderComposer(knowledge, statuses),
    ...deps,
  });
}

/** What the action dialogs work with, whole before the core that hands it to them is built. */
export function actionServices(
  config: Config,
  state: Repositories,
  parts: {
    reminders: Reminders;
    notifier: Notifier;
    domains: DomainBook;
    listeningAt: () => string | undefined;
    reloadKnowledge?: () => Promise<Reloaded>;
  },
): ActionServices {
  const { notifier } = parts;
  const services: ActionServices = {
    memberships: state.memberships,
    statuses: state.statuses,
    administrators: new Set(config.administrators),
    reminders: parts.reminders.services,
    polls: state.polls,
    evaluations: state.evaluations,
    // the agenda starts the evaluation as its last item begins
    meetings: {
      sessions: state.sessions,
      reminders: state.meetingReminders,
      startEvaluation: (context, meetingId) => startEvaluation(context, meetingId, services),
    },
    domains: parts.domains,
    // the one local person is trusted only where nobody else can reach /api/messages: local mode on a loopback address
    localTrusted: config.localMode && config.botFramework && isLoopbackHost(config.host),
    dashboard: {
      links: state.dashboardLinks,
      publicAddress: config.publicUrl,
      // open on this machine only where the web chat is: local mode on loopback
      thisMachine: () =>
        config.localMode && config.botFramework && isLoopbackHost(config.host) ? parts.listeningAt() : undefined,
    },
    askKombit: { questions: state.kombitQuestions, send: (to, replies) => notifier.send(to, replies) },
    broadcasts: {
      repository: state.broadcasts,
      conversations: () => state.conversations.list(),
      send: (to, replies) => notifier.send(to, replies),
    },
    ...(parts.reloadKnowledge ? { reloadKnowledge: parts.reloadKnowledge } : {}),
    tell: async (to, replies) => (await notifier.send(to, replies)).status === 'sent',
    reachPerson: reachPersonVia(state.conversations, notifier),
  };
  return services;
}

/**
 * The timed work, on one timer: the reminders, then the polls that close at their set time,
 * then the meetings run in conversations (call-backs from breaks, the host's word on an item run over),
 * then the reminders before a meeting starts.
 */
export function timedWork(
  reminders: Reminders,
  state: Repositories,
  deps: {
    clock: Clock;
    logger: Logger;
    notifier: Notifier;
    knowledge: Knowledge;
    /** With several instances on one database: each tick's sending work is claimed by one of them. */
    shared?: { windowMs: number };
  },
): Scheduler<DateTime> {
  const { clock, logger, notifier, knowledge } = deps;
  // the reminders claim each delivery themselves; the rest runs on one instance a tick
  const once = (job: string, work: (now: DateTime) => Promise<void>) =>
    oncePerWindow(deps.shared ? state.claims : undefined, job, deps.shared?.windowMs ?? 1, work);
  const { polls, sessions } = state;
  const scheduler = new Scheduler<DateTime>({
    now: () => clock.now(),
    onError: (job, error) => logger.error({ err: error, job }, 'timed work failed; the next tick tries again'),
  });
  scheduler.register('reminders', () => reminders.engine.tick());
  // a poll that closes at a set time shows its result where it was asked
  scheduler.register(
    'polls',
    once('polls', (now) => announceClosedPolls(polls, notifier, now, logger)),
  );
  const reachPerson = reachPersonVia(state.conversations, notifier);
  scheduler.register(
    'meetings',
    once('meetings', (now) => meetingTimedWork({ sessions, knowledge, notifier, reachPerson, logger }, now)),
  );
  // the reminders before a meeting, in the conversations that asked for them
  scheduler.register(
    'meeting-reminders',
    once('meeting-reminders', (now) =>
      beforeMeetingWork({ reminders: state.meetingReminders, knowledge, notifier, logger }, now),
    ),
  );
  // Ask KOMBIT: cards and answers that did not arrive, reminders of open questions, the weekly summary
  const ask = {
    questions: state.kombitQuestions,
    send: (to: ConversationKey, replies: Reply[]) => notifier.send(to, replies),
  };
  scheduler.register(
    'ask-kombit',
    once('ask-kombit', (now) => askKombitTimedWork({ ask, knowledge, logger }, now)),
  );
  // KOMBIT's news, at the channels' pace
  const broadcasts = {
    repository: state.broadcasts,
    conversations: () => state.conversations.list(),
    send: (to: ConversationKey, replies: Reply[]) => notifier.send(to, replies),
  };
  scheduler.register(
    'broadcasts',
    once('broadcasts', (now) => broadcastTimedWork({ broadcasts, logger }, now)),
  );
  return scheduler;
}
