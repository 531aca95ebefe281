import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Activity,
  type ConversationReference,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Config } from '../../config.js';
import { asKlikbotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { detectLanguage } from '../../understanding/language.js';
import { ReusingBotFrameworkAuthentication } from './reused-clients.js';
import { cardActionResponse } from './invoke-response.js';

/** The turn logic botbuilder runs for one activity. */
export type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * CloudAdapter with the HTTP side left to our route: we read and validate the body, and we
 * answer a failed authentication ourselves, because `process()` prints every 401 with its
 * stack to the console.
 */
export class KlikbotAdapter extends CloudAdapter {
  /** Authenticates the activity (when credentials are set) and runs the logic; throws AuthenticationError on a bad token. */
  async run(
    authorization: string,
    activity: Record<string, unknown>,
    logic: TurnLogic,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, withDates(activity), logic);
  }

  /** Opens a turn in a stored conversation to write to it unprompted. */
  async continueIn(appId: string, reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> {
    await this.continueConversationAsync(appId, reference, logic);
  }
}

// botbuilder's own request handler turns the wire's ISO strings into Dates; we do the same.
function withDates(body: Record<string, unknown>): Activity {
  const activity: Record<string, unknown> = { ...body };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

/**
 * Where tokens are checked and fetched, for a cloud other than public Azure, or for a test
 * that signs its own tokens: the OpenID metadata and issuer of inbound tokens, the login for
 * outbound ones. botbuilder uses these only when all are given.
 */
export interface BotFrameworkEndpoints {
  settings: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
  credentialsFactory?: ServiceClientCredentialsFactory;
}

/**
 * The Bot Framework adapter. Without an app id it checks no token inbound and sends none
 * outbound (local mode: the emulator and the web chat).
 */
export function createAdapter(
  teams: Config['teams'],
  logger: Logger,
  endpoints?: BotFrameworkEndpoints,
): KlikbotAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: teams.appId ?? '',
      MicrosoftAppPassword: teams.appPassword ?? '',
      MicrosoftAppType: teams.appType,
      MicrosoftAppTenantId: teams.tenantId ?? '',
      ...endpoints?.settings,
    },
    endpoints?.credentialsFactory,
  );
  const adapter = new KlikbotAdapter(new ReusingBotFrameworkAuthentication(auth));
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
  const text = coded.userMessage[language];
  try {
    // an Action.Execute waits for its answer: the reason is shown under the card that was pressed
    if (activity.type === 'invoke')
      await context.sendActivity(
        cardActionResponse(500, 'application/vnd.microsoft.error', { code: coded.code, message: text }),
      );
    else await context.sendActivity({ type: 'message', text });
  } catch (sendError) {
    // Telling the user failed too (connector down, bot removed): the log is all that is
    // left, and the adapter must not answer the channel with the raw error.
    logger.error(
      { err: sendError, conversation: activity.conversation?.id },
      'could not tell the user about the failed turn',
    );
  }
}
