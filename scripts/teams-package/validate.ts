import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ajvDraft04, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { commandsOf, MANIFEST_VERSION, parseManifest, TeamsPackageError } from './manifest.js';

/**
 * Teams shows command titles up to 32 characters and descriptions up to 128 (schemas up to 1.20
 * enforced it; later ones allow 128/4000), and Microsoft's guidance is at most 10 commands a
 * menu (the schema allows 12): a longer menu scrolls, and the commands people use most get lost.
 */
export const COMMAND_LIMITS = { title: 32, description: 128, perList: 10 } as const;

/** The URL a manifest of this version names in `$schema`. */
export function schemaUrl(version: string = MANIFEST_VERSION): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
}

/** The schema file shipped in @microsoft/app-manifest, so validation needs no network. */
export function schemaPath(version: string = MANIFEST_VERSION): string {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(packageDir, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
}

// Both are CommonJS packages typed as ES modules: under NodeNext the default import is typed
// as the whole module, whose `default` is the class (at run time both name the same function).
const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;

const compiled = new Map<string, ValidateFunction>();

function validatorFor(version: string): ValidateFunction {
  const cached = compiled.get(version);
  if (cached) return cached;
  const file = schemaPath(version);
  let schema: object;
  try {
    schema = JSON.parse(readFileSync(file, 'utf8')) as object;
  } catch (cause) {
    throw new TeamsPackageError(
      `cannot read the Teams manifest schema ${file} (is @microsoft/app-manifest installed?)`,
      { cause },
    );
  }
  // strict off: Microsoft's schemas carry keywords draft-04 does not define (e.g. `deprecated`)
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  compiled.set(version, validate);
  return validate;
}

function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath || '(root)';
  const detail =
    error.keyword === 'additionalProperties'
      ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
      : '';
  return `${where}: ${error.message ?? error.keyword}${detail}`;
}

/** Rules the schema does not state: what the Teams command menu shows, and lists only for scopes the bot has. */
function klikbotRules(raw: unknown): string[] {
  const manifest = parseManifest(raw, 'the manifest');
  const problems: string[] = [];
  for (const bot of manifest.bots) {
    for (const list of bot.commandLists ?? []) {
      const extra = list.scopes.filter((scope) => !bot.scopes.includes(scope));
      if (extra.length > 0) problems.push(`a command list names scopes the bot does not have: ${extra.join(', ')}`);
      if (list.commands.length > COMMAND_LIMITS.perList)
        problems.push(
          `the command list for ${list.scopes.join(', ')} has ${list.commands.length} commands, at most ${COMMAND_LIMITS.perList}`,
        );
      const titles = list.commands.map((command) => command.title.toLowerCase());
      const twice = titles.filter((title, index) => titles.indexOf(title) !== index);
      if (twice.length > 0) problems.push(`command titles appear twice in one list: ${twice.join(', ')}`);
    }
  }
  for (const { command } of commandsOf(manifest)) {
    if (command.title.length > COMMAND_LIMITS.title)
      problems.push(
        `command "${command.title}": title is ${command.title.length} characters, at most ${COMMAND_LIMITS.title}`,
      );
    const length = command.description?.length ?? 0;
    if (length > COMMAND_LIMITS.description)
      problems.push(
        `command "${command.title}": description is ${length} characters, at most ${COMMAND_LIMITS.description}`,
      );
  }
  return problems;
}

/**
 * Everything wrong with a finished manifest: the Teams JSON schema of its version (offline),
 * then klikbot's own rules. An empty list means it may be packaged.
 */
export function validateManifest(manifest: unknown, version: string = MANIFEST_VERSION): string[] {
  const validate = validatorFor(version);
  if (!validate(manifest)) return (validate.errors ?? []).map(describeSchemaError);
  const problems = klikbotRules(manifest);
  const named = (manifest as { $schema?: unknown }).$schema;
  if (named !== undefined && named !== schemaUrl(version))
    problems.push(`$schema is ${JSON.stringify(named)}, expected ${schemaUrl(version)}`);
  return problems;
}
