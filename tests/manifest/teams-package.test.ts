import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCENT, renderColorIcon, renderOutlineIcon } from '../../scripts/teams-package/draw-icons.js';
import { checkIcons, decodePng, encodePng } from '../../scripts/teams-package/icons.js';
import { buildManifest, commandsOf, MANIFEST_VERSION, readTemplate, type TeamsManifest } from '../../scripts/teams-package/manifest.js';
import { buildTeamsPackage } from '../../scripts/teams-package/package.js';
import { COMMAND_LIMITS, schemaPath, schemaUrl, validateManifest } from '../../scripts/teams-package/validate.js';
import type { Core } from '../../src/core/core.js';
import type { Turn } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { commandIntents } from './command-intents.js';
import { runPackager } from './packager.js';
import { createCore } from '../../src/klikbot-core.js';
import { postMessages } from '../support/bot-framework.js';
import { useBotAndConnector } from '../support/bot-and-connector.js';
import { cardBodyText, cardOf, channelData, conversations, mentioning, teamsActivity } from '../support/teams-activities.js';

const rootDir = path.resolve('.');
const appId = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const template = await readTemplate(rootDir);
const built = buildManifest(template, { appId, version: '0.1.0' });
const teamsFile = (name: string) => readFile(path.join(rootDir, 'manifest', 'teams', name));

function edited(change: (manifest: TeamsManifest) => void): TeamsManifest {
  const copy = structuredClone(built);
  change(copy);
  return copy;
}

