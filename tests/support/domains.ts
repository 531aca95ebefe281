import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A copy of the knowledge with a domains file beside it, for a bot started with
 * KLIKBOT_DATA set to the returned folder. Tests use domains under example.org, which is
 * reserved: no real address has them.
 */
export function knowledgeWithDomains(domains: Record<string, string[]>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'klikbot-domains-'));
  cpSync('data/knowledge', path.join(root, 'knowledge'), { recursive: true });
  writeFileSync(path.join(root, 'municipality-domains.json'), JSON.stringify({ about: 'test', domains }));
  return path.join(root, 'knowledge');
}
