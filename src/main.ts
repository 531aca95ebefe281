import path from 'node:path';
import { registerMessagesRoute } from './channels/teams/messages-route.js';
import { type BotFrameworkEndpoints, createAdapter } from './channels/teams/adapter.js';
import { createBotFrameworkSender } from './channels/teams/proactive.js';
import { createSharedCards } from './channels/teams/shared-cards.js';
import { RefreshThrottle } from './core/refresh-throttle.js';
import { createSlackChannel } from './channels/slack/slack-app.js';
import { SLACK_CHANNEL } from './channels/slack/slack-deps.js';
import { registerWebChat } from './channels/web/web-chat.js';
import { createClock, type Clock } from './clock.js';
import { isLoopbackHost, type Config } from './config.js';
import { createCore } from './core/core.js';
import { createNotifier, type ConversationSender, type Notifier } from './core/notifier.js';
import { createReminderComposer } from '../dialogs/reminder-message.js';
import { openReminders, type Reminders } from './reminders/reminders.js';
import { ReminderSubscriptionRepository } from './state/reminder-subscriptions.js';
import { knowledgeNotices, loadKnowledge } from './knowledge/loader.js';
import type { Knowledge } from './knowledge/registry.js';
import { describeProblem } from './knowledge/loader.js';
import { createLogger, type Logger } from './logger.js';
import { registerCalendarRoute } from './server/calendar-route.js';
import { registerExportRoute } from './server/export-route.js';
import { createHttpServer, listen } from './server/http-server.js';
import { ConversationRepository } from './state/conversations.js';
import type { ActionServices } from '../dialogs/action-dialogs.js';
import { MeetingSessionRepository } from './state/meeting-sessions.js';
import { MembershipRepository } from './state/memberships.js';
import { PollRepository } from './state/polls.js';
import { EvaluationRepository } from './state/evaluations.js';
import { loadVoteKey } from './state/vote-key.js';
import { announceClosedPolls } from '../dialogs/poll-dialogs.js';
import { startEvaluation } from '../dialogs/evaluation-dialogs.js';
import { StatusRepository } from './state/statuses.js';
import { openStore, type Store } from './state/store.js';
import { loadDomainBook } from './knowledge/municipality-domains.js';
import { ReplayJournal } from './channels/slack/replay-journal.js';

/**
 * How often a card shared by a conversation (a poll) is rewritten for everyone while votes
 * come in: Teams allows a bot about 60 writes per 30 seconds in one conversation.
 */
const SHARED_CARD_INTERVAL_MS = 1_000;

// A person's channel as turns name it, to the channels their stored 1:1 chats are kept under
const STORED_CHANNELS: Record<string, string[]> = { teams: ['msteams'], slack: [SLACK_CHANNEL], web: ['webchat'], emulator: ['emulator'] };

