// The Teams tab: asks Teams for the person's single sign-on token, hands it to klikbot for a
// session, and opens the overview. Outside Teams, or if anything fails, the page says how to
// get a link from the chat instead.
'use strict';

/** How often the tab asks again while klikbot cannot check sign-ins (503), before it gives up. */
const TRIES = 3;

async function signIn(token) {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch('/dashboard/teams/session', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      credentials: 'same-origin',
    });
    if (response.ok) return;
    if (response.status !== 503 || attempt >= TRIES) throw new Error(`klikbot answered ${response.status}`);
    const wait = Math.min(30, Number(response.headers.get('retry-after')) || 5);
    await new Promise((resolve) => window.setTimeout(resolve, wait * 1000));
  }
}

async function openOverview() {
  const teams = window.microsoftTeams;
  await teams.app.initialize();
  const context = await teams.app.getContext();
  await signIn(await teams.authentication.getAuthToken());
  const english = String(context.app?.locale ?? '').startsWith('en');
  window.location.replace(english ? '/dashboard?lang=en' : '/dashboard');
}

openOverview().catch(() => {
  document.getElementById('teams-working')?.setAttribute('hidden', '');
  document.getElementById('teams-fallback')?.removeAttribute('hidden');
});
