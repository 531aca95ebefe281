import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Config } from '../../config.js';
import { asKlikbotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { detectLanguage } from '../../understanding/language.js';

/**
 * The Bot Framework adapter. Without an app id it checks no token inbound and sends none
 * outbound (local mode: the emulator and the web chat).
 */
export function createAdapter(teams: Config['teams'], logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: teams.appId ?? '',
    MicrosoftAppPassword: teams.appPassword ?? '',
    MicrosoftAppType: teams.appType,
    MicrosoftAppTenantId: teams.tenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = (context, error) => handleTurnError(context, error, logger);
  return adapter;
}

/** The one turn-error handler: the cause goes to the log, a useful sentence to the user. */
async function handleTurnError(context: TurnContext, error: unknown, logger: Logger): Promise<void> {
  const coded = asKlikbotError(error);
  const activity = context.activity;
  logger.error(
    { err: coded.cause ?? coded, code: coded.code, conversation: activity.conversation?.id, activityId: activity.id },
    'turn failed',
  );
  const language = detectLanguage(typeof activity.text === 'string' ? activity.text : '', activity.locale);
  try {
    await context.sendActivity({ type: 'message', text: coded.userMessage[language] });
  } catch (sendError) {
    // Telling the user failed too (connector down, bot removed): the log is all that is
    // left, and the adapter must not answer the channel with the raw error.
    logger.error({ err: sendError, conversation: activity.conversation?.id }, 'could not tell the user about the failed turn');
  }
}
