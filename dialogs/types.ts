import type { ConversationKey } from '../src/core/address.js';
import type { DialogContext } from '../src/core/dialog-registry.js';
import type { Reply } from '../src/core/types.js';
import type { DomainBook } from '../src/knowledge/municipality-domains.js';
import type { ReminderServices } from '../src/reminders/types.js';
import type { Delivery } from '../src/core/notifier.js';
import type { Reloaded } from '../src/knowledge/live.js';
import type { DashboardLinkRepository } from '../src/state/dashboard-links.js';
import type { KombitQuestionRepository } from '../src/state/kombit-questions.js';
import type { BroadcastRepository } from '../src/state/broadcasts.js';
import type { StoredConversation } from '../src/state/conversations.js';
import type { DeepReadonly } from '../src/state/schema.js';
import type { EvaluationRepository } from '../src/state/evaluations.js';
import type { MeetingReminderRepository } from '../src/state/meeting-reminders.js';
import type { MeetingSessionRepository } from '../src/state/meeting-sessions.js';
import type { MembershipRepository, Person } from '../src/state/memberships.js';
import type { PollRepository } from '../src/state/polls.js';
import type { StatusRepository } from '../src/state/statuses.js';

/** What every dialog gets (the core hands it over): the turn, the knowledge base and the language to answer in. */
export type { DialogContext };

/** A dialog answers one kind of question; `args` come from a button or from the router. */
export type Dialog = (context: DialogContext, args: Record<string, string>) => Reply[];

/**
 * What running a meeting needs: where each conversation's session is kept and, optionally,
 * a way to start the evaluation as the last agenda item begins (without it, that item's
 * post carries a "Start evaluering" button instead).
 */
export interface MeetingServices {
  sessions: MeetingSessionRepository;
  /** The conversations reminded before each meeting; absent where klikbot runs without them. */
  reminders?: MeetingReminderRepository;
  startEvaluation?: (context: DialogContext, meetingId: string) => Promise<Reply[]>;
}

/** What handing out links to the dashboard needs. */
export interface DashboardServices {
  links: DashboardLinkRepository;
  /** Where people reach klikbot from elsewhere (KLIKBOT_PUBLIC_URL, no trailing slash); links are made from it. */
  publicAddress: string | undefined;
  /** Local mode on this machine: where this machine reaches the dashboard, open without a link, once listening. */
  thisMachine(): string | undefined;
}

/** What handing questions to KOMBIT needs: where they are kept, and a send that tells where the message stands. */
export interface AskKombitServices {
  questions: KombitQuestionRepository;
  /** Writes to a stored conversation and reports how it went (with the posted messages' ids). */
  send(to: ConversationKey, replies: Reply[]): Promise<Delivery>;
}

/** What sending KOMBIT's news needs: the news kept, the conversations klikbot is in, and a send that reports. */
export interface BroadcastServices {
  repository: BroadcastRepository;
  conversations: () => readonly DeepReadonly<StoredConversation>[];
  send: (to: ConversationKey, replies: Reply[]) => Promise<Delivery>;
}

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
  /** Absent where klikbot runs without the dashboard: the dashboard dialog says so. */
  dashboard?: DashboardServices;
  /** Absent where klikbot runs without handing questions to KOMBIT: "I don't know" names the mailbox. */
  askKombit?: AskKombitServices;
  /** Loads the knowledge again from its folder (checked first, kept as it was if wrong); absent in tests that build the core by hand. */
  reloadKnowledge?: () => Promise<Reloaded>;
  /** Absent where klikbot runs without sending news. */
  broadcasts?: BroadcastServices;
  /** Writes to a stored conversation; false where it cannot. */
  tell?: (to: ConversationKey, replies: Reply[]) => Promise<boolean>;
}

/** A dialog that may write: it answers once the change is stored (or refused). */
export type ActionDialog = (
  context: DialogContext,
  args: Record<string, string>,
  services: ActionServices,
) => Promise<Reply[]>;
