import type { Reply } from '../../src/core/types.js';
import { MEMBERSHIP_DIALOGS } from '../names.js';
import { notice } from '../shared/replies.js';
import { say } from '../shared/say.js';
import type { ActionServices, DialogContext } from '../types.js';

/**
 * A membership declared before claims were verified waits for approval now: its holder is
 * told so once, beside the next answer they get (`dialog` is what that answer ran).
 */
export async function waitingClaimNotice(
  context: DialogContext,
  services: ActionServices,
  dialog: string | undefined,
): Promise<Reply[]> {
  const { turn } = context;
  const person = { channel: turn.conversation.channel, userId: turn.user.id };
  const membership = services.memberships.get(person.channel, person.userId);
  // a claim made now is answered by its own reply
  if (!membership || membership.state !== 'pending' || membership.told || dialog === MEMBERSHIP_DIALOGS.set) return [];
  try {
    await services.memberships.markTold(person);
  } catch {
    // the answer stands; the note comes again next time
    return [];
  }
  const name =
    context.knowledge.municipalities.find((m) => m.id === membership.municipalityId)?.name ?? membership.municipalityId;
  const text = say(
    context,
    `Bemærk: tilknytninger skal nu bekræftes. Din tilknytning til ${name} venter på godkendelse fra et bekræftet medlem af kommunen eller en administrator; indtil da kan du læse alt, men ikke ændre status. Den status, du har meldt, står fortsat med sin historik. Skriv 'kommune ${name}' for at bede om godkendelse.`,
    `Note: memberships are now verified. Your membership of ${name} awaits approval by a verified member of the municipality or an administrator; until then you can read everything but not change a status. The statuses you reported stay, with their history. Type 'kommune ${name}' to ask for approval.`,
  );
  return notice(text);
}
