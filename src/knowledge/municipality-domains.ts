import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ErrorCode, KlikbotError } from '../errors.js';
import type { Knowledge } from './registry.js';

// a host name as an address's domain part holds it: labels of letters, digits and hyphens
const domainSchema = z
  .string()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'must be a lower-case domain such as aarhus.dk',
  );

const fileSchema = z.object({ about: z.string(), domains: z.record(z.string(), z.array(domainSchema)) });

/** Which municipality an email address's domain verifies a claim to. */
export interface DomainBook {
  /** The municipality whose domains hold the address's domain, or undefined. */
  municipalityFor(email: string): string | undefined;
}

/** The domain part of an address, lower-cased; undefined for something that is no address. */
export function domainOf(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return undefined;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

/** A book over a domain → municipality map (exact domains only: a subdomain is another organisation's to vouch for). */
export function domainBook(domains: ReadonlyMap<string, string>): DomainBook {
  return { municipalityFor: (email) => domains.get(domainOf(email) ?? '') };
}

/**
 * Reads `municipality-domains.json`: each municipality's email domains, kept by
 * administrators. A missing file is an empty book (nobody is verified by domain); a file that
 * names an unknown municipality, a malformed domain or one domain for two municipalities stops
 * the start with a message saying which.
 */
export async function loadDomainBook(
  filePath: string,
  knowledge: Pick<Knowledge, 'municipalities'>,
): Promise<DomainBook> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return domainBook(new Map());
    throw new KlikbotError(ErrorCode.KnowledgeUnreadable, `cannot read ${filePath}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new KlikbotError(ErrorCode.KnowledgeInvalid, `${filePath} is not JSON`, { cause: error });
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success)
    throw new KlikbotError(
      ErrorCode.KnowledgeInvalid,
      `${filePath}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  const known = new Set(knowledge.municipalities.map((m) => m.id));
  const owners = new Map<string, string>();
  const problems: string[] = [];
  for (const [municipalityId, domains] of Object.entries(parsed.data.domains)) {
    if (!known.has(municipalityId)) problems.push(`${municipalityId} is no municipality`);
    for (const domain of domains) {
      const owner = owners.get(domain);
      if (owner && owner !== municipalityId)
        problems.push(`${domain} is listed for both ${owner} and ${municipalityId}`);
      owners.set(domain, municipalityId);
    }
  }
  if (problems.length > 0) throw new KlikbotError(ErrorCode.KnowledgeInvalid, `${filePath}: ${problems.join('; ')}`);
  return domainBook(owners);
}
