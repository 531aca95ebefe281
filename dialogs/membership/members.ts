import { z } from 'zod';
import { formatDate } from '../../src/core/format.js';
import type { DeepReadonly, Membership } from '../../src/state/memberships.js';
import {
  actingFor,
  isAdministrator,
  isVerifiedMember,
  municipalityNameOf,
  resolveMunicipality,
  unknownMunicipalityReply,
} from './acting-for.js';
import type { DialogContext, ActionDialog, ActionServices } from '../types.js';
import { inert } from '../shared/text.js';
import { personName } from './approval.js';
import { MEMBERSHIP_DIALOGS } from '../names.js';
import { say } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { notice } from '../shared/replies.js';

const listArgs = z.object({ municipality: z.string().max(80).optional() });
const endArgs = z.object({
  channel: z.string().min(1).max(20).optional(),
  userId: z.string().min(1).max(200).optional(),
});

/** How a membership was verified, in words: "godkendt af Mette", "medlemslisten", "venter på godkendelse". */
function basisText(context: DialogContext, member: DeepReadonly<Membership>): string {
  if (member.state === 'pending') return say(context, 'venter på godkendelse', 'awaiting approval');
  const by = member.verifiedBy?.name
    ? inert(member.verifiedBy.name)
    : member.verifiedBy
      ? `${member.verifiedBy.channel}:${member.verifiedBy.userId}`
      : '';
  const words: Record<string, [string, string]> = {
    approval: [`godkendt af ${by}`, `approved by ${by}`],
    roster: ['medlemslisten', 'the roster'],
    local: ['lokal tilstand', 'local mode'],
    administrator: ['administrator', 'administrator'],
    'email-domain': [`mailadresse hos ${member.emailDomain ?? ''}`, `email address at ${member.emailDomain ?? ''}`],
  };
  const [da, en] = words[member.basis ?? ''] ?? ['bekræftet', 'verified'];
  return say(context, da, en);
}

function memberLine(context: DialogContext, member: DeepReadonly<Membership>): string {
  const since = formatDate(member.since.slice(0, 10), context.language);
  return `${personName(member)} (${member.channel}): ${basisText(context, member)}, ${say(context, 'siden', 'since')} ${since}`;
}

/** Who may see a municipality's members: administrators, and its own verified members. */
function maySee(context: DialogContext, services: ActionServices, municipalityId: string): boolean {
  if (isAdministrator(context.turn, services)) return true;
  const own = services.memberships.get(context.turn.conversation.channel, context.turn.user.id);
  return isVerifiedMember(services, own) && own?.municipalityId === municipalityId;
}

/**
 * "medlemmer [kommune]": the municipality's members and waiting claims, each with how it was
 * verified; waiting claims carry approve and decline, members (for administrators) an end
 * button. For administrators and the municipality's own verified members only.
 */
export const members: ActionDialog = async (context, args, services) => {
  const parsed = listArgs.safeParse(args);
  const named = parsed.success ? parsed.data.municipality : undefined;
  const municipalityId = named
    ? resolveMunicipality(context.knowledge, named)?.id
    : actingFor(context.turn, services)?.municipalityId;
  if (named && !municipalityId) return unknownMunicipalityReply(context, named);
  if (!municipalityId)
    return notice(
      say(
        context,
        "Hvilken kommune? Skriv fx 'medlemmer Aarhus'.",
        "Which municipality? Type e.g. 'medlemmer Aarhus'.",
      ),
    );
  const name = municipalityNameOf(context.knowledge, municipalityId);
  if (!maySee(context, services, municipalityId)) {
    return notice(
      say(
        context,
        `Kun administratorer og bekræftede medlemmer af ${name} kan se kommunens medlemmer.`,
        `Only administrators and verified members of ${name} can see its members.`,
      ),
    );
  }
  const everyone = services.memberships.members(municipalityId);
  if (everyone.length === 0)
    return notice(
      say(context, `${name} har ingen medlemmer i klikbot endnu.`, `${name} has no members in klikbot yet.`),
    );
  const admin = isAdministrator(context.turn, services);
  const buttons = everyone.flatMap((member) => {
    const args = {
      channel: member.channel,
      userId: member.userId,
      municipality: member.municipalityId,
      since: member.since,
    };
    const who = personName(member);
    if (member.state === 'pending') {
      return [
        dialogButton(say(context, `Godkend ${who}`, `Approve ${who}`), MEMBERSHIP_DIALOGS.approve, args),
        dialogButton(say(context, `Afvis ${who}`, `Decline ${who}`), MEMBERSHIP_DIALOGS.decline, args),
      ];
    }
    return admin
      ? [
          dialogButton(say(context, `Afslut ${who}`, `End ${who}`), MEMBERSHIP_DIALOGS.end, {
            channel: member.channel,
            userId: member.userId,
          }),
        ]
      : [];
  });
  return [
    {
      heading: say(context, `Medlemmer af ${name}`, `Members of ${name}`),
      text: say(
        context,
        `${everyone.length} i alt; kun du ser denne liste.`,
        `${everyone.length} in all; only you see this list.`,
      ),
      list: everyone.map((member) => memberLine(context, member)),
      buttons,
      private: {
        note: say(context, 'Medlemslisten er sendt til dig privat.', 'The member list was sent to you privately.'),
      },
    },
  ];
};

/**
 * Ends a membership: the person's own ("forlad kommune"), or, for an administrator, anyone's
 * (the end button on the member list). Statuses reported stay, with their history.
 */
export const membershipEnd: ActionDialog = async (context, args, services) => {
  const parsed = endArgs.safeParse(args);
  const { turn } = context;
  const named =
    parsed.success && parsed.data.channel && parsed.data.userId
      ? { channel: parsed.data.channel, userId: parsed.data.userId }
      : undefined;
  const self = { channel: turn.conversation.channel, userId: turn.user.id };
  const person = named ?? self;
  const own = person.channel === self.channel && person.userId === self.userId;
  if (!own && !isAdministrator(turn, services))
    return notice(
      say(
        context,
        'Kun en administrator kan afslutte andres medlemskab. Intet er ændret.',
        "Only an administrator can end someone else's membership. Nothing was changed.",
      ),
    );
  // an administrator's end sticks: the roster no longer vouches for the person
  const ended = await services.memberships.end(person, { revokeRoster: !own });
  if (!ended)
    return notice(
      own
        ? say(context, 'Du hører ikke til nogen kommune.', 'You belong to no municipality.')
        : say(context, 'Det medlemskab findes ikke længere.', 'That membership no longer exists.'),
    );
  const name = municipalityNameOf(context.knowledge, ended.municipalityId);
  const text = own
    ? say(
        context,
        `Du hører ikke længere til ${name}. Den status, du har meldt, bliver stående med sin historik.`,
        `You no longer belong to ${name}. The statuses you reported stay, with their history.`,
      )
    : say(
        context,
        `${personName(ended)} hører ikke længere til ${name}.`,
        `${personName(ended)} no longer belongs to ${name}.`,
      );
  return notice(text);
};
