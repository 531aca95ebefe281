import { CONVERSATION_LINK_DIALOG, MEMBERSHIP_DIALOGS } from './commands.js';
import type { Reply } from '../src/core/types.js';
import type { ReminderServices } from '../src/reminders/types.js';
import type { ConversationKey } from '../src/core/address.js';
import type { DomainBook } from '../src/knowledge/municipality-domains.js';
import type { MembershipRepository, Person } from '../src/state/memberships.js';
import type { PollRepository } from '../src/state/polls.js';
import type { StatusRepository } from '../src/state/statuses.js';
import { say, type DialogContext } from './types.js';
import { conversationLink } from './membership/conversation-link.js';
import { meetingDialogsByName } from './meetings/index.js';
import type { MeetingServices } from './meetings/host.js';
import { membershipSet } from './membership/claim.js';
import { MEMBERSHIP_APPROVE_DIALOG, MEMBERSHIP_DECLINE_DIALOG, membershipApprove, membershipDecline } from './membership/approval.js';
import { members, membershipEnd } from './membership/members.js';
import { rosterImport } from './membership/roster-import.js';
import { pollDialogsByName } from './polls/index.js';
import { evaluationDialogsByName } from './evaluations/index.js';
import type { EvaluationRepository } from '../src/state/evaluations.js';
import { reminderDialogsByName } from './reminders/index.js';
import { myStatus } from './status/my-status.js';
import { statusForm } from './status/form.js';
import { statusHistory } from './status/history.js';
import { statusMissing } from './status/missing.js';
import { statusNational } from './status/national.js';
import { statusUndo, statusUpdate } from './status/update.js';

/**
 * What dialogs that change state need: the repositories, and who may act for any
 * municipality (`${channel}:${userId}`, e.g. `slack:U0ADMIN`, `teams:<Entra object id>`).
 */
export interface ActionServices {
  memberships: MembershipRepository;
  statuses: StatusRepository;
  administrators: ReadonlySet<string>;
  /** Absent where klikbot runs without reminders: the reminder dialogs say so. */
  reminders?: ReminderServices;
  /** Absent where klikbot runs without meeting sessions: the agenda follows the clock alone. */
  meetings?: MeetingServices;
  /** Absent where klikbot runs without polls: the poll dialogs say so. */
  polls?: PollRepository;
  /** Absent where klikbot runs without evaluations: the evaluation dialogs say so. */
  evaluations?: EvaluationRepository;
  /** Each municipality's email domains: a claim by an address in them is verified. */
  domains?: DomainBook;
  /** Local mode: the web chat's (and Emulator's) one person is trusted, so claims made there are verified. */
  localTrusted?: boolean;
  /** Writes to a person's 1:1 chat with klikbot; false where there is none (or it cannot be written to). */
  reachPerson?: (person: Person, replies: Reply[]) => Promise<boolean>;
  /** Writes to a stored conversation; false where it cannot. */
  tell?: (to: ConversationKey, replies: Reply[]) => Promise<boolean>;
}

/** A dialog that may write: it answers once the change is stored (or refused). */
export type ActionDialog = (context: DialogContext, args: Record<string, string>, services: ActionServices) => Promise<Reply[]>;

/** Every action dialog, by the name buttons and forms use. */
const actionDialogsByName: Record<string, ActionDialog> = {
  'membership-set': membershipSet,
  [MEMBERSHIP_APPROVE_DIALOG]: membershipApprove,
  [MEMBERSHIP_DECLINE_DIALOG]: membershipDecline,
  [MEMBERSHIP_DIALOGS.members]: members,
  [MEMBERSHIP_DIALOGS.end]: membershipEnd,
  [MEMBERSHIP_DIALOGS.roster]: rosterImport,
  [CONVERSATION_LINK_DIALOG]: conversationLink,
  'status-update': statusUpdate,
  'status-undo': statusUndo,
  'status-form': statusForm,
  'my-status': myStatus,
  'status-national': statusNational,
  'status-missing': statusMissing,
  'status-history': statusHistory,
  ...reminderDialogsByName,
  ...meetingDialogsByName,
  ...pollDialogsByName,
  ...evaluationDialogsByName,
};

/** The action dialog with this name, if there is one. */
export function actionDialog(name: string): ActionDialog | undefined {
  return Object.hasOwn(actionDialogsByName, name) ? actionDialogsByName[name] : undefined;
}

/** Whether a button or form naming this dialog runs an action dialog. */
export function isActionDialog(name: string): boolean {
  return Object.hasOwn(actionDialogsByName, name);
}

/** The answer when this klikbot was started without state for memberships and statuses. */
export function actionsUnavailableReply(context: Pick<DialogContext, 'language'>): Reply {
  return {
    text: say(
      context,
      'Her kan jeg ikke gemme kommuner eller status. Spørg gerne om opgaver, frister og roller.',
      'I cannot store municipalities or statuses here. Do ask about tasks, deadlines and roles.',
    ),
  };
}
