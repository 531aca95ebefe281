import type { KlikEvent } from '../../src/knowledge/systems-queries.js';
import type { DialogContext } from '../types.js';
import { say } from '../shared/say.js';
import { PROGRAMME_MAILBOX } from '../shared/replies.js';

// "hvilket klokkeslet", "hvad tid", "hvornår på dagen", "what time", "at what hour": the time of day asked
const clockAsked =
  /\b(klokkeslet\w*|klokken|kl|tidspunkt\w*|hvad tid|hvilken tid|hvornaar paa dagen|what time|which time|what hour|time of day)\b/;

/** Whether a question's words ask for the time of day. */
export function asksTheClock(tokens: string[]): boolean {
  return clockAsked.test(tokens.join(' '));
}

/**
 * "hvilket klokkeslet er opstartsmødet?": the material gives the event's day but not its time, so
 * the answer says so and where to ask, instead of leaving the asker to guess it was overlooked.
 */
export function noClockNote(context: DialogContext, event: KlikEvent): string[] {
  if (event.start) return [];
  const what = `»${event.title}«${event.place ? ` (${event.place})` : ''}`;
  return [
    say(
      context,
      `Materialet siger ikke, hvornår på dagen ${what} er. Spørg KOMBIT på ${PROGRAMME_MAILBOX}.`,
      `The material does not say what time of day ${what} is. Ask KOMBIT at ${PROGRAMME_MAILBOX}.`,
    ),
  ];
}