/** A running klikbot: where it listens, how to write to its conversations, and how to stop it. */
export interface RunningKlikbot {
  url: string;
  port: number;
  /** Proactive messages to stored conversations (reminders use it). */
  notifier: Notifier;
  /** The reminder engine; it ticks by itself unless `reminderTickSeconds` is 0. */
  reminders: Reminders['engine'];
  /** Resolves once every request answered so far is fully handled: Slack's are answered first, Teams turns end before their answer. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** What the action dialogs work with, over one store: memberships, statuses, polls, evaluations, meetings. */
async function actionServices(config: Config, store: Store, clock: Clock): Promise<{ services: ActionServices; polls: PollRepository }> {
  const voteKey = await loadVoteKey(config.statePath);
  const polls = new PollRepository(store, clock, voteKey);
  const services: ActionServices = {
    memberships: new MembershipRepository(store, clock),
    statuses: new StatusRepository(store, clock),
    administrators: new Set(config.administrators),
    polls,
    evaluations: new EvaluationRepository(store, clock, voteKey),
  };
  // the agenda starts the evaluation as its last item begins
  services.meetings = { sessions: new MeetingSessionRepository(store, clock), startEvaluation: (context, meetingId) => startEvaluation(context, meetingId, services) };
  return { services, polls };
}

/** The reminder engine over the state, writing through the notifier; it also closes polls at their set time. */
function remindersFor(deps: {
  config: Config;
  knowledge: Knowledge;
  store: Store;
  clock: Clock;
  logger: Logger;
  conversations: ConversationRepository;
  services: ActionServices;
  polls: PollRepository;
  notifier: Notifier;
}): Promise<Reminders> {
  const { services, polls, notifier, clock } = deps;
  return openReminders({
    knowledge: deps.knowledge,
    statePath: deps.config.statePath,
    subscriptions: new ReminderSubscriptionRepository(deps.store, clock),
    conversations: deps.conversations,
    statuses: services.statuses,
    conversationMunicipality: (channel, conversationId) => services.memberships.conversationLink(channel, conversationId)?.municipalityId,
    personMunicipality: (channel, userId) => services.memberships.get(channel, userId)?.municipalityId,
    compose: createReminderComposer(deps.knowledge, services.statuses),
    // a poll that closes at a set time shows its result where it was asked
    onTick: (now) => announceClosedPolls(polls, notifier, now, deps.logger),
    notifier,
    clock,
    logger: deps.logger,
  });
}

/**
 * The composition root: config → knowledge → state → core → channels → listen. Throws a
 * KlikbotError (bad data, unreadable or corrupt state) before anything listens.
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
  const clock = options.clock ?? createClock(config.startAt);
  const knowledge = await loadKnowledge(config.knowledgeDir);
  // every notice is an oddity of the seed the data already marks as acknowledged: worth a line, not a warning
  for (const notice of knowledgeNotices(knowledge)) logger.info({ notice: describeProblem(notice) }, 'data notice');
  const store = await openStore(config.statePath);
  const conversations = new ConversationRepository(store, clock);
  const { services, polls } = await actionServices(config, store, clock);
  // administrators keep each municipality's email domains beside the knowledge
  services.domains = await loadDomainBook(path.join(path.dirname(config.knowledgeDir), 'municipality-domains.json'), knowledge);
  const core = createCore({ knowledge, services, clock });

  const server = createHttpServer({ clock, logger, localMode: config.localMode });
  registerExportRoute(server, { token: config.exportToken, store, knowledge, clock });
  registerCalendarRoute(server, { knowledge, statuses: services.statuses, clock, logger });
  const adapter = createAdapter(config.teams, logger, options.teamsEndpoints);
  const cardRefreshes = new RefreshThrottle(SHARED_CARD_INTERVAL_MS, logger);
  const sharedCards = createSharedCards(adapter, config.teams.appId ?? '', cardRefreshes, (reply) => core.currentCard(reply));
  if (config.botFramework) registerMessagesRoute(server, { adapter, core, clock, logger, conversations, sharedCards, localMode: config.localMode });
  // the page posts unauthenticated activities, which only local mode accepts
  if (config.botFramework && config.localMode) registerWebChat(server);
  const botFramework = createBotFrameworkSender(adapter, config.teams.appId ?? '');
  const senders: Record<string, ConversationSender> = { msteams: botFramework, emulator: botFramework, webchat: botFramework };
  // the signatures Slack requests carried, kept beside the state file so a replay is refused after a restart too
  const statePath = path.parse(config.statePath);
  // Slack's signature window is real time, whatever time the bot is set to keep
  const replayJournal = config.slack ? await ReplayJournal.open(path.join(statePath.dir, `${statePath.name}.slack-signatures.jsonl`), Math.floor(createClock().now().toSeconds())) : undefined;
  const slack = config.slack ? createSlackChannel(config.slack, server, { core, clock, logger, conversations, cardRefreshes, ...(replayJournal ? { replayJournal } : {}) }) : undefined;
  if (slack) {
    await slack.start();
    senders[SLACK_CHANNEL] = slack.sender;
  }
  const notifier = createNotifier({ conversations, logger, senders });
  const reminders = await remindersFor({ config, knowledge, store, clock, logger, conversations, services, polls, notifier });
  // the core was made before the channels the notifier writes through; it reads its services per turn, so they join it here
  services.reminders = reminders.services;
  // the one local person is trusted only where nobody else can reach /api/messages: local mode on a loopback address
  services.localTrusted = config.localMode && config.botFramework && isLoopbackHost(config.host);
  services.tell = async (to, replies) => (await notifier.send(to, replies)).status === 'sent';
  services.reachPerson = async (person, replies) => {
    const chat = conversations.personalChat(STORED_CHANNELS[person.channel] ?? [], person.userId);
    return chat ? (await notifier.send({ channel: chat.channel, conversationId: chat.conversationId }, replies)).status === 'sent' : false;
  };
  const port = await listen(server, config.port, config.host);
  if (config.reminderTickSeconds > 0) reminders.engine.start(config.reminderTickSeconds * 1000);
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url, localMode: config.localMode, botFramework: config.botFramework, slack: slack ? (config.slack?.appToken ? 'socket mode' : 'http') : 'off', now: clock.now().toISO() }, 'klikbot listening');
  return {
    url,
    port,
    notifier,
    reminders: reminders.engine,
    idle: async () => {
      await slack?.idle();
    },
    close: async () => {
      logger.info('klikbot stopping');
      await reminders.close();
      await slack?.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      // the last votes' counts still reach the posted cards
      await cardRefreshes.flush();
      logger.info('klikbot stopped');
    },
  };
}
