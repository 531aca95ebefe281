import type { DeadlineLine, DeadlineState } from './deadlines.js';
import { dayText, daysText, monthText } from './format.js';
import { html, scrollingTable, type Html } from './html.js';
import { DASHBOARD_PATH, pageHref, pageShell, type PageContext } from './layout.js';
import { word, type Both, type PageLanguage } from './words.js';

export const DEADLINES_PATH = `${DASHBOARD_PATH}/frister`;

const STATE_LOOK: Record<DeadlineState, { symbol: string; words: Both }> = {
  overdue: { symbol: '⚠', words: { da: 'overskredet', en: 'overdue' } },
  next: { symbol: '→', words: { da: 'kommende', en: 'ahead' } },
  // not ✔: that is "done" on the board, and a date passing says nothing of who did what
  past: { symbol: '•', words: { da: 'passeret', en: 'passed' } },
};

/** What a deadline's state is called in the page's language. */
export function deadlineStateName(state: DeadlineState, language: PageLanguage): string {
  return STATE_LOOK[state].words[language];
}

/**
 * The column of what is still open, as reported to klikbot (the KLIK extract says nothing of
 * which municipality stands where): for one municipality whether it reported the task done,
 * nationally how many have not.
 */
export function openText(line: DeadlineLine, language: PageLanguage): string {
  if (line.doneByMunicipality !== undefined) {
    if (language === 'da') return line.doneByMunicipality ? 'meldt fuldført' : 'ikke meldt fuldført';
    return line.doneByMunicipality ? 'reported done' : 'not reported done';
  }
  if (line.open === undefined) return '';
  return language === 'da'
    ? `${line.open} af ${line.municipalities ?? line.open} kommuner`
    : `${line.open} of ${line.municipalities ?? line.open} municipalities`;
}

function rowOf(line: DeadlineLine, language: PageLanguage): Html {
  const look = STATE_LOOK[line.state];
  const date = line.precision === 'day' ? dayText(line.date, language) : monthText(line.date, language);
  const days = line.days === undefined ? '' : daysText(line.days, language);
  return html`<tr data-state="${line.state}">
    <td><span aria-hidden="true">${look.symbol}</span> ${look.words[language]}</td>
    <td>${date}</td>
    <td>${days}</td>
    <th scope="row">${line.title}</th>
    <td>${openText(line, language)}</td>
  </tr>`;
}

function municipalityChooser(
  municipalities: readonly { id: string; name: string }[],
  chosen: string | undefined,
  language: PageLanguage,
): Html {
  const label = language === 'da' ? 'Vis for kommune' : 'Show for municipality';
  const nationally = language === 'da' ? 'Hele landet' : 'All municipalities';
  const choices = municipalities.map(
    (municipality) =>
      html`<option value="${municipality.id}" ${municipality.id === chosen ? html` selected` : ''}>
        ${municipality.name}
      </option>`,
  );
  return html`<form class="filters" method="get" action="${DEADLINES_PATH}">
    ${language === 'en' ? html`<input type="hidden" name="lang" value="en" />` : ''}
    <label
      >${label}
      <select name="kommune">
        <option value="">${nationally}</option>
        ${choices}
      </select></label
    >
    <button type="submit">${word('show', language)}</button>
  </form>`;
}

/**
 * The deadlines on one timeline, by date: overdue, ahead or passed, with the days left and
 * how many municipalities have not reported the task done (or, for one municipality, whether it has).
 */
export function deadlinesPage(
  lines: readonly DeadlineLine[],
  chooser: { municipalities: readonly { id: string; name: string }[]; chosen?: string } | undefined,
  context: PageContext,
): string {
  const { language } = context;
  const query = { kommune: chooser?.chosen };
  const headers =
    language === 'da'
      ? ['Tilstand', 'Dato', 'Dage', 'Hvad', 'Ikke meldt fuldført til klikbot']
      : ['State', 'Date', 'Days', 'What', 'Not reported done to klikbot'];
  const caption = language === 'da' ? 'Frister og datoer efter dato' : 'Deadlines and dates by date';
  const main = html`${chooser ? municipalityChooser(chooser.municipalities, chooser.chosen, language) : ''}
    <p class="tools">
      <a href="${pageHref(DEADLINES_PATH, language, { ...query, format: 'csv' })}" download>${word('csv', language)}</a>
    </p>
    ${scrollingTable({ caption, headers, rows: lines.map((line) => rowOf(line, language)), className: 'deadlines' })}`;
  return pageShell(
    context,
    { key: 'deadlines', title: word('deadlines', language), path: DEADLINES_PATH, query },
    main,
  );
}
