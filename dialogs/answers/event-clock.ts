import type { KlikEvent } from '../../src/knowledge/systems-queries.js';
import type { DialogContext } from '../types.js';
import { say } from '../shared/say.js';
import { PROGRAMME_MAILBOX } from '../shared/replies.js';

// "hvilket klokkeslet", "hvad tid", "hvornår på dagen", "what time", "at what hour": the time of day asked
// ("kl" only as asked, "hvad kl", "kl hvad", "… kl?" at the end: elsewhere it is also KL, Kommunernes Landsforening)
const clockAsked =
  /\b(klokkeslet\w*|klokken|hvad kl|hvilken kl|kl hvad|tidspunkt\w*|hvad tid|hvilken tid|hvornaar paa dagen|what time|which time|what hour|time of day)\b|\bkl$/;

/** Whether a question's words ask for the time of day. */
export function asksTheClock(tokens: string[]): boolean {
  return clockAsked.test(tokens.join(' '));
}

/**
 * "hvilket klokkeslet er opstartsmødet?": the material gives the events' days but not their
 * times, so the answer says so and where to ask, instead of leaving the asker to guess it was
 * overlooked. The events asked about, each title once with its places.
 */
export function noClockNote(context: DialogContext, events: KlikEvent[]): string[] {
  const places = new Map<string, string[]>();
  for (const event of events.filter((candidate) => !candidate.start)) {
    const at = places.get(event.title) ?? [];
    if (event.place && !at.includes(event.place)) at.push(event.place);
    places.set(event.title, at);
  }
  if (places.size === 0) return [];
  const what = [...places].map(([title, at]) => `»${title}«${at.length > 0 ? ` (${at.join(', ')})` : ''}`).join(', ');
  return [
    say(
      context,
      `Materialet siger ikke, hvornår på dagen ${what} er. Spørg KOMBIT på ${PROGRAMME_MAILBOX}.`,
      `The material does not say what time of day ${what} is. Ask KOMBIT at ${PROGRAMME_MAILBOX}.`,
    ),
  ];
}
