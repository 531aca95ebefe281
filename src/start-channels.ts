import path from 'node:path';
import { registerMessagesRoute } from './channels/teams/messages-route.js';
import type { KlikbotAdapter } from './channels/teams/adapter.js';
import { createSharedCards } from './channels/teams/shared-cards.js';
import type { SlackChannel } from './channels/slack/slack-app.js';
import { SLACK_CHANNEL } from './channels/slack/slack-deps.js';
import { ReplayJournal } from './channels/slack/replay-journal.js';
import { registerWebChat } from './channels/web/web-chat.js';
import { createWebChatSender, type LivePages } from './channels/web/live-pages.js';
import { type LocalWebChat, registerLiveRoutes } from './channels/web/live-routes.js';
import { createClock, type Clock } from './clock.js';
import type { Config, SlackConfig } from './config.js';
import type { Core } from './core/core.js';
import type { ConversationSender } from './core/notifier.js';
import { RefreshThrottle } from './core/refresh-throttle.js';
import type { Knowledge } from './knowledge/registry.js';
import type { Logger } from './logger.js';
import type { Repositories } from './open-data.js';
import { registerCalendarRoute } from './server/calendar-route.js';
import { registerExportRoute } from './server/export-route.js';
import { registerDashboard } from './server/dashboard/routes.js';
import { StatusWatch } from './dashboard/live.js';
import { TeamsSessions } from './server/dashboard/teams-sessions.js';
import { createHttpServer } from './server/http-server.js';
import { refuseOtherHosts } from './server/local-host.js';

/**
 * How often a card shared by a conversation (a poll) is rewritten for everyone while votes
 * come in: Teams allows a bot about 60 writes per 30 seconds in one conversation.
 */
const SHARED_CARD_INTERVAL_MS = 1_000;

/** The running channels, and what stopping them must wait for. */
export interface Channels {
  server: ReturnType<typeof createHttpServer>;
  slack?: SlackChannel;
  cardRefreshes: RefreshThrottle;
  /** The web chat pages open in local mode on loopback: their streams end before the server can close. */
  pages?: LivePages;
  /** The dashboard's live streams, which end before the server can close. */
  dashboard: { close(): void };
}

/** What the channels are built over: the core, the state and the senders the notifier writes through. */
export interface ChannelParts {
  knowledge: Knowledge;
  state: Repositories;
  core: Core;
  adapter: KlikbotAdapter;
  senders: Record<string, ConversationSender>;
  clock: Clock;
  logger: Logger;
  local: LocalWebChat | undefined;
  /** Where Entra's signing keys are, for the Teams tab's tokens (another cloud, or a test's own). */
  entraKeysUrl?: string;
}

/** Who writes unprompted to each stored channel; Slack's joins once Slack has started. */
export function sendersFor(
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
 * The Teams tab's sign-in, where Teams (an app id) and the address people reach klikbot at are
 * configured. Its token check (jose) is loaded only then: local mode and Slack alone do not carry it.
 */
async function teamsTabOf(config: Config, parts: ChannelParts) {
  const { appId, appType, tenantId } = config.teams;
  if (!appId || !config.publicUrl) return {};
  const { ENTRA_KEYS_URL, TeamsTabTokens } = await import('./server/dashboard/teams-tab.js');
  const tokens = new TeamsTabTokens({
    appId,
    publicUrl: config.publicUrl,
    ...(appType === 'SingleTenant' && tenantId ? { tenantId } : {}),
    keysUrl: parts.entraKeysUrl ?? ENTRA_KEYS_URL,
  });
  const sessions = new TeamsSessions(parts.state.dashboardKey);
  return { teamsTab: { tokens, sessions }, teamsSessions: sessions };
}

/** The dashboard's routes over the state, the knowledge and the clock; its streams end when it closes. */
async function startDashboard(
  config: Config,
  parts: ChannelParts,
  server: Channels['server'],
): Promise<{ close(): void }> {
  const { knowledge, state, clock, logger, local } = parts;
  return registerDashboard(server, {
    knowledge,
    store: state.store,
    clock,
    links: state.dashboardLinks,
    administrators: new Set(config.administrators),
    state: state.store,
    // open without a link only where the web chat is: local mode, on loopback
    openOnThisMachine: local !== undefined,
    watch: new StatusWatch(state.store),
    secureCookie: config.publicUrl?.startsWith('https:') ?? false,
    wallMillis: () => Date.now(),
    logger,
    ...(await teamsTabOf(config, parts)),
  });
}

/**
 * The HTTP routes and the channels over the core. Slack's sender joins `senders` once Slack is
 * up: the notifier looks a conversation's sender up as it writes.
 */
export async function startChannels(config: Config, parts: ChannelParts): Promise<Channels> {
  const { knowledge, state, core, adapter, clock, logger, local } = parts;
  const { conversations } = state;
  const server = createHttpServer({ clock, logger, localMode: config.localMode });
  registerExportRoute(server, { token: config.exportToken, store: state.store, knowledge, clock });
  registerCalendarRoute(server, { knowledge, statuses: state.statuses, clock, logger });
  const dashboard = await startDashboard(config, parts, server);
  // on a shared database the instances take turns with each card
  const cardRefreshes = new RefreshThrottle(
    SHARED_CARD_INTERVAL_MS,
    logger,
    undefined,
    config.databaseUrl ? { claims: state.claims } : undefined,
  );
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
  if (!config.slack) return { server, cardRefreshes, pages: local?.pages, dashboard };
  const slack = await startSlack(config.slack, config.statePath, server, {
    ...parts,
    cardRefreshes,
    slackShared: config.databaseUrl !== undefined,
  });
  return { server, slack, cardRefreshes, pages: local?.pages, dashboard };
}

/** Slack on the server (or Socket Mode), started, its sender joined to `senders`. */
async function startSlack(
  slackConfig: SlackConfig,
  statePathName: string,
  server: Channels['server'],
  parts: ChannelParts & { cardRefreshes: RefreshThrottle; slackShared: boolean },
): Promise<SlackChannel> {
  const { core, clock, logger, cardRefreshes, slackShared } = parts;
  // the signatures Slack requests carried, kept beside the state file so a replay is refused after a restart too
  const statePath = path.parse(statePathName);
  // Slack's signature window is real time, whatever time the bot is set to keep
  const replayJournal = await ReplayJournal.open(
    path.join(statePath.dir, `${statePath.name}.slack-signatures.jsonl`),
    Math.floor(createClock().now().toSeconds()),
  );
  // Bolt is loaded only when Slack is configured: it is a third of a second of every start
  const { createSlackChannel } = await import('./channels/slack/slack-app.js');
  const slack = createSlackChannel(slackConfig, server, {
    core,
    clock,
    logger,
    conversations: parts.state.conversations,
    cardRefreshes,
    replayJournal,
    claims: parts.state.claims,
    ...(slackShared ? { sharedClaims: parts.state.claims } : {}),
  });
  await slack.start();
  parts.senders[SLACK_CHANNEL] = slack.sender;
  return slack;
}
