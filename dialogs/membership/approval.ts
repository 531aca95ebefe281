import { z } from 'zod';
import type { Reply } from '../../src/core/types.js';
import type { DeepReadonly, Membership, Person } from '../../src/state/memberships.js';
import { actorOf, administratorKey, isAdministrator, isVerifiedMember, municipalityNameOf } from './acting-for.js';
import type { DialogContext, ActionDialog, ActionServices } from '../types.js';
import { inert } from '../shared/text.js';
import { say } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { MEMBERSHIP_DIALOGS } from '../names.js';
import { notice } from '../shared/replies.js';

const decisionArgs = z.object({
  channel: z.string().min(1).max(20),
  userId: z.string().min(1).max(200),
  municipality: z.string().min(1).max(80),
  /** When the claim was made: a card for an earlier claim (declined since, then made again) decides nothing. */
  since: z.string().max(40).optional(),
});

/** How a person is named to others: their name as the channel gave it, made inert, else their id. */
export function personName(membership: { name?: string | undefined; channel: string; userId: string }): string {
  return membership.name ? inert(membership.name) : `${membership.channel}:${membership.userId}`;
}

/** The card an approver gets: who claims which municipality, with approve and decline. */
export function approvalCard(context: DialogContext, claim: DeepReadonly<Membership>): Reply {
  const municipality = municipalityNameOf(context.knowledge, claim.municipalityId);
  const args = { channel: claim.channel, userId: claim.userId, municipality: claim.municipalityId, since: claim.since };
  return {
    heading: say(context, 'Ny tilknytning venter', 'A claim awaits approval'),
    text: say(
      context,
      `${personName(claim)} (${claim.channel}:${claim.userId}) siger, at de hører til ${municipality}. Godkendt kan de ændre kommunens status; indtil da kan de kun læse.`,
      `${personName(claim)} (${claim.channel}:${claim.userId}) says they belong to ${municipality}. Once approved they can change the municipality's status; until then they can only read.`,
    ),
    buttons: [
      { ...dialogButton(say(context, 'Godkend', 'Approve'), MEMBERSHIP_DIALOGS.approve, args), replacesCard: true },
      { ...dialogButton(say(context, 'Afvis', 'Decline'), MEMBERSHIP_DIALOGS.decline, args), replacesCard: true },
    ],
  };
}

/** Who may approve a claim to this municipality: its verified members (not the claimant). */
function verifiedMembers(services: ActionServices, municipalityId: string, claimant: Person): Person[] {
  return services.memberships
    .members(municipalityId)
    .filter(
      (member) =>
        isVerifiedMember(services, member) &&
        !(member.channel === claimant.channel && member.userId === claimant.userId),
    );
}

function administrators(services: ActionServices): Person[] {
  return [...services.administrators].map((key) => {
    const [channel = '', ...rest] = key.split(':');
    return { channel, userId: rest.join(':') };
  });
}

/**
 * Sends the approval card to the municipality's verified members, and to the administrators
 * when no member could be reached. Resolves with how many got it.
 */
export async function requestApproval(
  context: DialogContext,
  claim: DeepReadonly<Membership>,
  services: ActionServices,
): Promise<number> {
  const reach = services.reachPerson;
  if (!reach) return 0;
  const card = [approvalCard(context, claim)];
  const send = async (people: Person[]) =>
    (await Promise.all(people.map((person) => reach(person, card)))).filter(Boolean).length;
  const members = await send(verifiedMembers(services, claim.municipalityId, claim));
  return members > 0 ? members : send(administrators(services));
}

/** Whether the person pressing may decide a claim to this municipality: an administrator, or a verified member of it who is not the claimant. */
function mayDecide(
  context: DialogContext,
  services: ActionServices,
  claimant: Person,
  municipalityId: string,
): boolean {
  const { turn } = context;
  if (isAdministrator(turn, services)) return true;
  if (turn.conversation.channel === claimant.channel && turn.user.id === claimant.userId) return false;
  const own = services.memberships.get(turn.conversation.channel, turn.user.id);
  return isVerifiedMember(services, own) && own?.municipalityId === municipalityId;
}

