import { z } from 'zod';
import type { Municipality } from '../src/knowledge/systems-queries.js';
import { municipalityNameOf, resolveMunicipality, STATUS_FORM_DIALOG, unknownMunicipalityReply } from './acting-for.js';
import type { ActionDialog } from './action-dialogs.js';
import { say, type DialogContext } from './context.js';
import { linkFromStatement } from './conversation-link.js';
import { dialogButton } from './format-helpers.js';

// Who acts for which municipality lives in acting-for.ts; the status dialogs import it from here.
export {
  actingFor,
  actorOf,
  administratorKey,
  isAdministrator,
  joinFirstReply,
  resolveMunicipality,
  STATUS_FORM_DIALOG,
  targetMunicipality,
  unknownMunicipalityReply,
  type Target,
} from './acting-for.js';

const argsSchema = z.object({
  municipality: z.string().optional(),
  /** 'conversation' when the person spoke for the group ("vi er Aarhus Kommune"): a shared conversation is linked too. */
  scope: z.string().optional(),
});

function joinedText(context: DialogContext, municipality: Municipality, previousId: string | undefined): string {
  if (previousId === undefined) return say(context, `Du hører nu til ${municipality.name}.`, `You now belong to ${municipality.name}.`);
  if (previousId === municipality.id) return say(context, `Du hører allerede til ${municipality.name}.`, `You already belong to ${municipality.name}.`);
  const previous = municipalityNameOf(context.knowledge, previousId);
  return say(context, `Du er skiftet fra ${previous} til ${municipality.name}.`, `You moved from ${previous} to ${municipality.name}.`);
}

/**
 * Links the person to a municipality (by name or id), one municipality each, and confirms it
 * back, saying which one they left if they moved. Said for the group ("vi er …") in a shared
 * conversation, the conversation is linked too when nobody has linked it yet.
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
  const forTheGroup = parsed.success && parsed.data.scope === 'conversation';
  const channelLine = forTheGroup ? await linkFromStatement(context, municipality, services) : undefined;
  return [
    {
      text: [joinedText(context, municipality, previous), channelLine].filter((line) => line !== undefined).join(' '),
      buttons: [dialogButton(say(context, 'Opdater status', 'Update a status'), STATUS_FORM_DIALOG)],
    },
  ];
};
