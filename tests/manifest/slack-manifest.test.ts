import { readFile } from 'node:fs/promises';
import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { SLACK_EVENTS, SLACK_EVENTS_PATH } from '../../src/channels/slack/events.js';

/** Slack's own type for an app manifest, as @slack/web-api ships it. */
type SlackManifest = webApi.AppsManifestCreateArguments['manifest'];
type BotScope = NonNullable<NonNullable<NonNullable<SlackManifest['oauth_config']>['scopes']>['bot']>[number];
type SlackEvent = NonNullable<NonNullable<NonNullable<SlackManifest['settings']>['event_subscriptions']>['bot_events']>[number];

/**
 * Every bot scope klikbot may ask for, with why. A scope added to the manifest fails the test
 * until it is added here with its reason (and a comment in the manifest).
 */
const allowedScopes: Partial<Record<BotScope, string>> = {
  'app_mentions:read': 'app_mention: answering @klikbot in channels',
  'chat:write': 'posting replies, redrawing a message after a button, reminders in the DM',
  'chat:write.public': 'reminders, polls and meeting posts in a public channel klikbot was not invited to',
  'users:read': 'users.info, asked when a person claims a municipality',
  'users:read.email': 'the email address users.info gives, which verifies a claim by the municipality\'s domains',
  commands: 'the /klik slash command',
  'files:write': "an export (a poll's results, an evaluation's answers) uploaded as a file to the asker's DM",
  'im:write': 'conversations.open: the DM an export is uploaded to (a file needs the DM channel id)',
  'im:history': 'message.im: direct messages to klikbot',
  'channels:read': 'channel_left: the bot was removed from a public channel',
  'groups:read': 'group_left: the bot was removed from a private channel',
};

/** The scope Slack requires before it sends each event. */
const scopeOfEvent: Record<(typeof SLACK_EVENTS)[number], BotScope | undefined> = {
  app_mention: 'app_mentions:read',
  'message.im': 'im:history',
  app_home_opened: undefined,
  channel_left: 'channels:read',
  group_left: 'groups:read',
};

const https = z.url({ protocol: /^https$/ });
// strict objects: a misspelt key (which Slack would reject) fails here, not at app creation
const manifestSchema = z.strictObject({
  _metadata: z.strictObject({ major_version: z.number(), minor_version: z.number() }),
  display_information: z.strictObject({
    name: z.string().min(1).max(35),
    description: z.string().min(1).max(140),
    long_description: z.string().min(175).max(4000),
    background_color: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
  }),
  features: z.strictObject({
    app_home: z.strictObject({ home_tab_enabled: z.boolean(), messages_tab_enabled: z.boolean(), messages_tab_read_only_enabled: z.boolean() }),
    bot_user: z.strictObject({ display_name: z.string().regex(/^[a-z0-9._-]{1,80}$/), always_online: z.boolean() }),
    slash_commands: z.array(
      z.strictObject({ command: z.string().regex(/^\/\S{1,31}$/), url: https, description: z.string().min(1).max(2000), usage_hint: z.string().max(1000), should_escape: z.boolean() }),
    ),
  }),
  oauth_config: z.strictObject({ scopes: z.strictObject({ bot: z.array(z.string()) }) }),
  settings: z.strictObject({
    event_subscriptions: z.strictObject({ request_url: https, bot_events: z.array(z.string()) }),
    interactivity: z.strictObject({ is_enabled: z.boolean(), request_url: https }),
    org_deploy_enabled: z.boolean(),
    socket_mode_enabled: z.boolean(),
    token_rotation_enabled: z.boolean(),
  }),
});

type Parsed = z.infer<typeof manifestSchema>;
/** The keys of T, at any depth, that Slack's type U does not know: `never` when there are none. */
type UnknownKeys<T, U> = T extends readonly (infer Item)[]
  ? U extends readonly (infer SlackItem)[]
    ? UnknownKeys<Item, SlackItem>
    : 'not a list in Slack'
  : T extends object
    ? { [K in keyof T]: K extends keyof U ? UnknownKeys<T[K], NonNullable<U[K]>> : K }[keyof T]
    : never;
// compile-time: every key the schema above accepts is one of Slack's manifest keys
const schemaKeysAreSlacks: [UnknownKeys<Parsed, SlackManifest>] extends [never] ? true : false = true;

