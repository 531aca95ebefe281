import { z } from 'zod';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { administratorKey, isAdministrator, resolveMunicipality } from './acting-for.js';
import type { ActionDialog } from '../types.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';

/** More lines than any municipality has programme people; a longer paste is a mistake, not a roster. */
export const ROSTER_MAX_LINES = 2000;
const LINE_MAX = 300;

// `slack:U0ABC` (a Slack user id), `teams:<Entra object id>` (as KLIKBOT_ADMINS names people), or
// an email address; web and Emulator ids are chosen by the client and vouch for nobody
const slackId = /^slack:[UW][A-Z0-9]{2,20}$/;
// the id turns carry: the Entra object id (a GUID) where Teams gives one
const teamsId = /^teams:[A-Za-z0-9][A-Za-z0-9:._-]{2,199}$/;
const address = /^(?:email:)?([^\s@,;:<>]+@[^\s@,;:<>]+\.[^\s@,;:<>]+)$/;
// the words a header line's first cell may be
const headerWords = new Set(['person', 'email', 'e-mail', 'mail', 'bruger', 'user', 'id']);

/** The person as the roster keeps them (`slack:…`, `teams:…`, `email:…`, lower case), or undefined for no valid form. */
function personOf(cell: string): string | undefined {
  // Slack sends a typed address as <mailto:a@b.dk|a@b.dk>
  const unwrapped = cell.replace(/^<mailto:([^|>]+)(?:\|[^>]*)?>$/i, '$1').trim();
  const lower = unwrapped.toLowerCase();
  if (/^slack:/i.test(unwrapped))
    return slackId.test(`slack:${unwrapped.slice(6).toUpperCase()}`)
      ? `slack:${unwrapped.slice(6).toUpperCase()}`
      : undefined;
  if (/^teams:/i.test(unwrapped))
    return teamsId.test(`teams:${unwrapped.slice(6)}`) ? `teams:${unwrapped.slice(6)}` : undefined;
  const email = address.exec(lower)?.[1];
  return email ? `email:${email}` : undefined;
}

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
  const listed = new Map<string, string>();
  rows.forEach((row, index) => {
    const text = row.trim();
    // a spreadsheet pastes tabs; a comma or a semicolon works too
    const [rawPerson = '', ...rest] = text.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"|"$/g, ''));
    if (text === '' || (index === 0 && headerWords.has(rawPerson.toLowerCase()))) return;
    const person = personOf(rawPerson);
    const municipality = text.length <= LINE_MAX ? resolveMunicipality(knowledge, rest.join(' ').trim()) : undefined;
    const shown = rawPerson.length > 12 ? `${rawPerson.slice(0, 12)}…` : rawPerson;
    if (!person)
      problems.push(`${index + 1}: "${shown}" is no person (slack:U…, teams:<Entra object id>, or an email address)`);
    else if (!municipality) problems.push(`${index + 1}: "${rest.join(' ').slice(0, 40)}" is no municipality`);
    else if (listed.has(person) && listed.get(person) !== municipality.id)
      problems.push(`${index + 1}: ${shown} is listed for two municipalities`);
    else {
      listed.set(person, municipality.id);
      lines.push({ person, municipalityId: municipality.id });
    }
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
    return notice(
      say(
        context,
        'Kun en administrator kan indlæse medlemslisten. Intet er ændret.',
        'Only an administrator can import the roster. Nothing was changed.',
      ),
    );
  }
  // addresses pasted in a channel are shown to everyone in it
  if (context.turn.conversation.isGroup) {
    return notice(
      say(
        context,
        'Indlæs medlemslisten i din 1:1-chat med mig, ikke her, hvor alle kan se den. Intet er ændret.',
        'Import the roster in your 1:1 chat with me, not here where everyone can see it. Nothing was changed.',
      ),
    );
  }
  const parsed = argsSchema.safeParse(args);
  const roster = parsed.success
    ? parseRoster(context.knowledge, parsed.data.csv)
    : ({ ok: false, problems: ['too long'] } as const);
  if (!roster.ok) {
    const shown = roster.problems.slice(0, 10).join('\n');
    return notice(
      say(
        context,
        `Medlemslisten er ikke indlæst; intet er ændret. Skriv 'medlemsliste' og én linje pr. person under: person,kommune (fx slack:U0ABC,Aarhus eller navn@aarhus.dk,Aarhus).\n${shown}`,
        `The roster was not imported; nothing was changed. Type 'medlemsliste' and one line per person below it: person,municipality (e.g. slack:U0ABC,Aarhus or name@aarhus.dk,Aarhus).\n${shown}`,
      ),
    );
  }
  const { entries, verified } = await services.memberships.importRoster(roster.lines, administratorKey(context.turn));
  return notice(
    say(
      context,
      `Medlemslisten er indlæst: ${entries} linjer; ${verified} medlemskaber er bekræftet.`,
      `The roster is imported: ${entries} lines; ${verified} memberships verified.`,
    ),
  );
};
