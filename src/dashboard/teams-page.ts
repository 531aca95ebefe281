import { html } from './html.js';
import { DASHBOARD_PATH } from './layout.js';
import type { PageLanguage } from './words.js';

/** The path of the page the Teams app's tab opens. */
export const TEAMS_TAB_PATH = `${DASHBOARD_PATH}/teams`;

/**
 * The page a Teams tab opens. With single sign-on set up, its script asks Teams who the person
 * is and comes back to the overview signed in; without it, or outside Teams, it says how to get
 * a link from the chat instead. It holds no data itself.
 */
export function teamsTabPage(language: PageLanguage, ssoReady: boolean): string {
  const fallback =
    language === 'da'
      ? 'Skriv »dashboard« til klikbot i en privat chat, så får du et personligt link til overblikket.'
      : 'Write "dashboard" to klikbot in a private chat to get a personal link to the overview.';
  const working = language === 'da' ? 'Henter dit overblik …' : 'Opening your overview …';
  const scripts = ssoReady
    ? html`<script src="${DASHBOARD_PATH}/assets/teams.min.js" defer></script>
        <script src="${DASHBOARD_PATH}/assets/teams-tab.js" defer></script>`
    : '';
  return html`<!doctype html>
    <html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>klikbot</title>
        <link rel="stylesheet" href="${DASHBOARD_PATH}/assets/dashboard.css" />
        ${scripts}
      </head>
      <body data-lang="${language}">
        <main id="main">
          <h1>klikbot</h1>
          ${ssoReady ? html`<p id="teams-working" role="status">${working}</p>` : ''}
          <p id="teams-fallback" ${ssoReady ? html` hidden` : ''}>${fallback}</p>
        </main>
      </body>
    </html> `.text;
}