describe('Teams manifest', () => {
  it(`passes the Teams JSON schema v${MANIFEST_VERSION}, read from @microsoft/app-manifest with no network`, () => {
    expect(existsSync(schemaPath())).toBe(true);
    expect(built.manifestVersion).toBe(MANIFEST_VERSION);
    expect(built.$schema).toBe(schemaUrl());
    expect(validateManifest(built)).toEqual([]);
  });

  it('is written for the newest non-preview schema that ships in @microsoft/app-manifest', () => {
    const versions = readdirSync(path.dirname(path.dirname(schemaPath())))
      .map((name) => /^v(\d+)\.(\d+)$/.exec(name))
      .filter((match) => match !== null)
      .map((match) => [Number(match[1]), Number(match[2])] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(versions.at(-1)?.join('.')).toBe(MANIFEST_VERSION);
  });

  it('fills the app id, the bot id and the version in, and leaves the template unchanged', () => {
    expect(built.id).toBe(appId);
    expect(built.bots[0]?.botId).toBe(appId);
    expect(built.version).toBe('0.1.0');
    expect(JSON.stringify(template)).toContain('{{MicrosoftAppId}}');
  });

  it('describes klikbot in Danish: one conversational bot in personal chats, teams and group chats', () => {
    expect(built).toMatchObject({
      name: { short: 'klikbot' },
      developer: { name: 'KOMBIT' },
      localizationInfo: { defaultLanguageTag: 'da-dk' },
      bots: [{ scopes: ['personal', 'team', 'groupChat'], supportsFiles: true, isNotificationOnly: false }],
    });
    const description = (built.description as { full: string }).full;
    for (const topic of ['deadlines', 'KLIK-opgaver', 'roller', 'status', 'snitflader', 'SAPA-udrulningen', 'programledermøder']) {
      expect(description).toContain(topic);
    }
    const scopes = built.bots[0]?.commandLists?.flatMap((list) => list.scopes);
    expect(scopes?.sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it('refuses the template itself: its placeholders are no GUIDs', () => {
    expect(validateManifest(template).join('\n')).toMatch(/\/id: must match pattern/);
  });

  it.each([
    ['a command title over 32 characters', /title is 33 characters, at most 32/, (m: TeamsManifest) => (m.bots[0]!.commandLists![0]!.commands[0]!.title = 'x'.repeat(33))],
    ['a command description over 128 characters', /description is 129 characters, at most 128/, (m: TeamsManifest) => (m.bots[0]!.commandLists![0]!.commands[0]!.description = 'x'.repeat(129))],
    ['13 commands in one list', /commands: must NOT have more than 12 items/, (m: TeamsManifest) => m.bots[0]!.commandLists![0]!.commands.push({ title: 'en til' }, { title: 'to til' }, { title: 'tre til' })],
    ['11 commands in one list', /command list for personal has 11 commands, at most 10/, (m: TeamsManifest) => m.bots[0]!.commandLists![0]!.commands.push({ title: 'en til' })],
    ['a bot id that is no GUID', /botId: must match pattern/, (m: TeamsManifest) => (m.bots[0]!.botId = 'klikbot')],
    ['no privacy page', /must have required property 'privacyUrl'/, (m: TeamsManifest) => delete (m.developer as Record<string, unknown>).privacyUrl],
    ['a command list for a scope the bot lacks', /scopes the bot does not have: team/, (m: TeamsManifest) => (m.bots[0]!.scopes = ['personal', 'groupChat'])],
  ])('refuses a manifest with %s', (_name, message, change) => {
    expect(validateManifest(edited(change)).join('\n')).toMatch(message);
  });
});

describe('Teams icons', () => {
  it('are 192×192 (colour) and 32×32 (outline, white on transparent)', async () => {
    const color = decodePng(await teamsFile('color.png'), 'color.png');
    const outline = decodePng(await teamsFile('outline.png'), 'outline.png');
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
    expect(outline.data[3]).toBe(0);
    const visible = [];
    for (let i = 0; i < outline.data.length; i += 4) {
      if (outline.data[i + 3] !== 0) visible.push([outline.data[i], outline.data[i + 1], outline.data[i + 2]]);
    }
    expect(visible.length).toBeGreaterThan(50);
    expect(visible.every((rgb) => rgb.every((channel) => channel === 255))).toBe(true);
  });

  it('the checks refuse icons of the wrong size or an outline that is not white', async () => {
    const [color, outline] = [await teamsFile('color.png'), await teamsFile('outline.png')];
    expect(checkIcons({ color, outline })).toEqual([]);
    expect(checkIcons({ color: outline, outline: color }).join('\n')).toMatch(/color.png is 32×32, must be 192×192/);
    const grey = decodePng(outline, 'outline.png');
    grey.data.fill(128);
    expect(checkIcons({ color, outline: encodePng(grey) }).join('\n')).toMatch(/background must be transparent[\s\S]*not white/);
  });

  it('are what scripts/make-teams-icons.ts draws, in the manifest accent colour', async () => {
    expect(decodePng(await teamsFile('color.png'), 'color.png').data).toEqual(renderColorIcon().data);
    expect(decodePng(await teamsFile('outline.png'), 'outline.png').data).toEqual(renderOutlineIcon().data);
    expect(built.accentColor).toBe(ACCENT);
  });
});

describe.concurrent('npm run package:teams (scripts/package-teams.ts)', () => {
  let outDir = '';
  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'klikbot-teams-'));
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('writes a zip of exactly manifest.json, color.png and outline.png, with the bot id from MicrosoftAppId', async () => {
    const out = path.join(outDir, 'klikbot-teams.zip');
    const run = await runPackager({ MicrosoftAppId: appId, MicrosoftAppPassword: 'x' }, ['--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(out);
    expect(run.stdout).toMatch(/Next: upload it in the Teams Developer Portal/);
    const files = unzipSync(await readFile(out));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as TeamsManifest;
    expect([manifest.id, manifest.bots[0]?.botId]).toEqual([appId, appId]);
    expect(manifest.version).toBe((JSON.parse(await readFile('package.json', 'utf8')) as { version: string }).version);
    expect(validateManifest(manifest)).toEqual([]);
    expect(files['color.png']).toEqual(new Uint8Array(await teamsFile('color.png')));
  });

  it('with KLIKBOT_PUBLIC_URL adds the dashboard as a personal tab signed in with Teams single sign-on, valid by the schema', async () => {
    const out = path.join(outDir, 'with-tab.zip');
    const run = await runPackager(
      { MicrosoftAppId: appId, MicrosoftAppPassword: 'x', KLIKBOT_PUBLIC_URL: 'https://klikbot.example.org/' },
      ['--out', out],
    );
    expect(run.code).toBe(0);
    const files = unzipSync(await readFile(out));
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as TeamsManifest & {
      staticTabs: { contentUrl: string; scopes: string[] }[];
      webApplicationInfo: { id: string; resource: string };
      validDomains: string[];
    };
    expect(manifest.staticTabs).toMatchObject([
      { contentUrl: 'https://klikbot.example.org/dashboard/teams', scopes: ['personal'] },
    ]);
    expect(manifest.webApplicationInfo).toEqual({ id: appId, resource: `api://klikbot.example.org/${appId}` });
    expect(manifest.validDomains).toEqual(['klikbot.example.org']);
    expect(validateManifest(manifest)).toEqual([]);
    const plain = await runPackager({ MicrosoftAppId: appId, MicrosoftAppPassword: 'x' }, ['--out', path.join(outDir, 'no-tab.zip')]);
    expect(plain.stdout).toContain('No KLIKBOT_PUBLIC_URL: the package has no dashboard tab.');
    await expect(
      buildTeamsPackage({ rootDir, appId, version: '0.1.0', publicUrl: 'http://klikbot.example.org' }),
    ).rejects.toThrow(/must be https:\/\/ for a Teams tab/);
  });

  it('without MicrosoftAppId exits 1, says which variable to set and why, and writes nothing', async () => {
    const out = path.join(outDir, 'missing-id.zip');
    const run = await runPackager({ MicrosoftAppId: '', MicrosoftAppPassword: '' }, ['--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/MicrosoftAppId is not set/);
    expect(run.stderr).toMatch(/Application \(client\) ID .* Azure Bot registration/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a MicrosoftAppId that is no GUID before anything is built', async () => {
    await expect(buildTeamsPackage({ rootDir, appId: 'klikbot-dev', version: '0.1.0' })).rejects.toThrow(/MicrosoftAppId "klikbot-dev" is not a GUID/);
  });

  it('gives the same zip, byte for byte, for the same inputs', async () => {
    const first = await buildTeamsPackage({ rootDir, appId, version: '0.1.0' });
    const second = await buildTeamsPackage({ rootDir, appId, version: '0.1.0' });
    expect(Buffer.from(first.zip).equals(Buffer.from(second.zip))).toBe(true);
  });
});

describe('Teams command menu', () => {
  let core: Core;
  beforeAll(async () => {
    core = createCore({ knowledge: await loadKnowledge(path.resolve('data/knowledge')) });
  });
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00', { zone: 'Europe/Copenhagen' });
  const turn = (text: string, conversationId: string, isGroup: boolean): Turn => ({
    user: { id: 'u1' },
    conversation: { channel: 'teams', id: conversationId, isGroup },
    text,
    locale: 'da-DK',
    now,
  });
  const commands = commandsOf(built).map(({ scopes, command }) => ({ scopes: scopes.join('+'), title: command.title }));

  it('has an expected answer for every command title', () => {
    expect(commands.map((c) => c.title).filter((title) => !(title in commandIntents))).toEqual([]);
  });

  it.each(commands)('[$scopes] $title is answered as the command promises', ({ scopes, title }) => {
    const routed = core.answer(turn(title, `fresh ${scopes} ${title}`, scopes !== 'personal'));
    expect(routed.understanding?.intent).toBe(commandIntents[title]);
    // an answer, or (for what needs the state, such as "status") the action the core runs
    expect(routed.replies.length > 0 || routed.action !== undefined).toBe(true);
  });

  it('lists at most 10 commands a menu, the most used first: deadlines and status, and in a team or group chat the meeting first', () => {
    const lists = built.bots[0]?.commandLists ?? [];
    expect(lists.map((list) => list.commands.length).every((count) => count <= COMMAND_LIMITS.perList)).toBe(true);
    const titlesOf = (scope: string) => lists.find((list) => list.scopes.includes(scope))?.commands.map((c) => c.title) ?? [];
    expect(titlesOf('personal').slice(0, 2)).toEqual(['deadlines', 'status']);
    // a host runs the meeting from the menu; what they need at hand comes before the questions
    const meeting = new Set(['meeting.start', 'agenda.today', 'meeting.next', 'evaluation.start']);
    for (const scope of ['team', 'groupChat']) {
      const intents = titlesOf(scope).map((title) => commandIntents[title]!);
      const firstOther = intents.findIndex((intent) => !meeting.has(intent));
      expect(firstOther).toBeGreaterThan(0);
      expect(intents.slice(firstOther).some((intent) => meeting.has(intent))).toBe(false);
      expect(titlesOf(scope).slice(firstOther, firstOther + 2)).toEqual(['deadlines', 'status']);
    }
    for (const list of lists) expect(list.commands.at(-1)?.title).toBe('hjælp');
  });

  it('answers each personal command in turn in one conversation, as someone working down the menu would', () => {
    const personal = commands.filter((c) => c.scopes === 'personal').map((c) => c.title);
    const read = personal.map((title) => core.answer(turn(title, 'menu', false)).understanding?.intent);
    expect(read).toEqual(personal.map((title) => commandIntents[title]));
  });
});

describe('Teams command menu, chosen in the running bot on the morning of a programme leader meeting', () => {
  const h = useBotAndConnector({ KLIKBOT_REMINDER_TICK_SECONDS: '0', KLIKBOT_NOW: '2018-09-06T09:58:00+02:00' });
  // Teams sends the title as the message, in a personal chat, or @mentioning the bot in a channel or group chat
  const places = commandsOf(built).flatMap(({ scopes, command }) =>
    scopes.map((scope) => ({ scope, title: command.title })),
  );

  function chosenIn(scope: string, title: string): Record<string, unknown> {
    const id = `${scope}-${title.replace(/\W+/g, '-')}`;
    if (scope === 'personal')
      return teamsActivity(h.connector.url, { text: title, conversation: { ...conversations.personal, id: `a:${id}` } });
    const conversation =
      scope === 'team'
        ? { ...conversations.channel, id: `19:${id}@thread.tacv2` }
        : { ...conversations.group, id: `19:${id}@thread.v2` };
    return teamsActivity(h.connector.url, { ...mentioning(title), conversation, channelData });
  }

  it.each(places)('[$scope] "$title" is answered, not with "Det ved jeg ikke" or "not here"', async ({ scope, title }) => {
    const before = h.connector.requests.length;
    expect((await postMessages(h.bot.url, chosenIn(scope, title))).status).toBe(200);
    await h.bot.idle();
    const said = h.connector.requests
      .slice(before)
      .map((request) => [request.body.text ?? '', request.body.summary ?? '', cardBodyText(cardOf(request))].join('\n'));
    expect(said.length).toBeGreaterThan(0);
    for (const text of said) {
      expect(text).not.toMatch(/det ved jeg ikke/i);
      expect(text).not.toMatch(/Her kan jeg ikke gemme/);
    }
  });
});
