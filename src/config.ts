import path from 'node:path';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { ErrorCode, KlikbotError } from './errors.js';

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalText = z.preprocess(emptyToUndefined, z.string().trim().min(1).optional());

// Without an offset an instant would be read in the host's zone (often UTC), moving every
// "om N dage" by a day near midnight: the offset is required.
const instantWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const isoInstant = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .refine((text) => instantWithOffset.test(text) && DateTime.fromISO(text, { setZone: true }).isValid, {
      message: 'must be an ISO 8601 instant with an offset, e.g. 2018-09-06T10:00:00+02:00',
    })
    .optional(),
);

const port = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(/^\d+$/, 'must be a port number (0 picks a free port)')
    .default('3978')
    .transform(Number)
    .pipe(z.number().int().max(65535, 'must be at most 65535')),
);

// Only channels whose user ids are vouched for: Slack signs every request, Teams tokens name
// the sender. The web chat and the Emulator send whatever id the client picks.
const administratorKey = /^(teams|slack):\S+$/;

// A comma-separated list of `channel:userId`; a malformed item names itself, since a typo
// here would silently leave someone without the rights they were meant to have.
const administrators = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .default('')
    .transform((text) =>
      text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    )
    .superRefine((items, ctx) => {
      for (const item of items) {
        if (!administratorKey.test(item)) {
          ctx.addIssue({
            code: 'custom',
            message: `"${item}" must be channel:userId with channel teams or slack, e.g. slack:U0ADMIN or teams:<Entra object id>`,
          });
        }
      }
    }),
);

const envSchema = z.object({
  PORT: port,
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  KLIKBOT_NOW: isoInstant,
  KLIKBOT_DB: z.preprocess(emptyToUndefined, z.string().default('data/state/klikbot.json')),
  KLIKBOT_DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL address: postgres://user:password@host:5432/database')
      .optional(),
  ),
  KLIKBOT_DATA: z.preprocess(emptyToUndefined, z.string().default('data/knowledge')),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.preprocess(
    emptyToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ),
  MicrosoftAppTenantId: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().trim().startsWith('xoxb-', 'must be a bot token (it starts with xoxb-)').optional(),
  ),
  SLACK_APP_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().trim().startsWith('xapp-', 'must be an app-level token (it starts with xapp-)').optional(),
  ),
  SLACK_API_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .url('must be the URL of the Slack Web API, e.g. https://slack.com/api/')
      .refine((url) => /^https?:/.test(url), 'must be an http(s) URL')
      .default('https://slack.com/api/')
      // the Web API client appends the method name to it
      .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
  ),
  KLIKBOT_ADMINS: administrators,
  // A bearer token short enough to guess, or with spaces a header would mangle, is a mistake.
  KLIKBOT_EXPORT_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .min(24, 'must be at least 24 characters (e.g. `openssl rand -hex 32`)')
      .regex(/^\S+$/, 'must not contain spaces')
      .optional(),
  ),
  // Where people reach klikbot from outside: the dashboard's links are made from it.
  KLIKBOT_PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z
      .url('must be the address people reach klikbot at, e.g. https://klikbot.example.dk')
      .refine((url) => /^https?:\/\//.test(url), 'must be an http(s) URL')
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  // Reminders go out at whole minutes (09:00); a tick a minute is on time, and 0 turns the ticking off.
  // The same tick closes polls at their set time.
  KLIKBOT_REMINDER_TICK_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int('must be a whole number of seconds').min(0).max(3600).default(60),
  ),
  KLIKBOT_ALLOW_UNAUTHENTICATED: z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false'], { message: 'must be "true" or "false"' })
      .default('false')
      .transform((value) => value === 'true'),
  ),
});

/** Everything klikbot reads from its environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The instant the clock starts at, if replaying; otherwise the wall clock. */
  startAt?: DateTime;
  statePath: string;
  /** PostgreSQL instead of the state file: several instances share it. */
  databaseUrl?: string;
  /** Where people reach klikbot from outside (no trailing slash): dashboard links start with it. */
  publicUrl?: string;
  knowledgeDir: string;
  teams: {
    appId?: string;
    appPassword?: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId?: string;
  };
  /** No Teams credentials: unauthenticated traffic (emulator, web chat) is accepted. */
  localMode: boolean;
  /** Local mode may listen beyond loopback (a trusted network, a container behind a proxy). */
  allowUnauthenticated: boolean;
  /** Set when Slack is configured: requests at /slack/events, or Socket Mode with an app token. */
  slack?: SlackConfig;
  /**
   * Whether /api/messages (and, in local mode, the web chat) is served. A Slack-only deployment
   * on a public address has no Teams credentials: it serves Slack alone rather than unchecked
   * Bot Framework traffic.
   */
  botFramework: boolean;
  /** Who may act for any municipality, as `channel:userId` (`slack:U0ADMIN`, `teams:<Entra object id>`). */
  administrators: string[];
  /** The bearer token for GET /api/status.csv; unset, the route does not exist. */
  exportToken?: string;
  /** Seconds between ticks of the timed work (reminders, then polls closing at their set time); 0: no ticking (tests tick by hand). */
  reminderTickSeconds: number;
}

/** The Slack app's credentials and where its Web API is. */
export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  /** Socket Mode: Slack is reached over a WebSocket instead of calling /slack/events. */
  appToken?: string;
  apiUrl: string;
}

