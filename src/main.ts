import path from 'node:path';
import type { DateTime } from 'luxon';
import { registerMessagesRoute } from './channels/teams/messages-route.js';
import { type BotFrameworkEndpoints, createAdapter, type KlikbotAdapter } from './channels/teams/adapter.js';
import { createBotFrameworkSender } from './channels/teams/proactive.js';
import { createSharedCards } from './channels/teams/shared-cards.js';
import { RefreshThrottle } from './core/refresh-throttle.js';
import type { Core } from './core/core.js';
import type { SlackChannel } from './channels/slack/slack-app.js';
import { SLACK_CHANNEL } from './channels/slack/slack-deps.js';
import { registerWebChat } from './channels/web/web-chat.js';
import { refuseOtherHosts } from './server/local-host.js';
import { createWebChatSender, LivePages } from './channels/web/live-pages.js';
import { type LocalWebChat, registerLiveRoutes } from './channels/web/live-routes.js';
import { createClock, createMovableClock, type Clock } from './clock.js';
import { isLoopbackHost, type Config } from './config.js';
import { createNotifier, type ConversationSender, type Notifier } from './core/notifier.js';
import { createReminderComposer } from '../dialogs/reminders/message.js';
import { openReminders, type Reminders } from './reminders/reminders.js';
import { ReminderSubscriptionRepository } from './state/reminder-subscriptions.js';
import { knowledgeNotices, loadKnowledge } from './knowledge/loader.js';
import type { Knowledge } from './knowledge/registry.js';
import { createLogger, type Logger } from './logger.js';
import { registerCalendarRoute } from './server/calendar-route.js';
import { registerExportRoute } from './server/export-route.js';
import { createHttpServer, listen } from './server/http-server.js';
import { ConversationRepository } from './state/conversations.js';
import { MeetingSessionRepository } from './state/meeting-sessions.js';
import { MeetingReminderRepository } from './state/meeting-reminders.js';
import { MembershipRepository } from './state/memberships.js';
import { PollRepository } from './state/polls.js';
import { EvaluationRepository } from './state/evaluations.js';
import { loadVoteKey } from './state/vote-key.js';
import { createActionSeal, type ActionSeal } from './core/sealed-action.js';
import { startEvaluation } from '../dialogs/evaluations/index.js';
import { StatusRepository } from './state/statuses.js';
import { openStore, type Store } from './state/store.js';
import { Scheduler } from './lib/scheduler.js';
import { loadDomainBook, type DomainBook } from './knowledge/municipality-domains.js';
import { ReplayJournal } from './channels/slack/replay-journal.js';
import type { ActionServices } from '../dialogs/types.js';
import { announceClosedPolls } from '../dialogs/polls/announce.js';
import { meetingTimedWork } from '../dialogs/meetings/timed.js';
import { beforeMeetingWork } from '../dialogs/meetings/before.js';
import { reachPersonVia } from './reach-person.js';
import { createCore } from './klikbot-core.js';
import { describeProblem } from './knowledge/problems.js';

/**
 * How often a card shared by a conversation (a poll) is rewritten for everyone while votes
 * come in: Teams allows a bot about 60 writes per 30 seconds in one conversation.
 */
const SHARED_CARD_INTERVAL_MS = 1_000;

