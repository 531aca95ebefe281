import { addressOf } from '../../src/core/address.js';
import type { Reply, Turn } from '../../src/core/types.js';
import { findMunicipality, type Municipality } from '../../src/knowledge/systems-queries.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import type { ActingFor } from '../../src/state/memberships.js';
import type { Actor } from '../../src/state/statuses.js';
import type { DialogContext, ActionServices } from '../types.js';
import { say } from '../shared/say.js';
import { notice, refused } from '../shared/replies.js';

// Long enough for any municipality name; a longer argument is not a name and is not echoed.
const NAME_MAX = 80;

/** The key an administrator is configured by: `slack:U0ADMIN`, `teams:<Entra object id>`. */
export function administratorKey(turn: Turn): string {
  return `${turn.conversation.channel}:${turn.user.id}`;
}

/** Whether the person behind the turn may act for any municipality. */
export function isAdministrator(turn: Turn, services: ActionServices): boolean {
  return services.administrators.has(administratorKey(turn));
}

/**
 * Local mode (the web chat, the Emulator): the one person on this machine is trusted, so what
 * they claim is verified. Local mode checks no Bot Framework token, so whatever comes in on
 * /api/messages (the web chat, the Emulator, a Teams activity posted by hand) is that person;
 * a Slack request is signed by Slack and is never the local person.
 */
export function isLocallyTrusted(context: DialogContext, services: ActionServices): boolean {
  return services.localTrusted === true && ['web', 'emulator', 'teams'].includes(context.turn.conversation.channel);
}

/** Whether a membership counts as verified here: a `local` one only while this klikbot runs in local mode. */
export function isVerifiedMember(
  services: ActionServices,
  membership: { state: string; basis?: string | undefined } | undefined,
): boolean {
  return membership?.state === 'verified' && (membership.basis !== 'local' || services.localTrusted === true);
}

/** The person behind the turn, as a status update records them. */
export function actorOf(turn: Turn): Actor {
  return {
    channel: turn.conversation.channel,
    userId: turn.user.id,
    ...(turn.user.name !== undefined ? { name: turn.user.name } : {}),
    conversationId: turn.conversation.id,
  };
}

/**
 * The municipality the person behind the turn acts for here: their own membership, else the
 * link of the conversation they write in.
 */
export function actingFor(turn: Turn, services: ActionServices): ActingFor | undefined {
  return services.memberships.municipalityOf(
    { channel: turn.conversation.channel, userId: turn.user.id },
    addressOf(turn),
  );
}

/** A municipality by id ("aarhus") or by any of its names ("Århus", "Aarhus Kommune"). */
export function resolveMunicipality(knowledge: Knowledge, text: string): Municipality | undefined {
  const trimmed = text.trim();
  return knowledge.municipalities.find((m) => m.id === trimmed.toLowerCase()) ?? findMunicipality(knowledge, trimmed);
}

/** The municipality's name, or its id when the data no longer has it (it was replaced since). */
export function municipalityNameOf(knowledge: Knowledge, id: string): string {
  return knowledge.municipalities.find((m) => m.id === id)?.name ?? id;
}

function quoted(text: string): string {
  // echoed words must not turn into a link, emphasis or code in the reply's markdown
  const trimmed = text.replace(/[[\]()*_`<>~|]/g, '').trim();
  return `»${trimmed.length > NAME_MAX ? `${trimmed.slice(0, NAME_MAX)}…` : trimmed}«`;
}

/** "I know no municipality called »X«", naming what was not found. */
export function unknownMunicipalityReply(context: DialogContext, text: string): Reply[] {
  return notice(
    say(
      context,
      `Jeg kender ingen kommune, der hedder ${quoted(text)}. Skriv kommunens navn, fx »Aarhus« eller »Aarhus Kommune«.`,
      `I know no municipality called ${quoted(text)}. Write the municipality's name, e.g. "Aarhus" or "Aarhus Kommune".`,
    ),
  );
}

/** The refusal for someone who belongs to no municipality: how to join; nothing is written. */
export function joinFirstReply(context: DialogContext): Reply[] {
  return notice(
    say(
      context,
      "Du hører ikke til en kommune endnu, så du kan ikke ændre status. Skriv 'kommune <navn>' (i Slack: /klik kommune <navn>). Intet er ændret.",
      "You don't belong to a municipality yet, so you can't change a status. Type 'kommune <name>' (in Slack: /klik kommune <name>). Nothing was changed.",
    ),
  );
}

