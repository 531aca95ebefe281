import { z } from 'zod';
import type { Reply, Turn } from '../src/core/types.js';
import { findMunicipality, type Municipality } from '../src/knowledge/systems-queries.js';
import type { Knowledge } from '../src/knowledge/registry.js';
import type { Actor } from '../src/state/statuses.js';
import type { ActionDialog, ActionServices } from './action-dialogs.js';
import { say, type DialogContext } from './context.js';
import { dialogButton } from './format-helpers.js';

// Long enough for any municipality name; a longer argument is not a name and is not echoed.
const NAME_MAX = 80;

/** The name of the dialog that opens the status form (buttons after joining name it). */
export const STATUS_FORM_DIALOG = 'status-form';

/** The key an administrator is configured by: `slack:U0ADMIN`, `teams:<Entra object id>`. */
export function administratorKey(turn: Turn): string {
  return `${turn.conversation.channel}:${turn.user.id}`;
}

/** Whether the person behind the turn may act for any municipality. */
export function isAdministrator(turn: Turn, services: ActionServices): boolean {
  return services.administrators.has(administratorKey(turn));
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

/** A municipality by id ("aarhus") or by any of its names ("Århus", "Aarhus Kommune"). */
export function resolveMunicipality(knowledge: Knowledge, text: string): Municipality | undefined {
  const trimmed = text.trim();
  return knowledge.municipalities.find((m) => m.id === trimmed.toLowerCase()) ?? findMunicipality(knowledge, trimmed);
}

function quoted(text: string): string {
  // echoed words must not turn into a link, emphasis or code in the reply's markdown
  const trimmed = text.replace(/[[\]()*_`<>~|]/g, '').trim();
  return `»${trimmed.length > NAME_MAX ? `${trimmed.slice(0, NAME_MAX)}…` : trimmed}«`;
}

/** "I know no municipality called »X«", naming what was not found. */
export function unknownMunicipalityReply(context: DialogContext, text: string): Reply[] {
  return [
    {
      text: say(
        context,
        `Jeg kender ingen kommune, der hedder ${quoted(text)}. Skriv kommunens navn, fx »Aarhus« eller »Aarhus Kommune«.`,
        `I know no municipality called ${quoted(text)}. Write the municipality's name, e.g. "Aarhus" or "Aarhus Kommune".`,
      ),
      notice: true,
    },
  ];
}

/** The refusal for someone who belongs to no municipality: how to join; nothing is written. */
export function joinFirstReply(context: DialogContext): Reply[] {
  return [
    {
      text: say(
        context,
        "Du hører ikke til en kommune endnu, så du kan ikke ændre status. Skriv 'kommune <navn>' (i Slack: /klik kommune <navn>). Intet er ændret.",
        "You don't belong to a municipality yet, so you can't change a status. Type 'kommune <name>' (in Slack: /klik kommune <name>). Nothing was changed.",
      ),
      notice: true,
    },
  ];
}

/** The municipality a person acts for, or the reply that says why they cannot. */
export type Target = { ok: true; municipality: Municipality } | { ok: false; replies: Reply[] };

function notYoursReply(context: DialogContext, own: string, named: string): Reply[] {
  return [
    {
      text: say(
        context,
        `Du hører til ${own} og kan kun ændre status for den; kun en administrator kan ændre status for ${named}. Intet er ændret.`,
        `You belong to ${own} and can only change its status; only an administrator can change the status of ${named}. Nothing was changed.`,
      ),
      notice: true,
    },
  ];
}

function ownMunicipality(context: DialogContext, services: ActionServices): Target {
  const { turn } = context;
  const membership = services.memberships.get(turn.conversation.channel, turn.user.id);
  if (!membership) {
    if (!isAdministrator(turn, services)) return { ok: false, replies: joinFirstReply(context) };
    const text = say(context, 'Som administrator skal du nævne, hvilken kommune du ændrer status for.', 'As an administrator, name the municipality whose status you are changing.');
    return { ok: false, replies: [{ text, notice: true }] };
  }
  const municipality = context.knowledge.municipalities.find((m) => m.id === membership.municipalityId);
  if (municipality) return { ok: true, municipality };
  // The data was replaced and no longer has the municipality the person joined.
  return { ok: false, replies: unknownMunicipalityReply(context, membership.municipalityId) };
}

/**
 * The municipality whose status the person may change: their own, or the one named when they
 * are a member of it or an administrator. Anyone else gets a refusal that says why.
 */
export function targetMunicipality(context: DialogContext, named: string | undefined, services: ActionServices): Target {
  if (named === undefined || named.trim() === '') return ownMunicipality(context, services);
  const municipality = resolveMunicipality(context.knowledge, named);
  if (!municipality) return { ok: false, replies: unknownMunicipalityReply(context, named) };
  if (isAdministrator(context.turn, services)) return { ok: true, municipality };
  const own = ownMunicipality(context, services);
  if (!own.ok) return own;
  if (own.municipality.id !== municipality.id) return { ok: false, replies: notYoursReply(context, own.municipality.name, municipality.name) };
  return own;
}

const argsSchema = z.object({ municipality: z.string().optional() });

function joinedText(context: DialogContext, municipality: Municipality, previousId: string | undefined): string {
  if (previousId === undefined) return say(context, `Du hører nu til ${municipality.name}.`, `You now belong to ${municipality.name}.`);
  if (previousId === municipality.id) return say(context, `Du hører allerede til ${municipality.name}.`, `You already belong to ${municipality.name}.`);
  // the data may have been replaced since the person joined: then the id is all there is
  const previous = context.knowledge.municipalities.find((m) => m.id === previousId)?.name ?? previousId;
  return say(context, `Du er skiftet fra ${previous} til ${municipality.name}.`, `You moved from ${previous} to ${municipality.name}.`);
}

/**
 * Links the person to a municipality (by name or id), one municipality each, and confirms it
 * back, saying which one they left if they moved.
 */
export const membershipSet: ActionDialog = async (context, args, services) => {
  const parsed = argsSchema.safeParse(args);
  const named = parsed.success ? (parsed.data.municipality ?? '') : '';
  if (named.trim() === '') {
    return [{ text: say(context, 'Hvilken kommune hører du til? Skriv fx "kommune Aarhus" (i Slack: /klik kommune Aarhus).', 'Which municipality do you belong to? Type e.g. "kommune Aarhus" (in Slack: /klik kommune Aarhus).'), notice: true }];
  }
  const municipality = resolveMunicipality(context.knowledge, named);
  if (!municipality) return unknownMunicipalityReply(context, named);
  const { turn } = context;
  const { previous } = await services.memberships.set(turn.conversation.channel, turn.user.id, municipality.id);
  return [
    {
      text: joinedText(context, municipality, previous),
      buttons: [dialogButton(say(context, 'Opdater status', 'Update a status'), STATUS_FORM_DIALOG)],
    },
  ];
};
