import type { Understanding } from './types.js';

// "kan du hjælpe?", "hvad kan jeg spørge om?", "hvordan går jeg videre?", "mange tak": help,
// greetings and thanks are short or speak to klikbot or of what the asker does with it;
// "kan Mimi Rasmussen hjælpe os med vores IdP?" asks about someone else
const botWords = new Set([
  'du',
  'dig',
  'din',
  'klikbot',
  'bot',
  'you',
  'your',
  'spoerge',
  'ask',
  'tak',
  'thanks',
  'thank',
  'hej',
  'hi',
  'hello',
]);
const howDoI = /^(hvordan|how)$/;
const shortGreeting = 4;

/** Help as help only where it is about klikbot; otherwise not understood, for the other readings. */
export function aboutTheBot(read: Understanding, tokens: string[]): Understanding {
  if (read.intent !== 'help' || tokens.length <= shortGreeting || tokens.some((token) => botWords.has(token)))
    return read;
  if (tokens.some((token) => howDoI.test(token)) && tokens.some((token) => token === 'jeg' || token === 'i'))
    return read;
  return { ...read, intent: 'unknown', confidence: 0 };
}