/**
 * The municipality a person acts for, or the reply that says why they cannot. `basis` says
 * how their right to act was established, for the status history.
 */
export type Target =
  { ok: true; municipality: Municipality; via?: ActingFor['via']; basis?: string } | { ok: false; replies: Reply[] };

/** The refusal for someone whose claim waits, or in a channel linked before links were verified; nothing is written. */
function unverifiedReply(context: DialogContext, municipality: string, via: ActingFor['via']): Reply[] {
  const text =
    via === 'person'
      ? say(
          context,
          `Din tilknytning til ${municipality} venter på godkendelse fra et bekræftet medlem af kommunen eller en administrator. Indtil da kan du læse alt, men ikke ændre status. Intet er ændret.`,
          `Your claim to belong to ${municipality} awaits approval by a verified member of the municipality or an administrator. Until then you can read everything but not change a status. Nothing was changed.`,
        )
      : say(
          context,
          `Denne kanal blev knyttet til ${municipality}, før tilknytninger blev bekræftet. Et bekræftet medlem af kommunen skal knytte den igen (kanal ${municipality}), før status kan ændres her. Intet er ændret.`,
          `This channel was linked to ${municipality} before links were verified. A verified member of the municipality must link it again (kanal ${municipality}) before a status can be changed here. Nothing was changed.`,
        );
  return notice(text);
}

function notYoursReply(context: DialogContext, own: string, named: string, via: ActingFor['via']): Reply[] {
  const text =
    via === 'person'
      ? say(
          context,
          `Du hører til ${own} og kan kun ændre status for den; kun en administrator kan ændre status for ${named}. Intet er ændret.`,
          `You belong to ${own} and can only change its status; only an administrator can change the status of ${named}. Nothing was changed.`,
        )
      : say(
          context,
          `Denne kanal hører til ${own}, så her kan du kun ændre status for den; kun en administrator kan ændre status for ${named}. Intet er ændret.`,
          `This channel belongs to ${own}, so here you can only change its status; only an administrator can change the status of ${named}. Nothing was changed.`,
        );
  return notice(text);
}

/** The municipality the person acts for here (their own, else the conversation's), or why there is none. */
export function ownMunicipality(context: DialogContext, services: ActionServices): Target {
  const { turn } = context;
  const acting = actingFor(turn, services);
  if (!acting) {
    if (!isAdministrator(turn, services)) return { ok: false, replies: joinFirstReply(context) };
    const text = say(
      context,
      'Som administrator skal du nævne, hvilken kommune du ændrer status for.',
      'As an administrator, name the municipality whose status you are changing.',
    );
    return refused(text);
  }
  const municipality = context.knowledge.municipalities.find((m) => m.id === acting.municipalityId);
  const verified = acting.verified && (acting.basis !== 'local' || services.localTrusted === true);
  if (municipality && !verified && !isAdministrator(turn, services) && !isLocallyTrusted(context, services))
    return { ok: false, replies: unverifiedReply(context, municipality.name, acting.via) };
  if (municipality)
    return { ok: true, municipality, via: acting.via, ...(acting.basis ? { basis: acting.basis } : {}) };
  // The data was replaced and no longer has the municipality the person or channel joined.
  return { ok: false, replies: unknownMunicipalityReply(context, acting.municipalityId) };
}

/**
 * The municipality whose status the person may change: the one they act for here, or the one
 * named when they act for it or are an administrator. Anyone else gets a refusal that says why.
 */
export function targetMunicipality(
  context: DialogContext,
  named: string | undefined,
  services: ActionServices,
): Target {
  if (named === undefined || named.trim() === '') return ownMunicipality(context, services);
  const municipality = resolveMunicipality(context.knowledge, named);
  if (!municipality) return { ok: false, replies: unknownMunicipalityReply(context, named) };
  if (isAdministrator(context.turn, services)) return { ok: true, municipality, basis: 'administrator' };
  const own = ownMunicipality(context, services);
  if (!own.ok) return own;
  if (own.municipality.id !== municipality.id)
    return {
      ok: false,
      replies: notYoursReply(context, own.municipality.name, municipality.name, own.via ?? 'person'),
    };
  return own;
}

/**
 * Whether the person may do what administrators do beside changing statuses (designate KOMBIT's
 * experts, send news, reload the data): an administrator, or the one trusted person of local
 * mode, so that it can be tried in the web chat.
 */
export function administers(context: DialogContext, services: ActionServices): boolean {
  return isAdministrator(context.turn, services) || isLocallyTrusted(context, services);
}
