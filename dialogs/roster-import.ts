import { z } from 'zod';
import type { Knowledge } from '../src/knowledge/registry.js';
import { administratorKey, isAdministrator, resolveMunicipality } from './acting-for.js';
import type { ActionDialog } from './action-dialogs.js';
import { say } from './context.js';

/** More lines than any municipality has programme people; a longer paste is a mistake, not a roster. */
export const ROSTER_MAX_LINES = 2000;
const LINE_MAX = 300;

// `slack:U0ABC`, `teams:<Entra object id>` (as KLIKBOT_ADMINS names people), or an email address
const personPattern = /^(?:(?:slack|teams|web|emulator):[^\s,;]{1,200}|email:[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+|[^\s@,;:]+@[^\s@,;]+\.[^\s@,;]+)$/i;

/** One line of a roster: the person as the roster keeps them (`email:` before a bare address), and the municipality's id. */
export interface RosterLine {
  person: string;
  municipalityId: string;
}

/** The roster read from CSV text, or every line that is wrong and why (then nothing is imported). */
export type ParsedRoster = { ok: true; lines: RosterLine[] } | { ok: false; problems: string[] };

const argsSchema = z.object({ csv: z.string().max(ROSTER_MAX_LINES * (LINE_MAX + 2)) });

/**
 * Reads "person,kommune" lines (a comma or semicolon between; a header line and blank lines
 * are skipped). A line that names no known person form or municipality is reported with its
 * number; one bad line refuses the whole import, so a roster is never half-applied.
 */
export function parseRoster(knowledge: Knowledge, csv: string): ParsedRoster {
  const rows = csv.split(/\r?\n/);
  if (rows.length > ROSTER_MAX_LINES) return { ok: false, problems: [`more than ${ROSTER_MAX_LINES} lines`] };
  const lines: RosterLine[] = [];
  const problems: string[] = [];
  rows.forEach((row, index) => {
    const text = row.trim();
    if (text === '' || (index === 0 && /^(person|email|bruger|user)\b/i.test(text))) return;
    const [rawPerson = '', ...rest] = text.split(/[,;]/).map((cell) => cell.trim().replace(/^"|"$/g, ''));
    const municipality = text.length <= LINE_MAX ? resolveMunicipality(knowledge, rest.join(' ').trim()) : undefined;
    if (!personPattern.test(rawPerson)) problems.push(`${index + 1}: "${rawPerson.slice(0, 40)}" is no person (slack:U…, teams:…, or an email address)`);
    else if (!municipality) problems.push(`${index + 1}: "${rest.join(' ').slice(0, 40)}" is no municipality`);
    else lines.push({ person: rawPerson.includes(':') ? rawPerson : `email:${rawPerson.toLowerCase()}`, municipalityId: municipality.id });
  });
  if (problems.length > 0) return { ok: false, problems };
  if (lines.length === 0) return { ok: false, problems: ['no lines'] };
  return { ok: true, lines };
}

/**
 * "medlemsliste" followed by the roster's lines, for administrators: each person listed is
 * verified for their municipality (a waiting claim at once; someone listed by channel and id
 * becomes a member). Nothing is imported unless every line reads.
 */
export const rosterImport: ActionDialog = async (context, args, services) => {
  if (!isAdministrator(context.turn, services)) {
    return [{ text: say(context, 'Kun en administrator kan indlæse medlemslisten. Intet er ændret.', 'Only an administrator can import the roster. Nothing was changed.'), notice: true }];
  }
  const parsed = argsSchema.safeParse(args);
  const roster = parsed.success ? parseRoster(context.knowledge, parsed.data.csv) : ({ ok: false, problems: ['too long'] } as const);
  if (!roster.ok) {
    const shown = roster.problems.slice(0, 10).join('\n');
    return [
      {
        text: say(
          context,
          `Medlemslisten er ikke indlæst; intet er ændret. Skriv 'medlemsliste' og én linje pr. person under: person,kommune (fx slack:U0ABC,Aarhus eller navn@aarhus.dk,Aarhus).\n${shown}`,
          `The roster was not imported; nothing was changed. Type 'medlemsliste' and one line per person below it: person,municipality (e.g. slack:U0ABC,Aarhus or name@aarhus.dk,Aarhus).\n${shown}`,
        ),
        notice: true,
      },
    ];
  }
  const { entries, verified } = await services.memberships.importRoster(roster.lines, administratorKey(context.turn));
  return [
    {
      text: say(context, `Medlemslisten er indlæst: ${entries} linjer; ${verified} medlemskaber er bekræftet.`, `The roster is imported: ${entries} lines; ${verified} memberships verified.`),
      notice: true,
    },
  ];
};