/** A running klikbot: where it listens, how to write to its conversations, and how to stop it. */
export interface RunningKlikbot {
  url: string;
  port: number;
  /** Proactive messages to stored conversations (reminders use it). */
  notifier: Notifier;
  /**
   * The timed work on its one timer: the reminders, then the polls that close at a set time
   * (named for the reminders, its first job). It runs by itself unless `reminderTickSeconds`
   * is 0; `tick()` runs it now.
   */
  reminders: Scheduler<DateTime>;
  /** Resolves once every request answered so far is fully handled: Slack's are answered first, Teams turns end before their answer. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The repositories over one store. */
interface Repositories {
  store: Store;
  conversations: ConversationRepository;
  memberships: MembershipRepository;
  statuses: StatusRepository;
  polls: PollRepository;
  evaluations: EvaluationRepository;
  sessions: MeetingSessionRepository;
  meetingReminders: MeetingReminderRepository;
  subscriptions: ReminderSubscriptionRepository;
  /** Seals a file's action to where it was asked (Teams makes the file in the 1:1 chat). */
  seal: ActionSeal;
}

/** Opens the store and the repositories over it (the vote key beside it, for polls and evaluations). */
async function openRepositories(config: Config, clock: Clock): Promise<Repositories> {
  const store = await openStore(config.statePath);
  const voteKey = await loadVoteKey(config.statePath);
  return {
    store,
    conversations: new ConversationRepository(store, clock),
    memberships: new MembershipRepository(store, clock),
    statuses: new StatusRepository(store, clock),
    polls: new PollRepository(store, clock, voteKey),
    evaluations: new EvaluationRepository(store, clock, voteKey),
    sessions: new MeetingSessionRepository(store, clock),
    meetingReminders: new MeetingReminderRepository(store, clock),
    subscriptions: new ReminderSubscriptionRepository(store, clock),
    seal: createActionSeal(voteKey),
  };
}

/** The reminder engine over the state, writing through the notifier. */
function remindersFor(
  config: Config,
  knowledge: Knowledge,
  state: Repositories,
  deps: { clock: Clock; logger: Logger; notifier: Notifier },
): Promise<Reminders> {
  const { memberships, statuses } = state;
  return openReminders({
    knowledge,
    statePath: config.statePath,
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
function actionServices(
  config: Config,
  state: Repositories,
  parts: { reminders: Reminders; notifier: Notifier; domains: DomainBook },
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
    tell: async (to, replies) => (await notifier.send(to, replies)).status === 'sent',
    reachPerson: reachPersonVia(state.conversations, notifier),
  };
  return services;
}

/** The running channels, and what stopping them must wait for. */
interface Channels {
  server: ReturnType<typeof createHttpServer>;
  slack?: SlackChannel;
  cardRefreshes: RefreshThrottle;
  /** The web chat pages open in local mode on loopback: their streams end before the server can close. */
  pages?: LivePages;
}

/**
 * The HTTP routes and the channels over the core. Slack's sender joins `senders` once Slack is
 * up: the notifier looks a conversation's sender up as it writes.
 */
async function startChannels(
  config: Config,
  parts: {
    knowledge: Knowledge;
    state: Repositories;
    core: Core;
    adapter: KlikbotAdapter;
    senders: Record<string, ConversationSender>;
    clock: Clock;
    logger: Logger;
    local: LocalWebChat | undefined;
  },
): Promise<Channels> {
  const { knowledge, state, core, adapter, clock, logger, local } = parts;
  const { conversations } = state;
  const server = createHttpServer({ clock, logger, localMode: config.localMode });
  registerExportRoute(server, { token: config.exportToken, store: state.store, knowledge, clock });
  registerCalendarRoute(server, { knowledge, statuses: state.statuses, clock, logger });
  const cardRefreshes = new RefreshThrottle(SHARED_CARD_INTERVAL_MS, logger);
  const sharedCards = createSharedCards(adapter, config.teams.appId ?? '', cardRefreshes, (reply) =>
    core.currentCard(reply),
  );
  if (config.botFramework)
    registerMessagesRoute(server, {
      adapter,
      core,
      clock,
      logger,
      conversations,
      sharedCards,
      localMode: config.localMode,
      liveWebChat: local?.pages,
      seal: state.seal,
    });
  // the page posts unauthenticated activities, which only local mode accepts
  if (config.botFramework && config.localMode) registerWebChat(server);
  // trusted because only this machine reaches it: another site's page must not, through a rebound name
  if (local) refuseOtherHosts(server);
  if (local) registerLiveRoutes(server, { ...local, clock, logger });
  if (!config.slack) return { server, cardRefreshes, pages: local?.pages };
  // the signatures Slack requests carried, kept beside the state file so a replay is refused after a restart too
  const statePath = path.parse(config.statePath);
  // Slack's signature window is real time, whatever time the bot is set to keep
  const replayJournal = await ReplayJournal.open(
    path.join(statePath.dir, `${statePath.name}.slack-signatures.jsonl`),
    Math.floor(createClock().now().toSeconds()),
  );
  // Bolt is loaded only when Slack is configured: it is a third of a second of every start
  const { createSlackChannel } = await import('./channels/slack/slack-app.js');
  const slack = createSlackChannel(config.slack, server, {
    core,
    clock,
    logger,
    conversations,
    cardRefreshes,
    replayJournal,
  });
  await slack.start();
  parts.senders[SLACK_CHANNEL] = slack.sender;
  return { server, slack, cardRefreshes, pages: local?.pages };
}

/**
 * The timed work, on one timer: the reminders, then the polls that close at their set time,
 * then the meetings run in conversations (call-backs from breaks, the host's word on an item run over),
 * then the reminders before a meeting starts.
 */
function timedWork(
  reminders: Reminders,
  state: Repositories,
  deps: { clock: Clock; logger: Logger; notifier: Notifier; knowledge: Knowledge },
): Scheduler<DateTime> {
  const { clock, logger, notifier, knowledge } = deps;
  const { polls, sessions } = state;
  const scheduler = new Scheduler<DateTime>({
    now: () => clock.now(),
    onError: (job, error) => logger.error({ err: error, job }, 'timed work failed; the next tick tries again'),
  });
  scheduler.register('reminders', () => reminders.engine.tick());
  // a poll that closes at a set time shows its result where it was asked
  scheduler.register('polls', (now) => announceClosedPolls(polls, notifier, now, logger));
  const reachPerson = reachPersonVia(state.conversations, notifier);
  scheduler.register('meetings', (now) =>
    meetingTimedWork({ sessions, knowledge, notifier, reachPerson, logger }, now),
  );
  // the reminders before a meeting, in the conversations that asked for them
  scheduler.register('meeting-reminders', (now) =>
    beforeMeetingWork({ reminders: state.meetingReminders, knowledge, notifier, logger }, now),
  );
  return scheduler;
}

/** The knowledge (its acknowledged oddities logged), the state, and the municipalities' email domains. */
async function openData(config: Config, clock: Clock, logger: Logger) {
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

/** Who writes unprompted to each stored channel; Slack's joins once Slack has started. */
function sendersFor(
  botFramework: ConversationSender,
  pages: LivePages | undefined,
): Record<string, ConversationSender> {
  return {
    msteams: botFramework,
    emulator: botFramework,
    // Azure's Web Chat is "webchat" too; in local mode it is the page served here
    webchat: pages ? createWebChatSender(pages) : botFramework,
  };
}

/**
 * The composition root: config → knowledge → state → the services → core (dialogs injected) →
 * channels → listen. Each part is built before what needs it. Throws a KlikbotError (bad data,
 * unreadable or corrupt state) before anything listens.
 */
export async function startKlikbot(
  config: Config,
  options: {
    logger?: Logger;
    clock?: Clock;
    /** Where Bot Framework tokens are checked and fetched, for another cloud (or a test that signs its own). */
    teamsEndpoints?: BotFrameworkEndpoints;
  } = {},
): Promise<RunningKlikbot> {
  const logger = options.logger ?? createLogger(config.logLevel);
  // the web chat pushes to its pages and moves a replayed clock only where nobody else can reach it
  const localMachine = config.localMode && config.botFramework && isLoopbackHost(config.host);
  const movableClock =
    localMachine && !options.clock && config.startAt ? createMovableClock(config.startAt) : undefined;
  const clock = options.clock ?? movableClock ?? createClock(config.startAt);
  const { knowledge, state, domains } = await openData(config, clock, logger);
  const adapter = createAdapter(config.teams, logger, options.teamsEndpoints);
  const pages = localMachine ? new LivePages() : undefined;
  const senders = sendersFor(createBotFrameworkSender(adapter, config.teams.appId ?? ''), pages);
  const notifier = createNotifier({ conversations: state.conversations, logger, senders });
  const reminders = await remindersFor(config, knowledge, state, { clock, logger, notifier });
  const core = createCore({
    knowledge,
    services: actionServices(config, state, { reminders, notifier, domains }),
    clock,
  });
  const work = timedWork(reminders, state, { clock, logger, notifier, knowledge });
  const local = pages ? { pages, movableClock, runTimedWork: () => work.tickAnew() } : undefined;
  const channels = await startChannels(config, { knowledge, state, core, adapter, senders, clock, logger, local });
  const port = await listen(channels.server, config.port, config.host);
  if (config.reminderTickSeconds > 0) work.start(config.reminderTickSeconds * 1000);
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const slack = channels.slack ? (config.slack?.appToken ? 'socket mode' : 'http') : 'off';
  logger.info(
    { url, localMode: config.localMode, botFramework: config.botFramework, slack, now: clock.now().toISO() },
    'klikbot listening',
  );
  return {
    url,
    port,
    notifier,
    reminders: work,
    idle: async () => {
      await channels.slack?.idle();
    },
    close: () => stop({ work, reminders, channels, logger }),
  };
}

/** Stops the timed work, then the channels, and lets the last card rewrites out. */
async function stop(parts: {
  work: Scheduler<DateTime>;
  reminders: Reminders;
  channels: Channels;
  logger: Logger;
}): Promise<void> {
  const { channels, logger } = parts;
  logger.info('klikbot stopping');
  await parts.work.stop();
  await parts.reminders.close();
  await channels.slack?.stop();
  channels.pages?.close();
  await new Promise<void>((resolve) => {
    channels.server.close(() => resolve());
  });
  // the last votes' counts still reach the posted cards
  await channels.cardRefreshes.flush();
  logger.info('klikbot stopped');
}
