import type { Knowledge } from '../knowledge/registry.js';
import { statusTasks } from '../knowledge/queries.js';
import type { TaskStatus } from '../state/schema.js';
import {
  boardColumns,
  type Board,
  type BoardCell,
  type BoardColumn,
  type BoardFilter,
  type BoardRow,
} from './board.js';
import { momentText } from './format.js';
import { html, scrollingTable, type Html } from './html.js';
import { DASHBOARD_PATH, municipalityPath, pageHref, pageShell, type PageContext } from './layout.js';
import { STATUS_LOOK, STATUS_ORDER, statusName, word, type PageLanguage } from './words.js';

/** The id a cell has in the page, for the live updates to find it. */
export function cellId(municipalityId: string, taskId: string, step: number | undefined): string {
  return `c-${municipalityId}-${taskId}${step === undefined ? '' : `-${step}`}`;
}

/** What a cell's hint says: who reported what when, or that nothing was reported. */
export function cellHint(cell: BoardCell, language: PageLanguage): string {
  if (cell.by === undefined || cell.at === undefined) return word('notReported', language);
  const what = cell.reported ? statusName(cell.status, language) : language === 'da' ? 'fortrudt' : 'undone';
  return `${what}, ${word('reportedBy', language)} ${cell.by}, ${momentText(cell.at, language)}`;
}

function cellHtml(row: BoardRow, column: BoardColumn, cell: BoardCell, language: PageLanguage): Html {
  const look = STATUS_LOOK[cell.status];
  // a cell with a change can be reached by keyboard, so its hint shows on focus as on hover;
  // the rest (most of 98 × 13) say only their status, which keeps the page small
  const hint = cell.by ? html`<span class="hint">${cellHint(cell, language)}</span>` : '';
  return html`<td
    id="${cellId(row.id, column.taskId, column.step)}"
    class="cell"
    data-status="${cell.status}"
    ${cell.by ? html` tabindex="0"` : ''}
  >
    <span class="symbol" aria-hidden="true">${look.symbol}</span
    ><span class="sr">${statusName(cell.status, language)}</span>${hint}
  </td>`;
}

function options(
  values: readonly { value: string; label: string }[],
  chosen: string | undefined,
  language: PageLanguage,
): Html {
  const all = html`<option value="">${word('all', language)}</option>`;
  return html`${all}${values.map(
    (option) =>
      html`<option value="${option.value}" ${option.value === chosen ? html` selected` : ''}>${option.label}</option>`,
  )}`;
}

function filterForm(knowledge: Knowledge, board: Board, filter: BoardFilter, language: PageLanguage): Html {
  const tasks = statusTasks(knowledge).map((task) => ({ value: task.id, label: task.title }));
  const steps = [...new Set(boardColumns(knowledge).flatMap((column) => (column.step ? [column.step] : [])))]
    .sort((a, b) => a - b)
    .map((step) => ({ value: String(step), label: `${word('step', language)} ${step}` }));
  const groups = board.groups.map((group) => ({ value: String(group), label: `${word('group', language)} ${group}` }));
  const sorts = [
    { value: 'name', label: word('byName', language) },
    { value: 'progress', label: word('byProgress', language) },
  ];
  const sortOptions = sorts.map(
    (sort) =>
      html`<option value="${sort.value}" ${sort.value === filter.sort ? html` selected` : ''}>${sort.label}</option>`,
  );
  return html`<form class="filters" method="get" action="${DASHBOARD_PATH}">
    ${language === 'en' ? html`<input type="hidden" name="lang" value="en" />` : ''}
    <label
      >${word('task', language)}
      <select name="opgave">
        ${options(tasks, filter.taskId, language)}
      </select></label
    >
    <label
      >${word('step', language)}
      <select name="trin">
        ${options(steps, filter.step?.toString(), language)}
      </select></label
    >
    <label
      >${word('group', language)}
      <select name="gruppe">
        ${options(groups, filter.group?.toString(), language)}
      </select></label
    >
    <label
      >${word('sort', language)}
      <select name="sorter">
        ${sortOptions}
      </select></label
    >
    <button type="submit">${word('show', language)}</button>
  </form>`;
}

function legend(language: PageLanguage): Html {
  const items = STATUS_ORDER.map(
    (status: TaskStatus) =>
      html`<li>
        <span class="cell-sample" data-status="${status}" aria-hidden="true">${STATUS_LOOK[status].symbol}</span>
        ${statusName(status, language)}
      </li>`,
  );
  return html`<h2 class="sr">${word('legend', language)}</h2>
    <ul class="legend">
      ${items}
    </ul>`;
}

function table(board: Board, language: PageLanguage): Html {
  const headers = [
    word('municipality', language),
    ...board.columns.map((column) => html`<abbr title="${column.title}">${column.short}</abbr>`),
    language === 'da' ? 'Fuldført' : 'Done',
  ];
  const rows = board.rows.map(
    (row) =>
      html`<tr data-municipality="${row.id}">
        <th scope="row"><a href="${pageHref(municipalityPath(row.id), language)}">${row.name}</a></th>
        ${row.cells.map((cell, index) => cellHtml(row, board.columns[index]!, cell, language))}
        <td class="count" data-count="${row.id}">${row.done}/${board.columns.length}</td>
      </tr>`,
  );
  const caption =
    language === 'da'
      ? `${board.rows.length} kommuner × ${board.columns.length} opgaver og trin`
      : `${board.rows.length} municipalities × ${board.columns.length} tasks and steps`;
  return scrollingTable({ caption, headers, rows, className: 'board' });
}

/** The filter as query parameters, for links that keep it (the language switch, the CSV). */
export function boardQuery(filter: BoardFilter): Record<string, string | undefined> {
  return {
    opgave: filter.taskId,
    trin: filter.step?.toString(),
    gruppe: filter.group?.toString(),
    sorter: filter.sort === 'name' ? undefined : filter.sort,
  };
}

/**
 * The status board: a filter form, the legend, and the table of municipalities × tasks and
 * steps, following live the changes after `since` (the status log's position it was drawn at).
 */
export function boardPage(
  knowledge: Knowledge,
  board: Board,
  filter: BoardFilter,
  context: PageContext,
  since = 0,
): string {
  const { language } = context;
  const query = boardQuery(filter);
  const csv = pageHref(DASHBOARD_PATH, language, { ...query, format: 'csv' });
  const main = html`${filterForm(knowledge, board, filter, language)} ${legend(language)}
    <p class="tools">
      <a href="${csv}" download>${word('csv', language)}</a> <span class="live" role="status" aria-live="polite"></span>
    </p>
    ${table(board, language)}`;
  return pageShell(
    context,
    { key: 'board', title: word('board', language), path: DASHBOARD_PATH, query, liveSince: since },
    main,
  );
}