/** The parsed manifest as Slack's type (scope and event names stay strings here; the tests check them). */
function asSlackManifest(parsed: Parsed): SlackManifest {
  const { oauth_config, settings } = parsed;
  return {
    ...parsed,
    oauth_config: { scopes: { bot: oauth_config.scopes.bot as BotScope[] } },
    settings: { ...settings, event_subscriptions: { ...settings.event_subscriptions, bot_events: settings.event_subscriptions.bot_events as SlackEvent[] } },
  };
}

const source = await readFile('manifest/slack/manifest.yaml', 'utf8');
const document = parseDocument(source);
const manifest = manifestSchema.parse(document.toJS());

/** Every string in the manifest that is a request URL (`url`, `request_url`, any `..._url`). */
function requestUrls(node: unknown, key = ''): string[] {
  if (typeof node === 'string') return /(^|_)url$/.test(key) ? [node] : [];
  if (Array.isArray(node)) return node.flatMap((item) => requestUrls(item, key));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([name, value]) => requestUrls(value, name));
  return [];
}

describe('the Slack app manifest', () => {
  it('parses as YAML with no errors or warnings and fits the manifest schema', () => {
    expect(document.errors).toEqual([]);
    expect(document.warnings).toEqual([]);
    expect(schemaKeysAreSlacks).toBe(true);
    expect(asSlackManifest(manifest).display_information.name).toBe('klikbot');
    expect(manifest._metadata.major_version).toBe(1);
  });

  it('offers /klik, with Danish help and the text passed through as typed', () => {
    expect(manifest.features.slash_commands).toHaveLength(1);
    const [command] = manifest.features.slash_commands;
    expect(command).toMatchObject({ command: '/klik', should_escape: false });
    expect(command?.description).toMatch(/^Spørg klikbot/);
    expect(command?.usage_hint).toContain('hjælp');
    expect(manifest.display_information.description).toMatch(/kommunernes/);
  });

  it('asks only for scopes that have a reason, each commented in the manifest', () => {
    const scopes = manifest.oauth_config.scopes.bot;
    expect(scopes.filter((scope) => !(scope in allowedScopes))).toEqual([]);
    expect(new Set(scopes).size).toBe(scopes.length);
    const lines = source.split('\n').map((line) => line.trim());
    const uncommented = scopes.filter((scope) => !lines[lines.indexOf(`- ${scope}`) - 1]?.startsWith('#'));
    expect(uncommented).toEqual([]);
  });

  it('asks for every scope its events need, and for no scope nothing needs', () => {
    const scopes = new Set<string>(manifest.oauth_config.scopes.bot);
    // chat:write.public: posting to a public channel the bot was not invited to (reminders, polls)
    // users:read and users:read.email: users.info's email, which verifies a claim by its domain (slackEmailLookup)
    // files:write and im:write: an export uploaded to the asker's DM (src/channels/slack/files.ts)
    const needed = new Set<string>(['chat:write', 'chat:write.public', 'commands', 'users:read', 'users:read.email', 'files:write', 'im:write', ...Object.values(scopeOfEvent).filter((scope) => scope !== undefined)]);
    expect([...needed].filter((scope) => !scopes.has(scope))).toEqual([]);
    expect([...scopes].filter((scope) => !needed.has(scope))).toEqual([]);
  });

  it('subscribes to exactly the events klikbot listens for', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...SLACK_EVENTS].sort());
  });

  it(`sends events, the command and button clicks to ${SLACK_EVENTS_PATH} over HTTPS`, () => {
    const urls = requestUrls(document.toJS());
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      const parsedUrl = new URL(url);
      expect(parsedUrl.protocol).toBe('https:');
      expect(parsedUrl.pathname).toBe(SLACK_EVENTS_PATH);
      expect(parsedUrl.search).toBe('');
    }
    expect(new Set(urls.map((url) => new URL(url).host)).size).toBe(1);
  });

  it('has interactivity, the Home and Messages tabs, and an always-online bot; no Socket Mode or org-wide install by default', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.features.bot_user).toEqual({ display_name: 'klikbot', always_online: true });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.org_deploy_enabled).toBe(false);
    expect(source).toMatch(/socket_mode_enabled[\s\S]*SLACK_APP_TOKEN|SLACK_APP_TOKEN[\s\S]*socket_mode_enabled/);
  });

});
