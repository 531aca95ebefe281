import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** The Teams manifest schema version the template is written for (the newest non-preview one in @microsoft/app-manifest). */
export const MANIFEST_VERSION = '1.30';

/** Where the template and the icons live, relative to the project root. */
export const TEAMS_DIR = path.join('manifest', 'teams');

/** The placeholders in the template, filled in by the packager. */
export const PLACEHOLDERS = { appId: '{{MicrosoftAppId}}', version: '{{version}}' } as const;

/** A Microsoft App ID: the GUID of the Azure Bot registration. */
export const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** Raised for anything that stops a package from being built; the message says how to fix it. */
export class TeamsPackageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TeamsPackageError';
  }
}

/** One bot command, as shown in the Teams command menu. */
export interface TeamsCommand {
  title: string;
  description?: string;
}

/** The parts of a manifest klikbot reads itself; the JSON schema checks the rest. */
export interface TeamsManifest {
  manifestVersion: string;
  id: string;
  version: string;
  icons: { color: string; outline: string };
  bots: { botId: string; scopes: string[]; commandLists?: { scopes: string[]; commands: TeamsCommand[] }[] }[];
  [key: string]: unknown;
}

const manifestShape = z.looseObject({
  manifestVersion: z.string(),
  id: z.string(),
  version: z.string(),
  icons: z.looseObject({ color: z.string(), outline: z.string() }),
  bots: z.array(
    z.looseObject({
      botId: z.string(),
      scopes: z.array(z.string()),
      commandLists: z
        .array(
          z.looseObject({
            scopes: z.array(z.string()),
            commands: z.array(z.looseObject({ title: z.string(), description: z.string().optional() })),
          }),
        )
        .optional(),
    }),
  ),
});

/** Reads a manifest-shaped JSON value, with a message naming the file when it is not one. */
export function parseManifest(raw: unknown, where: string): TeamsManifest {
  const parsed = manifestShape.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new TeamsPackageError(`${where} is not a Teams manifest:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Reads the manifest template (placeholders still in it) from `<root>/manifest/teams/manifest.json`. */
export async function readTemplate(rootDir: string): Promise<unknown> {
  const file = path.join(rootDir, TEAMS_DIR, 'manifest.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new TeamsPackageError(`cannot read the manifest template ${file}`, { cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new TeamsPackageError(`${file} is not valid JSON (${reason})`, { cause });
  }
}

function fillStrings(value: unknown, fill: (text: string) => string): unknown {
  if (typeof value === 'string') return fill(value);
  if (Array.isArray(value)) return value.map((item) => fillStrings(item, fill));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillStrings(item, fill)]));
  }
  return value;
}

/**
 * The manifest to ship: the template with the app id (also the bot id: one registration
 * serves both) and the app version filled in. Fails on a non-GUID id or a placeholder left over.
 */
export function buildManifest(template: unknown, values: { appId: string; version: string }): TeamsManifest {
  if (!GUID.test(values.appId)) {
    throw new TeamsPackageError(
      `MicrosoftAppId "${values.appId}" is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, the Application (client) ID of the Azure Bot)`,
    );
  }
  const filled = fillStrings(template, (text) =>
    text.replaceAll(PLACEHOLDERS.appId, values.appId).replaceAll(PLACEHOLDERS.version, values.version),
  );
  const leftOver = JSON.stringify(filled).match(/\{\{[^}]*\}\}/);
  if (leftOver) throw new TeamsPackageError(`the manifest template has a placeholder nobody fills in: ${leftOver[0]}`);
  return parseManifest(filled, 'manifest/teams/manifest.json');
}

/**
 * The dashboard as a personal tab, where klikbot's public address is known: the tab opens
 * `/dashboard/teams`, which signs the person in with Teams single sign-on. The app registration
 * must expose the Application ID URI `api://<host>/<app id>` with the scope `access_as_user`
 * (docs/dashboard.md says how).
 */
export function withDashboardTab(manifest: TeamsManifest, publicUrl: string): TeamsManifest {
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:')
    throw new TeamsPackageError(`KLIKBOT_PUBLIC_URL must be https:// for a Teams tab (it is ${publicUrl})`);
  const base = publicUrl.replace(/\/+$/, '');
  return {
    ...manifest,
    staticTabs: [
      {
        entityId: 'klikbot-dashboard',
        name: 'Overblik',
        contentUrl: `${base}/dashboard/teams`,
        websiteUrl: `${base}/dashboard`,
        scopes: ['personal'],
      },
    ],
    validDomains: [url.host],
    webApplicationInfo: { id: manifest.id, resource: `api://${url.host}/${manifest.id}` },
  };
}

/** Every command title with the scopes of its list, in manifest order. */
export function commandsOf(manifest: TeamsManifest): { scopes: string[]; command: TeamsCommand }[] {
  return manifest.bots.flatMap((bot) =>
    (bot.commandLists ?? []).flatMap((list) => list.commands.map((command) => ({ scopes: list.scopes, command }))),
  );
}
