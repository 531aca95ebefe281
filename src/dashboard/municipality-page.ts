import { cellHint } from './board-page.js';
import { DEADLINES_PATH } from './deadlines-page.js';
import { momentText } from './format.js';
import { html, scrollingTable, type Html } from './html.js';
import { municipalityPath, pageHref, pageShell, type PageContext } from './layout.js';
import type { HistoryLine, MunicipalityView } from './municipality.js';
import { STATUS_LOOK, statusName, word, type PageLanguage } from './words.js';

function tasksPart(view: MunicipalityView, language: PageLanguage): Html {
  const heading = language === 'da' ? 'Opgaver og trin' : 'Tasks and steps';
  const rows = view.tasks.map(
    ({ column, cell }) =>
      html`<tr>
        <th scope="row">${column.title}</th>
        <td class="cell" data-status="${cell.status}">
          <span class="symbol" aria-hidden="true">${STATUS_LOOK[cell.status].symbol}</span>
          ${statusName(cell.status, language)}
        </td>
        <td>${cellHint(cell, language)}</td>
      </tr>`,
  );
  const headers = language === 'da' ? ['Opgave', 'Status', 'Seneste ændring'] : ['Task', 'Status', 'Last change'];
  return html`<h2>${heading}</h2>
    ${scrollingTable({ caption: heading, headers, rows })}`;
}

function historyLine(line: HistoryLine, language: PageLanguage): Html {
  const change = `${statusName(line.previous, language)} → ${statusName(line.status, language)}`;
  const undone = line.undone
    ? html` <em
        >(${language === 'da' ? 'fortrudt af' : 'undone by'} ${line.undone.by},
        ${momentText(line.undone.at, language)})</em
      >`
    : '';
  return html`<li>
    <time datetime="${line.at}">${momentText(line.at, language)}</time>: ${line.column.short}, ${change},
    ${word('reportedBy', language)} ${line.by}${undone}
  </li>`;
}

function historyPart(view: MunicipalityView, language: PageLanguage): Html {
  const heading = language === 'da' ? 'Historik' : 'History';
  if (view.history.length === 0)
    return html`<h2>${heading}</h2>
      <p>${language === 'da' ? 'Intet meldt til klikbot endnu.' : 'Nothing reported to klikbot yet.'}</p>`;
  return html`<h2>${heading}</h2>
    <ol class="history">
      ${view.history.map((line) => historyLine(line, language))}
    </ol>`;
}

function membersPart(view: MunicipalityView, language: PageLanguage): Html {
  const heading = language === 'da' ? 'Medlemmer' : 'Members';
  if (view.members.length === 0)
    return html`<h2>${heading}</h2>
      <p>${language === 'da' ? 'Ingen medlemmer endnu.' : 'No members yet.'}</p>`;
  const items = view.members.map((member) => {
    const state = member.verified
      ? language === 'da'
        ? 'bekræftet'
        : 'verified'
      : language === 'da'
        ? 'venter på godkendelse'
        : 'awaiting approval';
    return html`<li>${member.name} (${member.channel}, ${state})</li>`;
  });
  return html`<h2>${heading}</h2>
    <ul>
      ${items}
    </ul>`;
}

/** A municipality's page: its status on every task and step, its history, and its members. */
export function municipalityPage(view: MunicipalityView, context: PageContext): string {
  const { language } = context;
  const path = municipalityPath(view.id);
  const group = view.group === undefined ? '' : html`<p>${word('group', language)} ${view.group}</p>`;
  const main = html`${group}
    <p class="tools">
      <a href="${pageHref(path, language, { format: 'csv' })}" download>${word('csv', language)}</a>
      <a href="${pageHref(DEADLINES_PATH, language, { kommune: view.id })}"
        >${language === 'da' ? `Frister for ${view.name}` : `Deadlines for ${view.name}`}</a
      >
    </p>
    ${tasksPart(view, language)} ${historyPart(view, language)} ${membersPart(view, language)}`;
  return pageShell(context, { key: 'municipality', title: view.name, path }, main);
}
