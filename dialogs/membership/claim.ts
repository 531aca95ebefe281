import { z } from 'zod';
import type { Municipality } from '../../src/knowledge/systems-queries.js';
import { addressOf } from '../../src/core/address.js';
import { domainOf } from '../../src/knowledge/municipality-domains.js';
import type { DeepReadonly, Membership } from '../../src/state/memberships.js';
import {
  isAdministrator,
  isLocallyTrusted,
  municipalityNameOf,
  resolveMunicipality,
  unknownMunicipalityReply,
} from './acting-for.js';
import { requestApproval } from './approval.js';
import type { DialogContext, ActionDialog } from '../types.js';
import { linkFromStatement } from './conversation-link.js';
import { STATUS_DIALOGS } from '../names.js';
import { say } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { notice } from '../shared/replies.js';

const argsSchema = z.object({
  municipality: z.string().optional(),
  /** 'conversation' when the person spoke for the group ("vi er Aarhus Kommune"): a shared conversation is linked too. */
  scope: z.string().optional(),
});

function movedFrom(context: DialogContext, municipality: Municipality, previousId: string | undefined): string {
  if (previousId === undefined || previousId === municipality.id) return '';
  const previous = municipalityNameOf(context.knowledge, previousId);
  return say(context, ` Du hører ikke længere til ${previous}.`, ` You no longer belong to ${previous}.`);
}

/** How the claim was verified, said in the answer; local mode says it trusts this machine's one person. */
function verifiedText(
  context: DialogContext,
  municipality: Municipality,
  membership: DeepReadonly<Membership>,
  previous: DeepReadonly<Membership> | undefined,
): string {
  if (previous?.municipalityId === municipality.id && previous.state === 'verified')
    return say(context, `Du hører allerede til ${municipality.name}.`, `You already belong to ${municipality.name}.`);
  const how: Record<string, [string, string]> = {
    local: [
      '(lokal tilstand: denne maskines ene person er betroet, så tilknytningen er bekræftet)',
      '(local mode: the one person on this machine is trusted, so the claim is verified)',
    ],
    roster: ['(bekræftet af medlemslisten)', '(verified by the roster)'],
    administrator: ['(du er administrator)', '(you are an administrator)'],
    'email-domain': [
      `(bekræftet af din mailadresse hos ${membership.emailDomain ?? ''})`,
      `(verified by your email address at ${membership.emailDomain ?? ''})`,
    ],
  };
  const [da, en] = how[membership.basis ?? ''] ?? ['', ''];
  return say(
    context,
    `Du hører nu til ${municipality.name} ${da}.`,
    `You now belong to ${municipality.name} ${en}.`,
  ).replace(' .', '.');
}

function pendingText(context: DialogContext, municipality: Municipality, reached: number, canReach: boolean): string {
  const asked =
    reached > 0
      ? say(
          context,
          `Jeg har bedt ${reached === 1 ? 'en, der kan godkende' : `${reached}, der kan godkende`}, om at tage stilling; du får besked her.`,
          `I have asked ${reached === 1 ? 'one approver' : `${reached} approvers`} to decide; you will hear here.`,
        )
      : canReach
        ? say(
            context,
            `Ingen, der kan godkende, kan nås i en chat med mig lige nu; bed en kollega fra ${municipality.name} eller en administrator skrive 'medlemmer ${municipality.name}'.`,
            `No approver can be reached in a chat with me right now; ask a colleague from ${municipality.name} or an administrator to type 'medlemmer ${municipality.name}'.`,
          )
        : say(
            context,
            `Bed en kollega fra ${municipality.name} eller en administrator skrive 'medlemmer ${municipality.name}' for at godkende.`,
            `Ask a colleague from ${municipality.name} or an administrator to type 'medlemmer ${municipality.name}' to approve.`,
          );
  return say(
    context,
    `Du har bedt om at høre til ${municipality.name}. Det skal godkendes af et bekræftet medlem af kommunen eller en administrator; indtil da kan du læse alt, men ikke ændre status. ${asked}`,
    `You have asked to belong to ${municipality.name}. A verified member of the municipality or an administrator must approve it; until then you can read everything but not change a status. ${asked}`,
  );
}

