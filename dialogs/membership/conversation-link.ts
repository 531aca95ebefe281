import { addressOf } from '../../src/core/address.js';
import { z } from 'zod';
import type { Reply } from '../../src/core/types.js';
import type { Municipality } from '../../src/knowledge/systems-queries.js';
import type { ConversationLink, DeepReadonly } from '../../src/state/schema.js';
import {
  actorOf,
  isAdministrator,
  isLocallyTrusted,
  isVerifiedMember,
  municipalityNameOf,
  resolveMunicipality,
  unknownMunicipalityReply,
} from './acting-for.js';
import type { DialogContext, ActionDialog, ActionServices } from '../types.js';
import { STATUS_DIALOGS } from '../names.js';
import { say } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { notice } from '../shared/replies.js';

const argsSchema = z.object({ municipality: z.string().optional() });

// "kanal ingen", "kanal fjern": the conversation is to belong to no municipality
const removeWords = /^(ingen|fjern|none|remove)$/i;

function byWhom(context: DialogContext, da: string, en: string): string {
  const name = context.turn.user.name;
  return name ? say(context, ` (${da} ${name})`, ` (${en} ${name})`) : '';
}

function personalChatReply(context: DialogContext): Reply[] {
  return notice(
    say(
      context,
      "Her skriver du med mig alene, så der er ingen kanal at knytte til en kommune. Skriv 'kommune <navn>' for selv at høre til en kommune, eller 'kanal <navn>' i den kanal, der skal høre til kommunen.",
      "This is a chat between you and me, so there is no channel to link to a municipality. Type 'kommune <name>' to belong to a municipality yourself, or 'kanal <name>' in the channel that should belong to it.",
    ),
  );
}

/**
 * Who may set or remove a conversation's link, and why; undefined when the person may.
 * The link lets everyone in the conversation change the municipality's statuses, so it is for
 * the municipality's verified members to hand out:
 * - an administrator may always;
 * - a verified member may link it to their own municipality, and remove a link to it;
 * - whoever set a link may remove it (that takes rights away, never gives them);
 * - anyone else (no membership, a claim still waiting, another municipality's member) is told why.
 * In local mode the one person on the machine is trusted, as their claims are.
 */
function refusal(
  context: DialogContext,
  services: ActionServices,
  to: Municipality | undefined,
  existing: DeepReadonly<ConversationLink> | undefined,
): Reply[] | undefined {
  const { turn } = context;
  if (isAdministrator(turn, services) || isLocallyTrusted(context, services)) return undefined;
  const own = services.memberships.get(turn.conversation.channel, turn.user.id);
  const verified = isVerifiedMember(services, own);
  const setIt =
    existing !== undefined && existing.by.channel === turn.conversation.channel && existing.by.userId === turn.user.id;
  const ownName = own ? municipalityNameOf(context.knowledge, own.municipalityId) : '';
  const linkedName = existing ? municipalityNameOf(context.knowledge, existing.municipalityId) : '';
  if (to) {
    if (own && own.municipalityId === to.id && verified) return undefined;
    if (own && own.municipalityId === to.id)
      return notice(
        say(
          context,
          `Din tilknytning til ${ownName} venter på godkendelse; først derefter kan du knytte kanalen til den. Intet er ændret.`,
          `Your claim to belong to ${ownName} awaits approval; only then can you link the channel to it. Nothing was changed.`,
        ),
      );
    if (own)
      return notice(
        say(
          context,
          `Du hører til ${ownName} og kan kun knytte kanalen til den; kun en administrator kan knytte den til ${to.name}. Intet er ændret.`,
          `You belong to ${ownName} and can only link the channel to it; only an administrator can link it to ${to.name}. Nothing was changed.`,
        ),
      );
    return notice(
      say(
        context,
        `Kun et bekræftet medlem af ${to.name} eller en administrator kan knytte kanalen til den. Skriv 'kommune ${to.name}' for selv at høre til kommunen. Intet er ændret.`,
        `Only a verified member of ${to.name} or an administrator can link the channel to it. Type 'kommune ${to.name}' to belong to the municipality yourself. Nothing was changed.`,
      ),
    );
  }
  if (setIt || (existing !== undefined && verified && own?.municipalityId === existing.municipalityId))
    return undefined;
  return notice(
    say(
      context,
      `Kun en administrator, den der knyttede kanalen, eller et bekræftet medlem af ${linkedName} kan fjerne koblingen. Intet er ændret.`,
      `Only an administrator, the person who linked the channel, or a verified member of ${linkedName} can remove the link. Nothing was changed.`,
    ),
  );
}

function linkedReply(context: DialogContext, municipality: Municipality, previousId: string | undefined): Reply {
  const moved = previousId !== undefined ? municipalityNameOf(context.knowledge, previousId) : undefined;
  const who = byWhom(context, 'sat af', 'set by');
  const now = moved
    ? say(
        context,
        `Denne kanal hører nu til ${municipality.name} i stedet for ${moved}${who}.`,
        `This channel now belongs to ${municipality.name} instead of ${moved}${who}.`,
      )
    : say(
        context,
        `Denne kanal hører nu til ${municipality.name}${who}.`,
        `This channel now belongs to ${municipality.name}${who}.`,
      );
  const everyone = say(
    context,
    `Alle her kan melde status for ${municipality.name}; den, der selv hører til en anden kommune, melder fortsat for sin egen.`,
    `Everyone here can report status for ${municipality.name}; anyone who belongs to another municipality themselves still reports for their own.`,
  );
  // not a notice: everyone in the conversation should see whom it now speaks for
  return {
    text: `${now} ${everyone}`,
    buttons: [dialogButton(say(context, 'Opdater status', 'Update a status'), STATUS_DIALOGS.form)],
    broadcast: true,
  };
}

