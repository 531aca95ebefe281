import { z } from 'zod';
import { ZONE, type Clock } from '../../clock.js';
import { boardOf, type BoardFilter } from '../../dashboard/board.js';
import { boardPage } from '../../dashboard/board-page.js';
import { boardCsv, deadlinesCsv, meetingsCsv, progressCsv } from '../../dashboard/csv.js';
import { deadlinesOf } from '../../dashboard/deadlines.js';
import { logPosition } from '../../dashboard/live.js';
import { deadlinesPage } from '../../dashboard/deadlines-page.js';
import type { PageContext } from '../../dashboard/layout.js';
import { meetingsOf } from '../../dashboard/meetings.js';
import { meetingsPage } from '../../dashboard/meetings-page.js';
import { municipalityById, municipalityView } from '../../dashboard/municipality.js';
import { municipalityPage } from '../../dashboard/municipality-page.js';
import { progressOf } from '../../dashboard/progress.js';
import { progressPage } from '../../dashboard/progress-page.js';
import { seesMunicipality } from '../../dashboard/viewer.js';
import type { Knowledge } from '../../knowledge/registry.js';
import { statusTasks } from '../../knowledge/queries.js';
import type { DeepReadonly, State } from '../../state/schema.js';

/** What a page is made from: the knowledge, the state as it is now, and the clock. */
export interface PageSources {
  knowledge: Knowledge;
  store: { read(): DeepReadonly<State> };
  clock: Clock;
}

/** What a page handler gives back: a page, a CSV file, or a refusal to show as a page. */
export type PageResult =
  | { kind: 'html'; body: string }
  | { kind: 'csv'; body: string; name: string }
  | { kind: 'refused'; status: 400 | 403 | 404; message: { da: string; en: string } };

// the filter form sends every field, an unchosen one empty: empty means not given
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);
const textParam = z.preprocess(emptyToUndefined, z.string().trim().max(100).optional());
const numberParam = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, 'skal være et tal')
    .transform(Number)
    .optional(),
);

/** Every page's own parameters; `lang`, `format` and `k` are read by the route for all pages. */
export const boardQuerySchema = z.object({
  opgave: textParam,
  trin: numberParam,
  gruppe: numberParam,
  sorter: z.enum(['name', 'progress']).optional(),
});
const deadlinesQuerySchema = z.object({ kommune: textParam });

function csvName(sources: PageSources, what: string): string {
  return `klikbot-${what}-${sources.clock.now().toISODate() ?? 'nu'}.csv`;
}

/** What each parameter must be, said to the person who typed or edited the address. */
const PARAMETER_HINTS: Record<string, { da: string; en: string }> = {
  opgave: { da: 'en opgaves id, fx bbr-adgangsstyring', en: "a task's id, e.g. bbr-adgangsstyring" },
  trin: { da: 'et tal', en: 'a number' },
  gruppe: { da: 'et tal', en: 'a number' },
  sorter: { da: 'name eller progress', en: 'name or progress' },
  kommune: { da: 'en kommunes id, fx aarhus', en: "a municipality's id, e.g. aarhus" },
};

function badQuery(message: { da: string; en: string }): PageResult {
  return {
    kind: 'refused',
    status: 400,
    message: { da: `Ugyldig forespørgsel: ${message.da}.`, en: `Bad request: ${message.en}.` },
  };
}

/** A refusal naming each parameter that could not be read and what it must be, given once. */
function badParameters(error: z.ZodError): PageResult {
  const names = [...new Set(error.issues.map((issue) => String(issue.path[0] ?? '')))];
  const say = (language: 'da' | 'en') =>
    names
      .map((name) => {
        const hint = PARAMETER_HINTS[name]?.[language] ?? '';
        return language === 'da' ? `»${name}« skal være ${hint}, én gang` : `"${name}" must be ${hint}, once`;
      })
      .join('; ');
  return badQuery({ da: say('da'), en: say('en') });
}