/** Tells the claimant what became of their claim: in their 1:1 chat with klikbot, else where they made it. */
async function tellClaimant(
  services: ActionServices,
  claim: DeepReadonly<Membership> | undefined,
  person: Person,
  reply: Reply,
): Promise<void> {
  // their 1:1 chat first: a decline, with who declined, is not for a whole channel
  if (await services.reachPerson?.(person, [reply])) return;
  const where = claim?.claimedIn;
  if (where) await services.tell?.(where, [reply]);
}

function decide(approve: boolean): ActionDialog {
  return async (context, args, services) => {
    const parsed = decisionArgs.safeParse(args);
    if (!parsed.success)
      return notice(
        say(context, 'Den knap kan jeg ikke læse. Intet er ændret.', 'I cannot read that button. Nothing was changed.'),
      );
    const { channel, userId, municipality } = parsed.data;
    const claimant = { channel, userId };
    const name = municipalityNameOf(context.knowledge, municipality);
    if (!mayDecide(context, services, claimant, municipality)) {
      return notice(
        say(
          context,
          `Kun et bekræftet medlem af ${name} eller en administrator kan afgøre tilknytningen. Intet er ændret.`,
          `Only a verified member of ${name} or an administrator can decide the claim. Nothing was changed.`,
        ),
      );
    }
    const claim = services.memberships.get(channel, userId);
    if (parsed.data.since !== undefined && claim && claim.since !== parsed.data.since) {
      return notice(
        say(
          context,
          `Tilknytningen til ${name} er trukket tilbage eller ændret. Intet er ændret.`,
          `The claim to ${name} was withdrawn or changed. Nothing was changed.`,
        ),
      );
    }
    const decider = actorOf(context.turn);
    const outcome = approve
      ? await services.memberships.approve(claimant, municipality, decider)
      : await services.memberships.decline(claimant, municipality);
    if (outcome === 'gone')
      return notice(
        say(
          context,
          `Tilknytningen til ${name} er trukket tilbage eller ændret. Intet er ændret.`,
          `The claim to ${name} was withdrawn or changed. Nothing was changed.`,
        ),
      );
    if (outcome === 'settled')
      return notice(
        say(context, `Tilknytningen til ${name} er allerede godkendt.`, `The claim to ${name} is already approved.`),
      );
    const who = claim ? personName(claim) : `${channel}:${userId}`;
    const by = decider.name ? inert(decider.name) : administratorKey(context.turn);
    const told: Reply = approve
      ? {
          text: say(
            context,
            `Din tilknytning til ${name} er godkendt af ${by}. Nu kan du ændre kommunens status.`,
            `Your claim to belong to ${name} was approved by ${by}. You can now change the municipality's status.`,
          ),
        }
      : {
          text: say(
            context,
            `Din tilknytning til ${name} blev afvist af ${by}. Du kan fortsat læse alt; spørg en kollega eller en administrator, hvis det er en fejl.`,
            `Your claim to belong to ${name} was declined by ${by}. You can still read everything; ask a colleague or an administrator if this is a mistake.`,
          ),
        };
    await tellClaimant(services, claim, claimant, told);
    const text = approve
      ? say(context, `Godkendt: ${who} hører nu til ${name}.`, `Approved: ${who} now belongs to ${name}.`)
      : say(context, `Afvist: ${who} hører ikke til ${name}.`, `Declined: ${who} does not belong to ${name}.`);
    // the card that was pressed becomes the decision, so it cannot be pressed twice
    return [{ text }];
  };
}

/** Approves a waiting claim (an administrator, or a verified member of the municipality). */
export const membershipApprove: ActionDialog = decide(true);

/** Declines a waiting claim: it is removed, and the claimant told. */
export const membershipDecline: ActionDialog = decide(false);
