import type { ReplyButton } from '../../src/core/types.js';
import { ANSWER_DIALOGS } from '../names.js';

/** A button that runs a dialog with the given arguments. */
export function dialogButton(title: string, dialog: string, args: Record<string, string> = {}): ReplyButton {
  return { title, action: { dialog, args } };
}

/** A button that asks klikbot a question, as if the person had typed it. */
export function askButton(title: string, question: string = title): ReplyButton {
  return dialogButton(title, ANSWER_DIALOGS.ask, { text: question });
}
