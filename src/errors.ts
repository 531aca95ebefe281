/**
 * Coded errors, in one place. Every failure a person can meet has a code, a message fit for
 * a user (Danish and English) and, where there is one, the underlying cause for the log.
 */
export const ErrorCode = {
  ConfigInvalid: 'config_invalid',
  KnowledgeInvalid: 'knowledge_invalid',
  KnowledgeUnreadable: 'knowledge_unreadable',
  StateCorrupt: 'state_corrupt',
  StateUnreadable: 'state_unreadable',
  StateWriteFailed: 'state_write_failed',
  StateWriteUnconfirmed: 'state_write_unconfirmed',
  ListenFailed: 'listen_failed',
  SlackUnavailable: 'slack_unavailable',
  BadRequest: 'bad_request',
  Unknown: 'unknown',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Text shown to a person, in both languages the bot speaks. */
export interface UserMessage {
  da: string;
  en: string;
}

const defaultUserMessages: Record<ErrorCode, UserMessage> = {
  config_invalid: { da: 'klikbot er ikke sat rigtigt op.', en: 'klikbot is not configured correctly.' },
  knowledge_invalid: { da: 'Mine data er ugyldige.', en: 'My data is invalid.' },
  knowledge_unreadable: { da: 'Jeg kan ikke læse mine data.', en: 'I cannot read my data.' },
  state_corrupt: { da: 'Mit lager er beskadiget.', en: 'My store is damaged.' },
  state_unreadable: { da: 'Jeg kan ikke læse mit lager.', en: 'I cannot read my store.' },
  state_write_failed: {
    da: 'Jeg kunne ikke gemme det. Intet er ændret; prøv igen om lidt.',
    en: 'I could not save that. Nothing was changed; please try again shortly.',
  },
  state_write_unconfirmed: {
    da: 'Jeg er ikke sikker på, at det blev gemt. Tjek det, og prøv igen om lidt.',
    en: 'I am not sure that was saved. Please check, and try again shortly.',
  },
  listen_failed: { da: 'klikbot kan ikke tage imod beskeder.', en: 'klikbot cannot accept messages.' },
  slack_unavailable: { da: 'klikbot kan ikke nå Slack lige nu.', en: 'klikbot cannot reach Slack right now.' },
  bad_request: { da: 'Den besked forstod jeg ikke.', en: 'I could not read that message.' },
  unknown: {
    da: 'Beklager, noget gik galt hos mig. Prøv igen, eller skriv til mbprogrammet@kombit.dk.',
    en: 'Sorry, something went wrong on my side. Try again, or write to mbprogrammet@kombit.dk.',
  },
};

/** An error with a code, a message for operators (`message`) and one for users (`userMessage`). */
export class KlikbotError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: UserMessage;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; userMessage?: UserMessage } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KlikbotError';
    this.code = code;
    this.userMessage = options.userMessage ?? defaultUserMessages[code];
  }
}

/** Wraps anything thrown into a KlikbotError, keeping the original as the cause. */
export function asKlikbotError(error: unknown): KlikbotError {
  if (error instanceof KlikbotError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new KlikbotError(ErrorCode.Unknown, message, { cause: error });
}
