import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { z } from 'zod';
import { checkIcons } from './icons.js';
import {
  buildManifest,
  readTemplate,
  TEAMS_DIR,
  TeamsPackageError,
  withDashboardTab,
  type TeamsManifest,
} from './manifest.js';
import { validateManifest } from './validate.js';

/** Where `npm run package:teams` writes the app package, relative to the project root. */
export const DEFAULT_OUT = path.join('dist', 'teams-app', 'klikbot-teams.zip');

// a fixed time on every entry makes the same inputs give the same zip, byte for byte
const ENTRY_TIME = '2018-09-06T10:00:00';

const packageJson = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be MAJOR.MINOR.PATCH (Teams wants a plain semantic version)'),
});

/** The app version: package.json's `version`, which Teams shows and compares on update. */
export async function readAppVersion(rootDir: string): Promise<string> {
  const file = path.join(rootDir, 'package.json');
  const parsed = packageJson.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success)
    throw new TeamsPackageError(`${file}: version ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
  return parsed.data.version;
}

async function readIcon(rootDir: string, name: string): Promise<Uint8Array> {
  const file = path.join(rootDir, TEAMS_DIR, name);
  try {
    return await readFile(file);
  } catch (cause) {
    throw new TeamsPackageError(`cannot read the icon ${file} (draw it with: npx tsx scripts/make-teams-icons.ts)`, {
      cause,
    });
  }
}

/** The finished package: the zip's bytes and the manifest inside it. */
export interface TeamsPackage {
  zip: Uint8Array;
  manifest: TeamsManifest;
}

function refuse(what: string, problems: string[]): never {
  throw new TeamsPackageError(`${what}:\n${problems.map((line) => `  ${line}`).join('\n')}`);
}

/**
 * Builds the Teams app package in memory: the template filled in, validated against its JSON
 * schema, the icons checked, and the three files zipped at the root. Throws a
 * TeamsPackageError, and builds nothing, when any check fails.
 */
export async function buildTeamsPackage(options: {
  rootDir: string;
  appId: string;
  version: string;
  /** Where people reach klikbot: with it, the package has the dashboard as a tab. */
  publicUrl?: string;
}): Promise<TeamsPackage> {
  const built = buildManifest(await readTemplate(options.rootDir), {
    appId: options.appId,
    version: options.version,
  });
  const manifest = options.publicUrl ? withDashboardTab(built, options.publicUrl) : built;
  const problems = validateManifest(manifest);
  if (problems.length > 0) refuse('the manifest does not pass validation', problems);
  const icons = {
    color: await readIcon(options.rootDir, manifest.icons.color),
    outline: await readIcon(options.rootDir, manifest.icons.outline),
  };
  const iconProblems = checkIcons(icons);
  if (iconProblems.length > 0) refuse("the icons break Teams' rules", iconProblems);
  const zip = zipSync(
    {
      'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
      [manifest.icons.color]: icons.color,
      [manifest.icons.outline]: icons.outline,
    },
    { mtime: ENTRY_TIME },
  );
  return { zip, manifest };
}
