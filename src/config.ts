import path from 'node:path';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { ErrorCode, KlikbotError } from './errors.js';

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalText = z.preprocess(emptyToUndefined, z.string().trim().min(1).optional());

const isoInstant = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .refine((text) => DateTime.fromISO(text, { setZone: true }).isValid, {
      message: 'must be an ISO 8601 instant with an offset, e.g. 2018-09-06T10:00:00+02:00',
    })
    .optional(),
);

const envSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  KLIKBOT_NOW: isoInstant,
  KLIKBOT_DB: z.preprocess(emptyToUndefined, z.string().default('data/state/klikbot.json')),
  KLIKBOT_DATA: z.preprocess(emptyToUndefined, z.string().default('data/knowledge')),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.preprocess(
    emptyToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ),
  MicrosoftAppTenantId: optionalText,
});

/** Everything klikbot reads from its environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The instant the clock starts at, if replaying; otherwise the wall clock. */
  startAt?: DateTime;
  statePath: string;
  knowledgeDir: string;
  teams: {
    appId?: string;
    appPassword?: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId?: string;
  };
  /** No Teams credentials: unauthenticated traffic (emulator, web chat) is accepted. */
  localMode: boolean;
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
  if (e.MicrosoftAppId && !e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new KlikbotError(
      ErrorCode.ConfigInvalid,
      'Invalid configuration:\n  MicrosoftAppPassword: required when MicrosoftAppId is set (the client secret of the Azure bot registration)',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    startAt: e.KLIKBOT_NOW ? DateTime.fromISO(e.KLIKBOT_NOW, { setZone: true }) : undefined,
    statePath: path.resolve(cwd, e.KLIKBOT_DB),
    knowledgeDir: path.resolve(cwd, e.KLIKBOT_DATA),
    teams: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
    },
    localMode: !e.MicrosoftAppId,
  };
}
