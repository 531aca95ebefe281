import { dayText } from './format.js';
import { html, scrollingTable, type Html } from './html.js';
import { chartFigure, DASHBOARD_PATH, pageHref, pageShell, pngButton, type PageContext } from './layout.js';
import type { ColumnProgress, StatusCounts } from './progress.js';
import { STATUS_LOOK, STATUS_ORDER, statusName, word, type PageLanguage } from './words.js';

export const PROGRESS_PATH = `${DASHBOARD_PATH}/fremdrift`;

function countsCells(counts: StatusCounts | undefined): Html {
  return html`${STATUS_ORDER.map((status) => html`<td>${counts ? counts[status] : '–'}</td>`)}`;
}

/** The chart's data: two bars a column, KLIK's extract and klikbot's reports, each stacked by status. */
export function chartData(progress: readonly ColumnProgress[], language: PageLanguage, asOf: string) {
  const today = dayText(asOf, language);
  // as short as KLIK's own line beside it: the table under the chart says it in full
  const reported = `klikbot ${today}`;
  const notReported = language === 'da' ? 'ikke meldt' : 'not reported';
  // two lines a bar, what and whose, so a phone's narrow chart does not cut the task's name off
  const labels: string[][] = [];
  const values: Record<string, number[]> = { done: [], started: [], 'not-started': [], 'not-reported': [] };
  for (const line of progress) {
    // both bars reach all municipalities: KLIK's counts them all, klikbot's adds those that did not report
    const bars: { label: string[]; counts: StatusCounts; silent: number }[] = [];
    if (line.baseline) {
      const label = [line.column.short, `KLIK ${dayText(line.baseline.asOf, language)}`];
      bars.push({ label, counts: line.baseline.counts, silent: 0 });
    }
    const silent = line.municipalities - line.reporting;
    bars.push({ label: [line.column.short, reported], counts: line.reported, silent });
    for (const bar of bars) {
      labels.push(bar.label);
      for (const status of STATUS_ORDER) values[status]!.push(bar.counts[status]);
      values['not-reported']!.push(bar.silent);
    }
  }
  const series: { status: string; label: string; values: number[] }[] = STATUS_ORDER.map((status) => ({
    status,
    label: `${STATUS_LOOK[status].symbol} ${statusName(status, language)}`,
    values: values[status]!,
  }));
  series.push({ status: 'not-reported', label: `– ${notReported}`, values: values['not-reported']! });
  return { kind: 'progress', labels, max: progress[0]?.municipalities ?? 0, series };
}

/** The extract named with its date in the page's language: "KLIK-udtræk 4. september 2018". */
function klikLabel(asOf: string, language: PageLanguage): string {
  return `${language === 'da' ? 'KLIK-udtræk' : 'KLIK extract'} ${dayText(asOf, language)}`;
}

function tableOf(progress: readonly ColumnProgress[], language: PageLanguage, asOf: string): Html {
  const today = dayText(asOf, language);
  const rows = progress.map((line) => {
    const baseline = line.baseline
      ? html`<tr>
          <th scope="row" rowspan="2"><abbr title="${line.column.title}">${line.column.short}</abbr></th>
          <td>${klikLabel(line.baseline.asOf, language)}</td>
          ${countsCells(line.baseline.counts)}
        </tr>`
      : html`<tr>
          <th scope="row" rowspan="2"><abbr title="${line.column.title}">${line.column.short}</abbr></th>
          <td>${language === 'da' ? 'Intet KLIK-udtræk' : 'No KLIK extract'}</td>
          ${countsCells(undefined)}
        </tr>`;
    const reportedLabel =
      language === 'da'
        ? `Meldt til klikbot pr. ${today} (${line.reporting} af ${line.municipalities} kommuner)`
        : `Reported to klikbot as of ${today} (${line.reporting} of ${line.municipalities} municipalities)`;
    return html`${baseline}
      <tr data-column="${line.column.taskId}-${line.column.step ?? ''}">
        <td>${reportedLabel}</td>
        ${countsCells(line.reported)}
      </tr>`;
  });
  const caption = language === 'da' ? 'Fremdrift pr. opgave og trin' : 'Progress per task and step';
  const headers = [
    word('task', language),
    language === 'da' ? 'Kilde' : 'Source',
    ...STATUS_ORDER.map((status) => statusName(status, language)),
  ];
  return scrollingTable({ caption, headers, rows, className: 'progress' });
}

/**
 * National progress: for each task and step the KLIK extract (all municipalities on its date)
 * and what was reported to klikbot since (only those who reported), side by side, never added.
 */
export function progressPage(progress: readonly ColumnProgress[], context: PageContext, asOf: string): string {
  const { language } = context;
  const note =
    language === 'da'
      ? 'KLIK-udtrækket tæller alle kommuner på sin dato, men siger ikke hvilke kommuner der stod hvor. Meldingerne til klikbot tæller kun de kommuner, der har meldt, og lægges derfor ikke oven i.'
      : 'The KLIK extract counts every municipality on its date but does not say which stood where. The reports to klikbot count only the municipalities that reported, so they are not added to it.';
  const chartLabel =
    language === 'da'
      ? 'Diagram: KLIK-udtrækket og meldingerne til klikbot for hver opgave og trin. Tallene står i tabellen under.'
      : 'Chart: the KLIK extract and the reports to klikbot for each task and step. The figures are in the table below.';
  const main = html`<p>${note}</p>
    <p class="tools">
      <a href="${pageHref(PROGRESS_PATH, language, { format: 'csv' })}" download>${word('csv', language)}</a>
      ${pngButton('progress-chart', language)}
    </p>
    ${chartFigure({ id: 'progress-chart', label: chartLabel, data: chartData(progress, language, asOf) })}
    ${tableOf(progress, language, asOf)}`;
  return pageShell(context, { key: 'progress', title: word('progress', language), path: PROGRESS_PATH }, main);
}
