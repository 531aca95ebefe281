/**
 * Builds the Microsoft Teams app package (manifest.json, color.png, outline.png) with the bot
 * id from configuration, after validating the manifest against its JSON schema offline.
 *
 * Run: MicrosoftAppId=<guid> MicrosoftAppPassword=<secret> npm run package:teams [-- --out file.zip]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { KlikbotError } from '../src/errors.js';
import { TeamsPackageError } from './teams-package/manifest.js';
import { buildTeamsPackage, DEFAULT_OUT, readAppVersion } from './teams-package/package.js';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MISSING_APP_ID = [
  'MicrosoftAppId is not set.',
  "Set it to the Application (client) ID of klikbot's Azure Bot registration (a GUID): the package uses it as",
  'the Teams app id and the bot id, and Teams delivers messages only to the bot with that id.',
  'Example: MicrosoftAppId=<guid> MicrosoftAppPassword=<client secret> npm run package:teams',
].join('\n');

async function main(): Promise<string> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = loadConfig();
  const appId = config.teams.appId;
  if (!appId) throw new TeamsPackageError(MISSING_APP_ID);
  const version = await readAppVersion(rootDir);
  const built = await buildTeamsPackage({
    rootDir,
    appId,
    version,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  });
  if (!config.publicUrl) console.log('No KLIKBOT_PUBLIC_URL: the package has no dashboard tab.');
  const outFile = path.resolve(values.out ?? path.join(rootDir, DEFAULT_OUT));
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, built.zip);
  return outFile;
}

try {
  const outFile = await main();
  const shown = path.relative(process.cwd(), outFile);
  console.log(`Wrote ${shown.startsWith('..') ? outFile : shown}`);
  console.log(
    'Next: upload it in the Teams Developer Portal (Apps → Import app) or in Teams (Apps → Manage your apps → Upload an app); see manifest/README.md.',
  );
} catch (error) {
  // only the errors this script expects are shown bare; anything else keeps its stack for a bug report
  const known = error instanceof TeamsPackageError || error instanceof KlikbotError;
  console.error(
    `Cannot build the Teams app package: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 1;
}
