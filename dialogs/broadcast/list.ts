import { DateTime } from 'luxon';
import { z } from 'zod';
import { ZONE } from '../../src/clock.js';
import { addressOf } from '../../src/core/address.js';
import type { Reply } from '../../src/core/types.js';
import { spreadsheetCsv } from '../../src/lib/csv.js';
import type { Broadcast } from '../../src/state/broadcasts.js';
import type { DeepReadonly } from '../../src/state/schema.js';
import { news } from '../answers/news.js';
import { dayText } from '../shared/people.js';
import { administers } from '../membership/acting-for.js';
import { BROADCAST_DIALOGS } from '../names.js';
import { exportFile } from '../shared/export-file.js';
import { notice } from '../shared/replies.js';
import { say } from '../shared/say.js';
import { inert } from '../shared/text.js';
import type { ActionDialog, DialogContext } from '../types.js';
import { newsReply } from './compose.js';
import { reportReply } from './send.js';

/** How many news items are shown. */
const SHOWN = 5;

/** The news KOMBIT has sent, newest first, as everyone may read it. */
export function sentNews(context: DialogContext, broadcasts: readonly DeepReadonly<Broadcast>[]): Reply[] {
  const here = addressOf(context.turn);
  // news aimed at some conversations is theirs: to everyone else it was not sent
  const reached = (one: DeepReadonly<Broadcast>) =>
    one.audience.kind === 'all' ||
    one.deliveries.some(
      (delivery) => delivery.channel === here.channel && delivery.conversationId === here.conversationId,
    );
  return broadcasts
    .filter((one) => one.state === 'done' || one.state === 'sending')
    .filter(reached)
    .filter((one) => Date.parse(one.sendAt ?? '') <= context.turn.now.toMillis())
    .toReversed()
    .slice(0, SHOWN)
    .map((one) => ({
      ...newsReply(one),
      source: say(
        context,
        `KOMBIT, ${dayText(one.sendAt!, context.language)}`,
        `KOMBIT, ${dayText(one.sendAt!, context.language)}`,
      ),
    }));
}

/**
 * "nyheder": for an administrator, the news sent and drafted, newest first, each with its
 * delivery report; for everyone else, the news itself: KOMBIT's sent through klikbot, then the
 * programme's from the material.
 */
export const broadcastList: ActionDialog = async (context, args, services) => {
  const all = services.broadcasts?.repository.all() ?? [];
  if (!administers(context, services)) return [...sentNews(context, all), ...news(context, args)];
  if (all.length === 0)
    return notice(
      say(
        context,
        'Der er ikke sendt nogen nyheder endnu. Skriv "ny nyhed" for at skrive en.',
        'No news has been sent yet. Write "ny nyhed" to write one.',
      ),
    );
  return all
    .toReversed()
    .slice(0, SHOWN)
    .map((one) => reportReply(context, one));
};

const idArgs = z.object({ id: z.uuid() });

/** One news item's delivery, a row per conversation: channel, conversation, outcome, when, why. */
export const broadcastCsv: ActionDialog = async (context, args, services) => {
  if (!services.broadcasts || !administers(context, services))
    return notice(
      say(context, 'Kun en administrator kan hente rapporten.', 'Only an administrator can fetch the report.'),
    );
  const parsed = idArgs.safeParse(args);
  const broadcast = parsed.success ? services.broadcasts.repository.get(parsed.data.id) : undefined;
  if (!broadcast) return notice(say(context, 'Den nyhed findes ikke.', 'That news item does not exist.'));
  const local = (iso: string | undefined) =>
    iso ? DateTime.fromISO(iso, { zone: ZONE }).toFormat('yyyy-LL-dd HH:mm') : '';
  const header = say(
    context,
    'Kanal;Samtale;Udfald;Forsøg;Tidspunkt;Årsag',
    'Channel;Conversation;Outcome;Tries;When;Reason',
  ).split(';');
  const rows = broadcast.deliveries.map((one) => [
    one.channel,
    one.conversationId,
    one.status,
    String(one.tries),
    local(one.at),
    one.reason ?? '',
  ]);
  return [
    exportFile(
      context,
      say(
        context,
        `Leveringen af »${inert(broadcast.title)}« som CSV-fil.`,
        `The delivery of "${inert(broadcast.title)}" as a CSV file.`,
      ),
      {
        name: `nyhed-${broadcast.id.slice(0, 8)}.csv`,
        content: spreadsheetCsv([header, ...rows]),
        again: { dialog: BROADCAST_DIALOGS.csv, args: { id: broadcast.id } },
      },
    ),
  ];
};
