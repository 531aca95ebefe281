import { asKlikbotError } from '../../errors.js';
import { detectLanguage } from '../../understanding/language.js';
import type { SlackDeps } from './slack-deps.js';

/**
 * Runs one Slack turn. A failure is logged with its cause and the person is told, in the
 * language they wrote in, without internals; if even that fails, the log is all that is left.
 * Bolt's own error handler would only log, and the person would wait for an answer forever.
 */
export async function withTurnErrors(
  deps: SlackDeps,
  text: string,
  tell: (message: string) => Promise<unknown>,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    const coded = asKlikbotError(error);
    deps.logger.error({ err: coded.cause ?? coded, code: coded.code, channel: 'slack' }, 'turn failed');
    try {
      await tell(coded.userMessage[detectLanguage(text, 'da-DK')]);
    } catch (tellError) {
      deps.logger.error({ err: tellError, channel: 'slack' }, 'could not tell the user about the failed turn');
    }
  }
}