/** A Teams administrator is only who they say they are when Teams requests carry tokens. */
function administratorProblems(e: z.infer<typeof envSchema>): string[] {
  if (e.MicrosoftAppId) return [];
  const teams = e.KLIKBOT_ADMINS.filter((item) => item.startsWith('teams:'));
  return teams.map(
    (item) =>
      `KLIKBOT_ADMINS: "${item}" needs MicrosoftAppId; without it /api/messages checks no token, and anyone could claim that Teams id`,
  );
}

/** Slack is on when both its secret and its bot token are set; half of it is a mistake. */
function slackProblems(e: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  if (e.SLACK_SIGNING_SECRET && !e.SLACK_BOT_TOKEN)
    problems.push(
      'SLACK_BOT_TOKEN: required with SLACK_SIGNING_SECRET (the Bot User OAuth Token, xoxb-…, under OAuth & Permissions)',
    );
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET)
    problems.push('SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN (the Signing Secret under Basic Information)');
  if (e.SLACK_APP_TOKEN && !e.SLACK_BOT_TOKEN)
    problems.push('SLACK_APP_TOKEN: Socket Mode also needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
  return problems;
}

function slackConfig(e: z.infer<typeof envSchema>): SlackConfig | undefined {
  if (!e.SLACK_SIGNING_SECRET || !e.SLACK_BOT_TOKEN) return undefined;
  return {
    signingSecret: e.SLACK_SIGNING_SECRET,
    botToken: e.SLACK_BOT_TOKEN,
    appToken: e.SLACK_APP_TOKEN,
    apiUrl: e.SLACK_API_URL,
  };
}

/** Hosts that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

// A secret or tenant without an app id is a half-done setup: running in local mode instead
// would hide the mistake until Teams could not reach the bot.
function strayTeamsSettings(e: z.infer<typeof envSchema>): string[] {
  const stray = (['MicrosoftAppPassword', 'MicrosoftAppTenantId'] as const).filter((name) => e[name]);
  return stray.map(
    (name) =>
      `${name}: is set but MicrosoftAppId is not; set MicrosoftAppId too, or unset ${name} to run in local mode`,
  );
}

/** Local-mode /api/messages and the web chat on an address other machines can reach, unasked. */
function exposesUncheckedBotFramework(e: z.infer<typeof envSchema>): boolean {
  return !e.MicrosoftAppId && !e.KLIKBOT_ALLOW_UNAUTHENTICATED && !isLoopbackHost(e.HOST);
}

/**
 * Without credentials nobody's token is checked, so anyone who can reach the port can talk
 * to the bot as anyone: that is only allowed on loopback, unless the operator says so.
 */
function exposureProblems(e: z.infer<typeof envSchema>): string[] {
  if (!exposesUncheckedBotFramework(e) || slackConfig(e)) return [];
  return [
    `HOST: "${e.HOST}" is reachable from other machines, and without MicrosoftAppId klikbot accepts unauthenticated requests. ` +
      'Set the Teams credentials (MicrosoftAppId, MicrosoftAppPassword), keep HOST on 127.0.0.1, ' +
      'or set KLIKBOT_ALLOW_UNAUTHENTICATED=true if every machine on that network may use the bot unchecked.',
  ];
}

/** The Bot Framework settings that only make sense together. */
function teamsProblems(e: z.infer<typeof envSchema>): string[] {
  if (!e.MicrosoftAppId) return strayTeamsSettings(e);
  const problems: string[] = [];
  if (e.MicrosoftAppPassword && e.MicrosoftAppType === 'UserAssignedMSI') {
    problems.push(
      'MicrosoftAppPassword: must be unset for MicrosoftAppType=UserAssignedMSI (the managed identity signs in without a secret)',
    );
  }
  if (!e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI') {
    problems.push(
      'MicrosoftAppPassword: required when MicrosoftAppId is set (the client secret of the Azure bot registration)',
    );
  }
  if (!e.MicrosoftAppTenantId && e.MicrosoftAppType !== 'MultiTenant') {
    problems.push(
      `MicrosoftAppTenantId: required for MicrosoftAppType=${e.MicrosoftAppType} (the Entra tenant id of the bot registration)`,
    );
  }
  return problems;
}

/**
 * Reads and validates the environment. Throws a KlikbotError whose message lists every
 * problem with the variable's name and how to fix it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new KlikbotError(ErrorCode.ConfigInvalid, `Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems = [...teamsProblems(e), ...exposureProblems(e), ...slackProblems(e), ...administratorProblems(e)];
  if (problems.length > 0) {
    throw new KlikbotError(
      ErrorCode.ConfigInvalid,
      `Invalid configuration:\n${problems.map((line) => `  ${line}`).join('\n')}`,
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    startAt: e.KLIKBOT_NOW ? DateTime.fromISO(e.KLIKBOT_NOW, { setZone: true }) : undefined,
    statePath: path.resolve(cwd, e.KLIKBOT_DB),
    ...(e.KLIKBOT_DATABASE_URL ? { databaseUrl: e.KLIKBOT_DATABASE_URL } : {}),
    ...(e.KLIKBOT_PUBLIC_URL ? { publicUrl: e.KLIKBOT_PUBLIC_URL } : {}),
    knowledgeDir: path.resolve(cwd, e.KLIKBOT_DATA),
    teams: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
    },
    localMode: !e.MicrosoftAppId,
    allowUnauthenticated: e.KLIKBOT_ALLOW_UNAUTHENTICATED,
    slack: slackConfig(e),
    botFramework: !exposesUncheckedBotFramework(e),
    administrators: e.KLIKBOT_ADMINS,
    exportToken: e.KLIKBOT_EXPORT_TOKEN,
    reminderTickSeconds: e.KLIKBOT_REMINDER_TICK_SECONDS,
  };
}
