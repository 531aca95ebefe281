/**
 * The short questions a participant asks while a meeting runs ("hvornår er der pause?",
 * "hvem præsenterer?", "how many have answered?"). Read by their whole wording, never by
 * resemblance, so a question that names more ("hvem præsenterer Organisation på
 * onsdagsmødet?") stays a question for the knowledge. Whether a meeting runs is not known
 * here: the meeting's dialog answers only where one does, and otherwise as before.
 */

/** What a participant asks about the meeting going on. */
export type ParticipantAsk = 'pause' | 'back' | 'next' | 'presenter' | 'answered';

/** The values, for reading an argument back. */
export const PARTICIPANT_ASKS: readonly ParticipantAsk[] = ['pause', 'back', 'next', 'presenter', 'answered'];

// Words at either end that change nothing: "ok, hvornår er der pause nu?", "klikbot, who's presenting?"
const leading = new Set(['ok', 'okay', 'klikbot', 'og', 'and', 'so', 'saa', 'hey', 'hej']);
const trailing = new Set(['nu', 'now', 'egentlig', 'klikbot', 'then', 'please', 'tak']);

// The wordings, as query words (æ → ae, ø → oe, å → aa; "what's" is "what s")
const wordings: Record<ParticipantAsk, string[]> = {
  pause: [
    'hvornaar er der pause',
    'hvornaar er pausen',
    'hvornaar er naeste pause',
    'hvornaar er der naeste pause',
    'hvornaar holder vi pause',
    'hvornaar kommer pausen',
    'hvornaar bliver der pause',
    'when is the break',
    'when s the break',
    'when is the next break',
    'when is the pause',
    'when do we have a break',
    'when do we get a break',
    'when is there a break',
  ],
  back: [
    'hvornaar er vi tilbage',
    'hvornaar starter vi igen',
    'hvornaar fortsaetter vi',
    'hvornaar gaar vi i gang igen',
    'hvornaar er pausen slut',
    'hvornaar slutter pausen',
    'when are we back',
    'when do we start again',
    'when do we resume',
    'when do we continue',
    'when does the break end',
    'when is the break over',
  ],
  next: [
    'hvad er naeste punkt',
    'hvad er det naeste punkt',
    'hvad er naeste punkt paa dagsordenen',
    'hvad kommer saa',
    'hvad kommer derefter',
    'hvad kommer efter pausen',
    'what s next',
    'whats next',
    'what is next',
    'what is the next item',
    'what s the next item',
    'what comes next',
    'what comes after the break',
  ],
  presenter: [
    'hvem praesenterer',
    'hvem taler',
    'hvem har ordet',
    'hvem holder oplaegget',
    'hvem er det der taler',
    'hvem er det der praesenterer',
    'who is presenting',
    'who s presenting',
    'who presents',
    'who is speaking',
    'who s speaking',
    'who is talking',
  ],
  answered: [
    'hvor mange har svaret',
    'hvor mange har svaret paa evalueringen',
    'hvor mange har udfyldt evalueringen',
    'hvor mange har evalueret',
    'how many have answered',
    'how many answered',
    'how many have answered the evaluation',
    'how many have responded',
    'how many have filled in the evaluation',
  ],
};

const byWording = new Map<string, ParticipantAsk>(
  PARTICIPANT_ASKS.flatMap((ask) => wordings[ask].map((wording) => [wording, ask] as const)),
);

/** What the words ask about a running meeting, if they are one of a participant's short questions. */
export function participantQuestion(tokens: readonly string[]): ParticipantAsk | undefined {
  let start = 0;
  let end = tokens.length;
  while (start < end && leading.has(tokens[start]!)) start += 1;
  while (end > start && trailing.has(tokens[end - 1]!)) end -= 1;
  return byWording.get(tokens.slice(start, end).join(' '));
}