async function link(context: DialogContext, municipality: Municipality, services: ActionServices): Promise<Reply[]> {
  const here = addressOf(context.turn);
  const existing = services.memberships.conversationLink(here.channel, here.conversationId);
  if (existing?.municipalityId === municipality.id && existing.verified)
    return notice(
      say(
        context,
        `Denne kanal hører allerede til ${municipality.name}.`,
        `This channel already belongs to ${municipality.name}.`,
      ),
    );
  const refused = refusal(context, services, municipality, existing);
  if (refused) return refused;
  const { previous } = await services.memberships.linkConversation(
    here.channel,
    here.conversationId,
    municipality.id,
    actorOf(context.turn),
  );
  return [linkedReply(context, municipality, previous === municipality.id ? undefined : previous)];
}

async function unlink(context: DialogContext, services: ActionServices): Promise<Reply[]> {
  const here = addressOf(context.turn);
  const existing = services.memberships.conversationLink(here.channel, here.conversationId);
  if (!existing)
    return notice(
      say(context, 'Denne kanal er ikke knyttet til en kommune.', 'This channel is not linked to a municipality.'),
    );
  const refused = refusal(context, services, undefined, existing);
  if (refused) return refused;
  await services.memberships.unlinkConversation(here.channel, here.conversationId);
  const name = municipalityNameOf(context.knowledge, existing.municipalityId);
  const who = byWhom(context, 'fjernet af', 'removed by');
  return [
    {
      text: say(
        context,
        `Denne kanal hører ikke længere til ${name}${who}. Her melder hver især nu for sin egen kommune.`,
        `This channel no longer belongs to ${name}${who}. Here everyone now reports for their own municipality.`,
      ),
      broadcast: true,
    },
  ];
}

/**
 * Links the conversation (a Teams channel, a Slack channel, a group chat) to a municipality,
 * so everyone in it can act for it, and says so to all in it; "ingen" or "fjern" removes the
 * link. In a chat with klikbot alone there is no conversation to link: it says how to join.
 */
export const conversationLink: ActionDialog = async (context, args, services) => {
  if (!context.turn.conversation.isGroup) return personalChatReply(context);
  const parsed = argsSchema.safeParse(args);
  const named = parsed.success ? (parsed.data.municipality ?? '').trim() : '';
  if (named === '') {
    return notice(
      say(
        context,
        'Hvilken kommune hører denne kanal til? Skriv fx "kanal Aarhus" (i Slack: /klik kanal Aarhus); "kanal ingen" fjerner koblingen.',
        'Which municipality does this channel belong to? Type e.g. "kanal Aarhus" (in Slack: /klik kanal Aarhus); "kanal ingen" removes the link.',
      ),
    );
  }
  if (removeWords.test(named)) return unlink(context, services);
  const municipality = resolveMunicipality(context.knowledge, named);
  if (!municipality) return unknownMunicipalityReply(context, named);
  return link(context, municipality, services);
};

/**
 * After "vi er Aarhus Kommune" in a shared conversation: links the conversation too, when it
 * belongs to no municipality yet, and says so. A sentence about who "we" are never moves a
 * conversation someone linked to another municipality (that takes 'kanal <navn>', whose reply
 * everyone sees); it says where the conversation stays instead. Undefined in a personal chat.
 */
export async function linkFromStatement(
  context: DialogContext,
  municipality: Municipality,
  services: ActionServices,
): Promise<string | undefined> {
  if (!context.turn.conversation.isGroup) return undefined;
  const here = addressOf(context.turn);
  const existing = services.memberships.conversationLink(here.channel, here.conversationId);
  if (existing?.municipalityId === municipality.id && existing.verified)
    return say(
      context,
      `Denne kanal hører også til ${municipality.name}.`,
      `This channel belongs to ${municipality.name} too.`,
    );
  if (existing && existing.municipalityId !== municipality.id) {
    const stays = municipalityNameOf(context.knowledge, existing.municipalityId);
    return say(
      context,
      `Denne kanal hører fortsat til ${stays}; skriv 'kanal ${municipality.name}' for at flytte den.`,
      `This channel still belongs to ${stays}; type 'kanal ${municipality.name}' to move it.`,
    );
  }
  // a verified member has just joined the municipality themselves, which is what linking to it asks
  await services.memberships.linkConversation(
    here.channel,
    here.conversationId,
    municipality.id,
    actorOf(context.turn),
  );
  return say(
    context,
    `Denne kanal hører nu også til ${municipality.name}: alle her kan melde status for den.`,
    `This channel now belongs to ${municipality.name} too: everyone here can report status for it.`,
  );
}