/** The person's email address, where the channel can tell it; a failed lookup is no address, not an error. */
async function emailOf(context: DialogContext): Promise<string | undefined> {
  try {
    return (await context.turn.user.lookupEmail?.())?.trim().toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Records the person's claim to a municipality (by name or id), one municipality each. It is
 * verified at once for an administrator, in local mode, when the person's email address is in
 * one of the municipality's domains, or when the roster lists the person (by id or address);
 * otherwise it waits, and the municipality's verified members (else the administrators) get
 * a card to approve or decline it. Said for the group ("vi er …") in a shared conversation by
 * a verified member, the conversation is linked too when nobody has linked it yet.
 */
export const membershipSet: ActionDialog = async (context, args, services) => {
  const parsed = argsSchema.safeParse(args);
  const named = parsed.success ? (parsed.data.municipality ?? '') : '';
  if (named.trim() === '') {
    return notice(
      say(
        context,
        'Hvilken kommune hører du til? Skriv fx "kommune Aarhus" (i Slack: /klik kommune Aarhus).',
        'Which municipality do you belong to? Type e.g. "kommune Aarhus" (in Slack: /klik kommune Aarhus).',
      ),
    );
  }
  const municipality = resolveMunicipality(context.knowledge, named);
  if (!municipality) return unknownMunicipalityReply(context, named);
  const { turn } = context;
  const trusted = isAdministrator(turn, services)
    ? 'administrator'
    : isLocallyTrusted(context, services)
      ? 'local'
      : undefined;
  const email = trusted ? undefined : await emailOf(context);
  const byDomain = email !== undefined && services.domains?.municipalityFor(email) === municipality.id;
  const basis = trusted ?? (byDomain ? 'email-domain' : undefined);
  const { previous, membership } = await services.memberships.claim({
    ...(email ? { email } : {}),
    ...(byDomain ? { emailDomain: domainOf(email) ?? '' } : {}),
    channel: turn.conversation.channel,
    userId: turn.user.id,
    municipalityId: municipality.id,
    conversation: addressOf(turn),
    ...(turn.user.name !== undefined ? { name: turn.user.name } : {}),
    ...(basis ? { basis } : {}),
  });
  const moved = movedFrom(context, municipality, previous?.municipalityId);
  if (membership.state === 'pending') {
    // asked again, an open claim is not sent to the approvers again; one from before verification existed is
    const unchanged =
      previous?.municipalityId === municipality.id && previous.state === 'pending' && previous.claimedIn !== undefined;
    if (unchanged) {
      return notice(
        say(
          context,
          `Din tilknytning til ${municipality.name} venter stadig på godkendelse; dem, der kan godkende, har fået besked.`,
          `Your claim to belong to ${municipality.name} still awaits approval; those who can approve it have been asked.`,
        ),
      );
    }
    if (!(await services.memberships.mayRequestApproval(membership))) {
      const text = say(
        context,
        `Du har bedt om at høre til ${municipality.name}. Du har bedt om godkendelse mange gange den sidste time, så denne gang får ingen besked; bed en kollega fra ${municipality.name} eller en administrator skrive 'medlemmer ${municipality.name}'.`,
        `You have asked to belong to ${municipality.name}. You have asked for approval many times in the last hour, so nobody is asked this time; ask a colleague from ${municipality.name} or an administrator to type 'medlemmer ${municipality.name}'.`,
      );
      return notice(text + moved);
    }
    const reached = await requestApproval(context, membership, services);
    return notice(pendingText(context, municipality, reached, services.reachPerson !== undefined) + moved);
  }
  const forTheGroup = parsed.success && parsed.data.scope === 'conversation';
  const channelLine = forTheGroup ? await linkFromStatement(context, municipality, services) : undefined;
  return [
    {
      text: [verifiedText(context, municipality, membership, previous) + moved, channelLine]
        .filter((line) => line !== undefined)
        .join(' '),
      buttons: [dialogButton(say(context, 'Opdater status', 'Update a status'), STATUS_DIALOGS.form)],
    },
  ];
};
