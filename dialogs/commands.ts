import type { ActionPayload } from '../src/core/types.js';
import {
  ASK_KOMBIT_DIALOGS,
  BROADCAST_DIALOGS,
  REFRESH_DIALOGS,
  DASHBOARD_DIALOGS,
  REMINDER_DIALOGS,
  MEMBERSHIP_DIALOGS,
  MEETING_DIALOGS,
  STATUS_DIALOGS,
} from './names.js';

function reminderCommand(argument: string): ActionPayload | undefined {
  if (/^til$/i.test(argument)) return { dialog: REMINDER_DIALOGS.subscribe, args: {} };
  // "påmind til 14, 7 og 1": the days before each date, instead of the data's (the dialog checks them)
  const days = /^til\s+(\d[\d\s,og]*)$/i.exec(argument)?.[1];
  if (days !== undefined)
    return {
      dialog: REMINDER_DIALOGS.subscribe,
      args: {
        days: days
          .split(/\s*(?:,|\bog\b|\s)\s*/i)
          .filter(Boolean)
          .join(','),
      },
    };
  if (/^fra$/i.test(argument)) return { dialog: REMINDER_DIALOGS.unsubscribe, args: {} };
  return undefined;
}

function remindersCommand(argument: string): ActionPayload | undefined {
  if (argument === '') return { dialog: REMINDER_DIALOGS.list, args: {} };
  if (/^(fejl|failures)$/i.test(argument)) return { dialog: REMINDER_DIALOGS.failures, args: {} };
  return undefined;
}

function dashboardCommand(argument: string): ActionPayload | undefined {
  if (argument === '') return { dialog: DASHBOARD_DIALOGS.link, args: {} };
  if (/^(luk|close)$/i.test(argument)) return { dialog: DASHBOARD_DIALOGS.revoke, args: {} };
  if (/^(luk alle|close all)$/i.test(argument)) return { dialog: DASHBOARD_DIALOGS.revoke, args: { all: 'true' } };
  // "dashboard luk alle?": asked, not commanded
  if (/^(luk|close)\b.*\?$/i.test(argument)) return { dialog: DASHBOARD_DIALOGS.revoke, args: { explain: 'true' } };
  return undefined;
}

/** A link to the dashboard named in a sentence: "link til dashboardet", "dashboard-linket", "dashboard link". */
const DASHBOARD_LINK =
  /\b(dashboard-?link(?:et|s|ene)?|dashboard links?|links?(?:et|ene)? til dashboard(?:et)?|links? to the dashboard)\b/i;
/** Words of closing one: "luk", "lukke", "lukker", "lukkes", "close", "revoke". */
const CLOSING = /\b(luk\w*|close|revoke)\b/i;
/** A question about it rather than a request: a question mark, or an asking word first. */
const ASKING = /\?\s*$|^\s*(hvordan|hvorfor|hvad|kan|how|why|what|can)\b/i;

/**
 * A short sentence about a link to the dashboard: asking for one gets one; closing one closes
 * the asker's own links, or, asked as a question, is told how. A sentence that only mentions the
 * dashboard ("hvad viser dashboardet om BBR?") is left to the understanding, and every link is
 * closed only by the typed command itself.
 */
function dashboardSentence(text: string): ActionPayload | undefined {
  if (text.length > 80 || !DASHBOARD_LINK.test(text)) return undefined;
  if (!CLOSING.test(text)) return { dialog: DASHBOARD_DIALOGS.link, args: {} };
  return { dialog: DASHBOARD_DIALOGS.revoke, args: ASKING.test(text) ? { explain: 'true' } : {} };
}

/**
 * The few typed commands that change something, the same in every channel (in Slack after
 * `/klik`): "kommune <navn>" joins a municipality, "kanal <navn>" links the conversation,
 * "medlemmer [navn]" lists a municipality's members and waiting claims, "forlad kommune" ends
 * one's own membership, "medlemsliste" with CSV lines below imports the roster (administrators),
 * "opdater" (or "opdater status") opens the status form, "påmind til|fra" subscribes to
 * reminders or stops them, "påmindelser" lists them, "påmindelser fejl" shows failed
 * deliveries, "dashboard" hands out a link to the overview ("dashboard luk" closes one's links,
 * "dashboard luk alle" every link). Everything else is a question for the understanding.
 */
