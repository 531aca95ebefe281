import { MEMBERSHIP_DIALOGS } from '../names.js';
import type { ActionDialog } from '../types.js';
import { membershipApprove, membershipDecline } from './approval.js';
import { membershipSet } from './claim.js';
import { conversationLink } from './conversation-link.js';
import { members, membershipEnd } from './members.js';
import { rosterImport } from './roster-import.js';

/** The membership dialogs: claims and their approval, members, the roster, and the conversation's link. */
export const membershipDialogsByName: Record<string, ActionDialog> = {
  [MEMBERSHIP_DIALOGS.set]: membershipSet,
  [MEMBERSHIP_DIALOGS.approve]: membershipApprove,
  [MEMBERSHIP_DIALOGS.decline]: membershipDecline,
  [MEMBERSHIP_DIALOGS.members]: members,
  [MEMBERSHIP_DIALOGS.end]: membershipEnd,
  [MEMBERSHIP_DIALOGS.roster]: rosterImport,
  [MEMBERSHIP_DIALOGS.conversationLink]: conversationLink,
};
