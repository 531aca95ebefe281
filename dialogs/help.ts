import { askButton, say, type Dialog } from './context.js';

const MAILBOX = 'mbprogrammet@kombit.dk';

/** What klikbot can answer, with example questions as buttons. */
export const help: Dialog = (context) => [
  {
    heading: say(context, 'Det kan jeg hjælpe med', 'What I can help with'),
    text: say(
      context,
      'Jeg er klikbot, KOMBIT-programlederens assistent i Monopolbrudsprogrammet. Spørg mig om kommende deadlines, deadline for en KLIK-opgave, trinene i en opgave og hvad en rolle i rollegalleriet laver.',
      "I'm klikbot, the KOMBIT programme leader's assistant in the Monopolbrud programme. Ask me about upcoming deadlines, a KLIK task's deadline, a task's steps and what a role in the role gallery does.",
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
      `Det ved jeg ikke. Jeg kender deadlines, KLIK-opgaver og deres trin og rollerne i Monopolbrudsprogrammet. Andre spørgsmål: ${MAILBOX}.`,
      `I don't know that. I know the deadlines, KLIK tasks and their steps, and the roles in the Monopolbrud programme. Other questions: ${MAILBOX}.`,
    ),
    buttons: exampleButtons(context.language).slice(0, 3),
  },
];
