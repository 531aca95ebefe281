import type { DateTime } from 'luxon';
import { type BotFrameworkEndpoints, createAdapter } from './channels/teams/adapter.js';
import { createBotFrameworkSender } from './channels/teams/proactive.js';
import { LivePages } from './channels/web/live-pages.js';
import { createClock, createMovableClock, type Clock } from './clock.js';
import { isLoopbackHost, type Config } from './config.js';
import { createNotifier, type Notifier } from './core/notifier.js';
import type { Reminders } from './reminders/reminders.js';
import { createLogger, type Logger } from './logger.js';
import { listen } from './server/http-server.js';
import type { Scheduler } from './lib/scheduler.js';
import { createCore } from './klikbot-core.js';
import { LiveKnowledge, type Reloaded } from './knowledge/live.js';
import { openData } from './open-data.js';
import { actionServices, remindersFor, timedWork } from './services.js';
import { type Channels, sendersFor, startChannels } from './start-channels.js';
import type { Store } from './state/store.js';

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
    /** Where Entra's signing keys are, for the Teams tab's single sign-on (another cloud, or a test). */
    entraKeysUrl?: string;
  } = {},
): Promise<RunningKlikbot> {
  const logger = options.logger ?? createLogger(config.logLevel);
  // the web chat pushes to its pages and moves a replayed clock only where nobody else can reach it
  const localMachine = config.localMode && config.botFramework && isLoopbackHost(config.host);
  const movableClock =
    localMachine && !options.clock && config.startAt ? createMovableClock(config.startAt) : undefined;
  const clock = options.clock ?? movableClock ?? createClock(config.startAt);
  const data = await openData(config, clock, logger);
  const { state, domains } = data;
  // one view of the knowledge for the parts built now; `genindlæs data` or SIGHUP loads it again
  const live = new LiveKnowledge(data.knowledge, config.knowledgeDir);
  const knowledge = live.view;
  const reload = async (): Promise<Reloaded> => {
    const reloaded = await live.reload();
    if (reloaded.ok) logger.info({ dir: config.knowledgeDir }, 'knowledge reloaded');
    else logger.warn({ problems: reloaded.problems }, 'knowledge not reloaded; the data in use is kept');
    return reloaded;
  };
  const onHangup = () => void reload();
  process.on('SIGHUP', onHangup);
  const adapter = createAdapter(config.teams, logger, options.teamsEndpoints);
  const pages = localMachine ? new LivePages() : undefined;
  const senders = sendersFor(createBotFrameworkSender(adapter, config.teams.appId ?? ''), pages);
  const notifier = createNotifier({ conversations: state.conversations, logger, senders });
  const reminders = await remindersFor(config, knowledge, state, { clock, logger, notifier });
  // known once listening: local mode hands out this machine's address (the port may be chosen then)
  const listening: { at?: string } = {};
  const core = createCore({
    knowledge,
    services: actionServices(config, state, {
      reminders,
      notifier,
      domains,
      listeningAt: () => listening.at,
      reloadKnowledge: reload,
    }),
    clock,
    ...(state.sharedValues ? { sharedValues: state.sharedValues } : {}),
  });
  const work = timedWork(reminders, state, {
    clock,
    logger,
    notifier,
    knowledge,
    // a tick's window, where the timer ticks (by hand, each tick is asked for and runs)
    ...(config.databaseUrl && config.reminderTickSeconds > 0
      ? { shared: { windowMs: config.reminderTickSeconds * 1000 } }
      : {}),
  });
  const local = pages ? { pages, movableClock, runTimedWork: () => work.tickAnew() } : undefined;
  const channels = await startChannels(config, {
    knowledge,
    state,
    core,
    adapter,
    senders,
    clock,
    logger,
    local,
    ...(options.entraKeysUrl ? { entraKeysUrl: options.entraKeysUrl } : {}),
  });
  const port = await listen(channels.server, config.port, config.host);
  if (config.reminderTickSeconds > 0) work.start(config.reminderTickSeconds * 1000);
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  listening.at = url;
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
    close: () => {
      process.off('SIGHUP', onHangup);
      return stop({ work, reminders, channels, logger, store: state.store });
    },
  };
}

/** Stops the timed work, then the channels, lets the last card rewrites out, then closes the store. */
async function stop(parts: {
  work: Scheduler<DateTime>;
  reminders: Reminders;
  channels: Channels;
  logger: Logger;
  store: Store;
}): Promise<void> {
  const { channels, logger } = parts;
  logger.info('klikbot stopping');
  await parts.work.stop();
  await parts.reminders.close();
  await channels.slack?.stop();
  channels.pages?.close();
  channels.dashboard.close();
  await new Promise<void>((resolve) => {
    channels.server.close(() => resolve());
  });
  // the last votes' counts still reach the posted cards
  await channels.cardRefreshes.flush();
  // the writes in progress finish; a database's connections are let go
  await parts.store.close();
  logger.info('klikbot stopped');
}
