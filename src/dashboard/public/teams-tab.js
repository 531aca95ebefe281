// The Teams tab: asks Teams for the person's single sign-on token, hands it to klikbot for a
// session, and opens the overview. Outside Teams, or if anything fails, the page says how to
// get a link from the chat instead.
'use strict';

async function openOverview() {
  const teams = window.microsoftTeams;
  await teams.app.initialize();
  const context = await teams.app.getContext();
  const token = await teams.authentication.getAuthToken();
  const response = await fetch('/dashboard/teams/session', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`klikbot answered ${response.status}`);
  const english = String(context.app?.locale ?? '').startsWith('en');
  window.location.replace(english ? '/dashboard?lang=en' : '/dashboard');
}

openOverview().catch(() => {
  document.getElementById('teams-working')?.setAttribute('hidden', '');
  document.getElementById('teams-fallback')?.removeAttribute('hidden');
});
