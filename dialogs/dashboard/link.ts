import type { Reply } from '../../src/core/types.js';
import { DASHBOARD_LINK_DAYS } from '../../src/state/dashboard-links.js';
import { actingFor, isAdministrator, isLocallyTrusted, isVerifiedMember } from '../membership/acting-for.js';
import { notice } from '../shared/replies.js';
import { say } from '../shared/say.js';
import type { ActionDialog, DashboardServices, DialogContext } from '../types.js';

function unavailable(context: DialogContext): Reply[] {
  return notice(
    say(
      context,
      'Overblikket i browseren er ikke sat op her: klikbots administrator skal angive KLIKBOT_PUBLIC_URL, adressen klikbot nås på.',
      'The overview in the browser is not set up here: klikbot’s administrator must set KLIKBOT_PUBLIC_URL, the address klikbot is reached at.',
    ),
  );
}

function linkReply(context: DialogContext, url: string, what: string): Reply[] {
  const text = say(
    context,
    `Her er dit link til overblikket (${what}): [Åbn overblikket](${url})\n\nLinket er personligt og virker i ${DASHBOARD_LINK_DAYS} dage. Del det ikke. Skriv »dashboard luk« for at lukke det.`,
    `Here is your link to the overview (${what}): [Open the overview](${url})\n\nThe link is personal and works for ${DASHBOARD_LINK_DAYS} days. Do not share it. Write "dashboard luk" to close it.`,
  );
  return [{ text }];
}

/** Who the link is for and what it opens: an administrator the nation, a verified member their municipality. */
function scopeFor(context: DialogContext, services: Parameters<ActionDialog>[2]) {
  if (isAdministrator(context.turn, services)) return { scope: 'national' as const };
  const membership = services.memberships.get(context.turn.conversation.channel, context.turn.user.id);
  if (membership && isVerifiedMember(services, membership))
    return { scope: 'municipality' as const, municipalityId: membership.municipalityId };
  return undefined;
}

function thisMachine(context: DialogContext, address: string): Reply[] {
  return [
    {
      text: say(
        context,
        `Overblikket er åbent her på maskinen: [Åbn overblikket](${address}/dashboard)`,
        `The overview is open on this machine: [Open the overview](${address}/dashboard)`,
      ),
    },
  ];
}

/**
 * `dashboard`: a personal link to the overview in the browser. An administrator's shows the
 * whole country; a verified member's their own municipality and the national figures. Only in
 * a private chat: a link posted in a channel would open it to everyone there.
 */
export const dashboardLink: ActionDialog = async (context, _args, services) => {
  const dashboard: DashboardServices | undefined = services.dashboard;
  if (!dashboard) return unavailable(context);
  // the person at this machine (the web chat, the Emulator) opens it here; a Slack user is elsewhere
  const here = dashboard.thisMachine();
  if (here !== undefined && isLocallyTrusted(context, services)) return thisMachine(context, here);
  const address = dashboard.publicAddress;
  if (address === undefined) return unavailable(context);
  if (context.turn.conversation.isGroup)
    return notice(
      say(
        context,
        'Linket til overblikket er personligt: skriv »dashboard« til mig i en privat chat, så sender jeg det dér.',
        'The link to the overview is personal: write "dashboard" to me in a private chat and I will send it there.',
      ),
    );
  const scope = scopeFor(context, services);
  if (!scope) {
    const pending = actingFor(context.turn, services) !== undefined;
    return notice(
      say(
        context,
        pending
          ? 'Overblikket kræver, at dit medlemskab af kommunen er bekræftet. Når det er, så skriv »dashboard« igen.'
          : 'Overblikket er for kommunernes bekræftede medlemmer og KOMBITs administratorer. Skriv »kommune <navn>« for at melde dig ind i din kommune.',
        pending
          ? 'The overview needs your membership of the municipality to be verified. Once it is, write "dashboard" again.'
          : 'The overview is for the municipalities’ verified members and KOMBIT’s administrators. Write "kommune <name>" to join your municipality.',
      ),
    );
  }
  const person = {
    channel: context.turn.conversation.channel,
    userId: context.turn.user.id,
    ...(context.turn.user.name !== undefined ? { name: context.turn.user.name } : {}),
  };
  const { secret } = await dashboard.links.issue(person, scope);
  const name =
    scope.scope === 'national'
      ? say(context, 'hele landet', 'the whole country')
      : (context.knowledge.municipalities.find((m) => m.id === scope.municipalityId)?.name ?? scope.municipalityId);
  const language = context.language === 'en' ? '&lang=en' : '';
  return linkReply(context, `${address}/dashboard?k=${secret}${language}`, name);
};

/**
 * `dashboard luk`: closes one's own links; `dashboard luk alle` (an administrator) closes every
 * link; {explain}: a question about closing them is told how, and nothing is closed.
 */
export const dashboardRevoke: ActionDialog = async (context, args, services) => {
  const dashboard = services.dashboard;
  if (!dashboard) return unavailable(context);
  if (args.explain === 'true')
    return [
      {
        text: say(
          context,
          'Skriv »dashboard luk« for at lukke de links, du har fået. En administrator lukker alle links med »dashboard luk alle«.',
          'Write "dashboard luk" to close the links you were given. An administrator closes every link with "dashboard luk alle".',
        ),
      },
    ];
  const person = { channel: context.turn.conversation.channel, userId: context.turn.user.id };
  const all = args.all === 'true';
  if (all && !isAdministrator(context.turn, services))
    return notice(
      say(context, 'Kun administratorer kan lukke alle links.', 'Only administrators can close every link.'),
    );
  const count = await dashboard.links.revoke(person, all ? undefined : person);
  const da =
    count === 0
      ? 'Der var ingen åbne links at lukke.'
      : `Lukket: ${count} ${count === 1 ? 'link' : 'links'} til overblikket virker ikke længere.`;
  const en =
    count === 0
      ? 'There were no open links to close.'
      : `Closed: ${count} ${count === 1 ? 'link' : 'links'} to the overview no longer work.`;
  return [{ text: say(context, da, en) }];
};
