import { concrete } from '../../src/knowledge/live.js';
import type { ReplyButton } from '../../src/core/types.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { occurrencesOf, remindableItems } from '../../src/reminders/schedule.js';
import type { RemindableItem } from '../../src/reminders/types.js';
import type { DialogContext } from '../types.js';
import { REMINDER_DIALOGS } from '../names.js';
import { say } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';

const itemsByKnowledge = new WeakMap<Knowledge, RemindableItem[]>();

function itemsOf(knowledge: Knowledge): RemindableItem[] {
  const now = concrete(knowledge);
  let items = itemsByKnowledge.get(now);
  if (!items) itemsByKnowledge.set(now, (items = remindableItems(now)));
  return items;
}

/**
 * "Mind os om det" ("Remind us") under an answer about a date: subscribes the conversation to
 * that item. Only for an item that is reminded (a day, not just a month) with a reminder
 * still to come; undefined otherwise.
 */
export function remindButton(context: DialogContext, itemId: string): ReplyButton | undefined {
  const item = itemsOf(context.knowledge).find((candidate) => candidate.id === itemId);
  const last = item ? occurrencesOf(item).at(-1) : undefined;
  if (!item || !last || last.at <= context.turn.now) return undefined;
  return dialogButton(say(context, 'Mind os om det', 'Remind us'), REMINDER_DIALOGS.subscribe, { itemId: item.id });
}

/** "Mind os om deadlines" ("Remind us of deadlines") under a list of deadlines: every one. */
export function remindAllButton(context: DialogContext): ReplyButton {
  return dialogButton(say(context, 'Mind os om deadlines', 'Remind us of deadlines'), REMINDER_DIALOGS.subscribe);
}
