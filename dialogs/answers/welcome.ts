import type { Dialog } from '../types.js';
import { exampleButtons } from './help.js';

/**
 * The first thing klikbot says where it is installed. In Danish whatever the installer's
 * Teams language: the people in the chat are Danish programme leaders, and the example
 * buttons ask their questions as text, so each answer follows the question's language.
 */
export const welcome: Dialog = (context) => {
  const shared = context.turn.conversation.kind === 'channel' || context.turn.conversation.isGroup;
  const howToAsk = shared
    ? 'Her skal I skrive @klikbot foran spørgsmålet, så ser jeg det.'
    : 'Skriv dit spørgsmål med dine egne ord, gerne med stavefejl.';
  return [
    {
      heading: 'Velkommen til klikbot',
      text: `Hej, jeg er klikbot. Jeg svarer på spørgsmål om Monopolbrudsprogrammet: deadlines, KLIK-opgaver og deres trin, roller, status, systemer og snitflader, SAPA-udrulningen og møder. ${howToAsk}`,
      intro: `Hej, jeg er klikbot. Jeg svarer på spørgsmål om Monopolbrudsprogrammet: deadlines, KLIK-opgaver og deres trin, roller, status, systemer og snitflader, SAPA-udrulningen og møder.`,
      list: [howToAsk, 'Skriv "hjælp" for at se, hvad jeg kan.'],
      buttons: exampleButtons('da'),
    },
  ];
};
