import type { Reply, ReplyFile } from '../../src/core/types.js';
import type { DialogContext } from '../types.js';
import { say } from './say.js';

/**
 * An export for the asker alone: `text` says what the file holds, the file goes to their 1:1
 * chat with klikbot (in a group or channel, the conversation hears only where it went), and
 * nothing was changed, so it never takes the place of the card that was pressed.
 */
export function exportFile(context: DialogContext, text: string, file: Omit<ReplyFile, 'mediaType'>): Reply {
  return {
    text,
    notice: true,
    file: { mediaType: 'text/csv', ...file },
    private: {
      note: say(
        context,
        'Filen er sendt til din private chat med klikbot.',
        'The file has been sent to your private chat with klikbot.',
      ),
    },
  };
}
