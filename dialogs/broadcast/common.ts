import type { Language, Reply } from '../../src/core/types.js';
import { notice } from '../shared/replies.js';
import { say } from '../shared/say.js';
import type { DialogContext } from '../types.js';

/** Only administrators write KOMBIT's news. */
export function onlyAdministrators(context: DialogContext): Reply[] {
  return notice(say(context, 'Kun en administrator kan sende nyheder ud.', 'Only an administrator can send news.'));
}

export function notHere(context: DialogContext): Reply[] {
  return notice(say(context, 'Her kan jeg ikke sende nyheder ud.', 'I cannot send news from here.'));
}

/** "1 samtale", "3 samtaler" / "1 conversation", "3 conversations". */
export function conversationsText(context: { language: Language }, count: number): string {
  return say(
    context,
    `${count} ${count === 1 ? 'samtale' : 'samtaler'}`,
    `${count} ${count === 1 ? 'conversation' : 'conversations'}`,
  );
}