export function commandOf(text: string): ActionPayload | undefined {
  // "medlemsliste" and the roster's lines below it, as pasted
  const roster = /^medlemsliste\b([\s\S]*)$/i.exec(text.trim());
  if (roster) return { dialog: MEMBERSHIP_DIALOGS.roster, args: { csv: roster[1]!.trim() } };
  const words = text.trim().split(/\s+/);
  const [first = '', ...rest] = words;
  const argument = rest.join(' ');
  if (/^kommune$/i.test(first) && argument !== '')
    return { dialog: MEMBERSHIP_DIALOGS.set, args: { municipality: argument } };
  // "medvært @navn" names one; "medvært" (or "medvært tak") asks to be one
  if (/^(medvært|medvaert|co-host|cohost)$/i.test(first))
    return {
      dialog: argument.startsWith('@') ? MEETING_DIALOGS.cohostAppoint : MEETING_DIALOGS.cohostRequest,
      args: {},
    };
  if (/^medlemmer$/i.test(first))
    return { dialog: MEMBERSHIP_DIALOGS.members, args: argument === '' ? {} : { municipality: argument } };
  // only "forlad kommune(n)": "forlad mødet" must not end a membership that took approval
  if (/^forlad$/i.test(first) && /^kommunen?$/i.test(argument)) return { dialog: MEMBERSHIP_DIALOGS.end, args: {} };
  if (/^kanal$/i.test(first) && argument !== '')
    return { dialog: MEMBERSHIP_DIALOGS.conversationLink, args: { municipality: argument } };
  if (/^(opdater|opdatér)$/i.test(first) && (argument === '' || /^status$/i.test(argument)))
    return { dialog: STATUS_DIALOGS.form, args: {} };
  if (/^(påmind|paamind)$/i.test(first)) return reminderCommand(argument);
  if (/^dashboard(et)?$/i.test(first)) return dashboardCommand(argument);
  const aboutLink = dashboardSentence(text);
  if (aboutLink) return aboutLink;
  if (/^(påmindelser|paamindelser)$/i.test(first)) return remindersCommand(argument);
  return askKombitCommand(first, argument);
}

/**
 * Ask KOMBIT's commands (administrators): "eksperter her" designates the expert conversation,
 * "eksperter ingen" ends it, "eksperter hvor" says where it is; "ubesvarede spørgsmål" lists the open
 * questions, "lærte svar" the learned answers.
 */
function askKombitCommand(first: string, argument: string): ActionPayload | undefined {
  if (/^(eksperter|experts)$/i.test(first)) {
    if (/^(her|here)$/i.test(argument)) return { dialog: ASK_KOMBIT_DIALOGS.experts, args: {} };
    if (/^(ingen|none|off)$/i.test(argument)) return { dialog: ASK_KOMBIT_DIALOGS.experts, args: { off: 'true' } };
    // (the word alone stays a question: "eksperter" may ask about experts in the material)
    if (/^(hvor|where)$/i.test(argument)) return { dialog: ASK_KOMBIT_DIALOGS.experts, args: { show: 'true' } };
  }
  if (/^(ubesvarede|unanswered)$/i.test(first) && /^(spørgsmål|spoergsmaal|questions)$/i.test(argument))
    return { dialog: ASK_KOMBIT_DIALOGS.openQuestions, args: {} };
  if (/^(lærte|laerte|learned)$/i.test(first) && /^(svar|answers)$/i.test(argument))
    return { dialog: ASK_KOMBIT_DIALOGS.learned, args: {} };
  // KOMBIT's news: "ny nyhed" writes one (administrators), "nyheder" lists them
  if (/^ny$/i.test(first) && /^nyhed$/i.test(argument)) return { dialog: BROADCAST_DIALOGS.compose, args: {} };
  if (/^nyheder$/i.test(first) && argument === '') return { dialog: BROADCAST_DIALOGS.list, args: {} };
  if (/^(genindlæs|genindlaes|reload)$/i.test(first) && /^data$/i.test(argument))
    return { dialog: REFRESH_DIALOGS.reload, args: {} };
  return undefined;
}
