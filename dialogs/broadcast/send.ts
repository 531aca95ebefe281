import { z } from 'zod';
import { addressOf } from '../../src/core/address.js';
import type { Language, Reply } from '../../src/core/types.js';
import { DELIVERY_TRIES, type Broadcast } from '../../src/state/broadcasts.js';
import type { DeepReadonly } from '../../src/state/schema.js';
import { administers } from '../membership/acting-for.js';
import { BROADCAST_DIALOGS } from '../names.js';
import { dialogButton } from '../shared/buttons.js';
import { notice } from '../shared/replies.js';
import { say } from '../shared/say.js';
import { inert } from '../shared/text.js';
import type { ActionDialog, ActionServices, DialogContext } from '../types.js';
import { conversationsOf } from './audience.js';
import { conversationsText, notHere, onlyAdministrators } from './common.js';

const idArgs = z.object({ id: z.uuid() });

/** How a news item's deliveries stand: sent, failed for good, gone, still to go, and cancelled. */
export function countsOf(broadcast: DeepReadonly<Broadcast>): {
  sent: number;
  failed: number;
  gone: number;
  pending: number;
  cancelled: number;
} {
  const counts = { sent: 0, failed: 0, gone: 0, pending: 0, cancelled: 0 };
  for (const delivery of broadcast.deliveries) {
    if (delivery.status === 'sent') counts.sent += 1;
    else if (delivery.status === 'cancelled') counts.cancelled += 1;
    else if (delivery.status === 'gone') counts.gone += 1;
    else if (delivery.status === 'failed' && delivery.tries >= DELIVERY_TRIES) counts.failed += 1;
    else counts.pending += 1;
  }
  return counts;
}

/** The delivery report: the counts, where it stands, the reasons of what failed, and a CSV. */
export function reportReply(context: { language: Language }, broadcast: DeepReadonly<Broadcast>): Reply {
  const counts = countsOf(broadcast);
  const states: Record<Broadcast['state'], [string, string]> = {
    draft: ['Kladde', 'Draft'],
    sending: ['Sendes', 'Sending'],
    done: ['Færdig', 'Done'],
    cancelled: ['Annulleret', 'Cancelled'],
  };
  const facts = [
    { label: say(context, 'Sendt', 'Sent'), value: String(counts.sent) },
    { label: say(context, 'Fejlet', 'Failed'), value: String(counts.failed) },
    { label: say(context, 'Væk', 'Gone'), value: String(counts.gone) },
    { label: say(context, 'Venter', 'Pending'), value: String(counts.pending) },
    ...(counts.cancelled > 0
      ? [{ label: say(context, 'Annulleret', 'Cancelled'), value: String(counts.cancelled) }]
      : []),
  ];
  const reasons = [
    ...new Set(
      broadcast.deliveries
        .filter((one) => (one.status === 'failed' && one.tries >= DELIVERY_TRIES) || one.status === 'gone')
        .map((one) => one.reason ?? ''),
    ),
  ].filter(Boolean);
  const heading = say(context, `Levering: ${inert(broadcast.title)}`, `Delivery: ${inert(broadcast.title)}`);
  const state = say(context, ...states[broadcast.state]);
  const why =
    reasons.length > 0
      ? `${say(context, 'Årsager', 'Reasons')}: ${reasons
          .slice(0, 5)
          .map((one) => inert(one))
          .join('; ')}`
      : '';
  return {
    heading,
    text: `${heading}. ${state}: ${facts.map((fact) => `${fact.label.toLowerCase()} ${fact.value}`).join(', ')}.${why ? ` ${why}` : ''}`,
    intro: `${state}.`,
    facts,
    ...(why ? { outro: why } : {}),
    buttons: [
      dialogButton(say(context, 'Rapport som CSV', 'Report as CSV'), BROADCAST_DIALOGS.csv, { id: broadcast.id }),
    ],
  };
}

function found(
  context: DialogContext,
  args: Record<string, string>,
  services: ActionServices,
): { broadcast: DeepReadonly<Broadcast> } | { refused: Reply[] } {
  if (!services.broadcasts) return { refused: notHere(context) };
  if (!administers(context, services)) return { refused: onlyAdministrators(context) };
  const parsed = idArgs.safeParse(args);
  const broadcast = parsed.success ? services.broadcasts.repository.get(parsed.data.id) : undefined;
  if (!broadcast) return { refused: notice(say(context, 'Den nyhed findes ikke.', 'That news item does not exist.')) };
  return { broadcast };
}

/**
 * "Send": the audience is read now, each conversation's delivery kept pending, and the timed work
 * sends them at the channels' pace from the time set. The report is posted where this was pressed
 * and rewritten as the sending goes.
 */
export const broadcastSend: ActionDialog = async (context, args, services) => {
  const got = found(context, args, services);
  if ('refused' in got) return got.refused;
  const { broadcast } = got;
  const repository = services.broadcasts!.repository;
  const to = conversationsOf(context.knowledge, services, broadcast.audience);
  const sendAt = broadcast.sendAt ?? context.turn.now.toUTC().toISO() ?? '';
  if (!(await repository.confirm(broadcast.id, to, sendAt)))
    return notice(
      say(context, 'Den nyhed er allerede sendt eller annulleret.', 'That news item was already sent or cancelled.'),
    );
  const report = reportReply(context, repository.get(broadcast.id)!);
  // the report where this was pressed, as a message of its own, to be rewritten as the sending goes
  const here = addressOf(context.turn);
  const posted = await services.broadcasts!.send(here, [report]);
  const [messageId] = posted.status === 'sent' ? posted.messageIds : [];
  if (messageId) await repository.setReport(broadcast.id, { ...here, messageId });
  return [
    {
      text: say(
        context,
        `Sendes til ${conversationsText(context, to.length)} (modtagerne som de er nu). ${messageId ? 'Rapporten ovenfor følger med.' : 'Skriv "nyheder" for at se, hvordan det går.'}`,
        `Being sent to ${conversationsText(context, to.length)} (the audience as it is now). ${messageId ? 'The report above keeps up.' : 'Write "nyheder" to see how it goes.'}`,
      ),
    },
  ];
};

/** "Annullér": a draft is dropped; news being sent stops where it is. */
export const broadcastCancel: ActionDialog = async (context, args, services) => {
  const got = found(context, args, services);
  if ('refused' in got) return got.refused;
  if (!(await services.broadcasts!.repository.cancel(got.broadcast.id)))
    return notice(say(context, 'Den nyhed er allerede færdig.', 'That news item is already done.'));
  return [
    { text: say(context, `Annulleret: ${inert(got.broadcast.title)}.`, `Cancelled: ${inert(got.broadcast.title)}.`) },
  ];
};
