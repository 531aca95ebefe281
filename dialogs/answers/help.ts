import type { Dialog } from '../types.js';
import { inert } from '../shared/text.js';
import { askButton } from '../shared/buttons.js';
import { say } from '../shared/say.js';
import { PROGRAMME_MAILBOX as MAILBOX } from '../shared/replies.js';

/** What klikbot can answer, with example questions as buttons. */
export const help: Dialog = (context) => [
  {
    heading: say(context, 'Det kan jeg hjælpe med', 'What I can help with'),
    text: say(
      context,
      'Jeg er klikbot, KOMBIT-programlederens assistent i Monopolbrudsprogrammet. Spørg mig med dine egne ord om deadlines, KLIK-opgaver og deres trin, roller, status på BBR, hvilke systemer der bruger hvilke snitflader, SAPA-udrulningen og piloterne, strategierne for Organisation, møder og webinarer, kontakter og nyheder.',
      "I'm klikbot, the KOMBIT programme leader's assistant in the Monopolbrud programme. Ask me in your own words about deadlines, KLIK tasks and their steps, roles, the BBR status, which systems use which interfaces, the SAPA rollout and pilots, the Organisation strategies, meetings and webinars, contacts and news.",
    ),
    list: [say(context, `Andre spørgsmål: ${MAILBOX}`, `Other questions: ${MAILBOX}`)],
    buttons: exampleButtons(context.language),
  },
];

/** Two to four questions klikbot answers well, in the asker's language. */
export function exampleButtons(language: 'da' | 'en') {
  return language === 'da'
    ? [
        askButton('Kommende deadlines', 'Hvilke deadlines kommer nu?'),
        askButton('Deadline for FK-ansvarlig', 'Hvornår er deadline for at udpege FK-ansvarlig?'),
        askButton('Trinene i BBR', 'Hvad er trinene i BBR på Adgangsstyring?'),
        askButton('Hvad laver en superbruger?'),
      ]
    : [
        askButton('Upcoming deadlines', 'Which deadlines are coming up?'),
        askButton('Steps for BBR', 'What are the steps for BBR on Adgangsstyring?'),
        askButton('What does the KOMBIT-programleder do?'),
      ];
}

/** The honest "I don't know", with questions that do work and where to ask a person. */
export const notUnderstood: Dialog = (context) => [
  {
    text: say(
      context,
      `Det ved jeg ikke. Jeg kender deadlines, KLIK-opgaver, roller, status, systemer, SAPA-udrulningen, møder og nyheder fra Monopolbrudsprogrammet. Andre spørgsmål: ${MAILBOX}.`,
      `I don't know that. I know the deadlines, KLIK tasks, roles, status, systems, the SAPA rollout, meetings and news of the Monopolbrud programme. Other questions: ${MAILBOX}.`,
    ),
    buttons: exampleButtons(context.language).slice(0, 3),
    notKnown: true,
  },
];

/** One question of several in a message that klikbot cannot answer, named so the others' answers stand apart. */
export const partNotUnderstood: Dialog = (context, args) => {
  const part = inert((args.part ?? '').slice(0, 200));
  return [
    {
      text: say(
        context,
        `Til »${part}«: det ved jeg ikke. Spørg KOMBIT på ${MAILBOX}.`,
        `On "${part}": I don't know that. Ask KOMBIT at ${MAILBOX}.`,
      ),
      notKnown: true,
    },
  ];
};