/** The status board, or its CSV. */
export function boardResult(sources: PageSources, context: PageContext, query: unknown, csv: boolean): PageResult {
  const parsed = boardQuerySchema.safeParse(query);
  if (!parsed.success) return badParameters(parsed.error);
  const { opgave, trin, gruppe, sorter } = parsed.data;
  if (opgave !== undefined && opgave !== '' && !statusTasks(sources.knowledge).some((task) => task.id === opgave))
    return badQuery({ da: `ukendt opgave »${opgave}«`, en: `unknown task "${opgave}"` });
  const filter: BoardFilter = {
    ...(opgave ? { taskId: opgave } : {}),
    ...(trin !== undefined ? { step: trin } : {}),
    ...(gruppe !== undefined ? { group: gruppe } : {}),
    sort: sorter ?? 'name',
  };
  const state = sources.store.read();
  if (csv)
    return {
      kind: 'csv',
      body: boardCsv(sources.knowledge, state, filter, context.viewer),
      name: csvName(sources, 'status'),
    };
  const board = boardOf(sources.knowledge, state, filter, context.viewer);
  return { kind: 'html', body: boardPage(sources.knowledge, board, filter, context, logPosition(state.statusUpdates)) };
}

/** National progress per task and step, or its CSV. */
export function progressResult(sources: PageSources, context: PageContext, csv: boolean): PageResult {
  const progress = progressOf(sources.knowledge, sources.store.read());
  // the reports to klikbot are counted as they stand today, in Copenhagen
  const today = sources.clock.now().setZone(ZONE).toISODate() ?? '';
  if (csv) return { kind: 'csv', body: progressCsv(progress, today), name: csvName(sources, 'fremdrift') };
  return { kind: 'html', body: progressPage(progress, context, today) };
}

/** The deadlines' timeline, nationally or for one municipality (a member's own), or its CSV. */
export function deadlinesResult(sources: PageSources, context: PageContext, query: unknown, csv: boolean): PageResult {
  const parsed = deadlinesQuerySchema.safeParse(query);
  if (!parsed.success) return badParameters(parsed.error);
  const { viewer } = context;
  const asked = parsed.data.kommune ? municipalityById(sources.knowledge, parsed.data.kommune) : undefined;
  if (parsed.data.kommune && !asked)
    return badQuery({
      da: `ukendt kommune »${parsed.data.kommune}«`,
      en: `unknown municipality "${parsed.data.kommune}"`,
    });
  // a member's link shows the deadlines as their own municipality stands
  const chosen = viewer.sees === 'municipality' ? viewer.municipalityId : asked?.id;
  const lines = deadlinesOf(sources.knowledge, sources.store.read(), sources.clock.now(), chosen);
  if (csv) return { kind: 'csv', body: deadlinesCsv(lines), name: csvName(sources, 'frister') };
  const chooser =
    viewer.sees === 'national'
      ? { municipalities: sources.knowledge.municipalities, ...(chosen ? { chosen } : {}) }
      : undefined;
  return { kind: 'html', body: deadlinesPage(lines, chooser, context) };
}

/** The meetings' evaluations and polls, or their CSV. */
export function meetingsResult(sources: PageSources, context: PageContext, csv: boolean): PageResult {
  const view = meetingsOf(sources.knowledge, sources.store.read(), sources.clock.now(), context.viewer);
  if (csv) return { kind: 'csv', body: meetingsCsv(view), name: csvName(sources, 'moeder') };
  return { kind: 'html', body: meetingsPage(view, context) };
}

/** One municipality's page, or its status as CSV; refused for a municipality the viewer may not see. */
export function municipalityResult(sources: PageSources, context: PageContext, id: string, csv: boolean): PageResult {
  const municipality = municipalityById(sources.knowledge, id);
  if (!municipality)
    return {
      kind: 'refused',
      status: 404,
      message: { da: `Ukendt kommune: »${id}«.`, en: `Unknown municipality: "${id}".` },
    };
  if (!seesMunicipality(context.viewer, municipality.id))
    return {
      kind: 'refused',
      status: 403,
      message: {
        da: 'Dit link viser kun din egen kommune og tallene for hele landet.',
        en: 'Your link shows only your own municipality and the national figures.',
      },
    };
  const state = sources.store.read();
  if (csv) {
    const body = boardCsv(
      sources.knowledge,
      state,
      { sort: 'name' },
      { sees: 'municipality', municipalityId: municipality.id, via: 'link' },
    );
    return { kind: 'csv', body, name: csvName(sources, municipality.id) };
  }
  return { kind: 'html', body: municipalityPage(municipalityView(sources.knowledge, state, municipality), context) };
}
