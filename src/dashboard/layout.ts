import { html, jsonBlock, type Html } from './html.js';
import { word, type PageLanguage, type WORDS } from './words.js';
import type { Viewer } from './viewer.js';

/** Where the dashboard lives, and its pages' paths below it. */
export const DASHBOARD_PATH = '/dashboard';

/** The pages in the navigation, in its order. */
export const PAGES = [
  { key: 'board', path: DASHBOARD_PATH },
  { key: 'progress', path: `${DASHBOARD_PATH}/fremdrift` },
  { key: 'deadlines', path: `${DASHBOARD_PATH}/frister` },
  { key: 'meetings', path: `${DASHBOARD_PATH}/moeder` },
] as const satisfies readonly { key: keyof typeof WORDS; path: string }[];

/** Which page a request is for. */
export type PageKey = (typeof PAGES)[number]['key'] | 'municipality';

/** What every page is drawn with: its language, who looks, and the time "now" is. */
export interface PageContext {
  language: PageLanguage;
  viewer: Viewer;
  /** The municipality a member's link is for, to link its page from the navigation. */
  ownMunicipality?: { id: string; name: string };
}

/** A path with the page's language kept (`?lang=en`) and any other query parameters. */
export function pageHref(path: string, language: PageLanguage, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, value);
  if (language === 'en') params.set('lang', 'en');
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** The path of a municipality's page. */
export function municipalityPath(id: string): string {
  return `${DASHBOARD_PATH}/kommune/${encodeURIComponent(id)}`;
}

function navigation(context: PageContext, current: PageKey): Html {
  const { language } = context;
  const links = PAGES.map(
    (page) =>
      html`<li>
        <a href="${pageHref(page.path, language)}" ${page.key === current ? html` aria-current="page"` : ''}
          >${word(page.key, language)}</a
        >
      </li>`,
  );
  const own = context.ownMunicipality;
  const ownLink = own
    ? html`<li>
        <a
          href="${pageHref(municipalityPath(own.id), language)}"
          ${current === 'municipality' ? html` aria-current="page"` : ''}
          >${own.name}</a
        >
      </li>`
    : '';
  return html`<nav aria-label="${word('navigation', language)}">
    <ul>
      ${links}${ownLink}
    </ul>
  </nav>`;
}

/**
 * A whole page: the head with the styles and the script (deferred, so the table is read before
 * it runs and stands without it), the navigation, a switch to the other language, and the main part.
 */
export function pageShell(
  context: PageContext,
  page: {
    key: PageKey;
    title: string;
    path: string;
    query?: Record<string, string | undefined>;
    /** The page follows the changes after this position of the status log on the live stream. */
    liveSince?: number;
  },
  main: Html,
): string {
  const { language } = context;
  const other: PageLanguage = language === 'da' ? 'en' : 'da';
  const switchHref = pageHref(page.path, other, page.query);
  return html`<!doctype html>
    <html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.title} · ${word('title', language)}</title>
        <link rel="stylesheet" href="${DASHBOARD_PATH}/assets/dashboard.css" />
        <script src="${DASHBOARD_PATH}/assets/chart.umd.min.js" defer></script>
        <script src="${DASHBOARD_PATH}/assets/dashboard.js" defer></script>
      </head>
      <body
        data-lang="${language}"
        ${
          page.liveSince === undefined
            ? ''
            : html` data-live="${pageHref(`${DASHBOARD_PATH}/events`, language, { since: String(page.liveSince) })}"`
        }
      >
        <a class="skip" href="#main">${word('skip', language)}</a>
        <header>
          <p class="brand">klikbot</p>
          ${navigation(context, page.key)}
          <a class="language" href="${switchHref}" lang="${other}" hreflang="${other}">${word('english', language)}</a>
        </header>
        <main id="main" tabindex="-1">
          <h1>${page.title}</h1>
          ${main}
        </main>
      </body>
    </html> `.text;
}

/**
 * A chart: a canvas the page's script draws from the figures carried beside it (the same
 * figures stand in a table under it, for whoever cannot see the chart or runs no script).
 */
export function chartFigure(chart: { id: string; label: string; data: { kind: string } }): Html {
  return html`<figure class="chart">
      <canvas id="${chart.id}" role="img" aria-label="${chart.label}" data-chart="${chart.data.kind}"></canvas>
    </figure>
    <script type="application/json" id="${chart.id}-data">
      ${jsonBlock(chart.data)}
    </script>`;
}

/** The button that saves a chart as PNG: hidden until the script has drawn it. */
export function pngButton(chartId: string, language: PageLanguage): Html {
  return html`<button type="button" class="png" data-chart="${chartId}" hidden>${word('png', language)}</button>`;
}
