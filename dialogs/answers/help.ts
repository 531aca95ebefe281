import type { Reply } from '../../src/core/types.js';
import type { Dialog, DialogContext } from '../types.js';
import { HOW_TO_ASPECT, type MeetingHowTo } from '../../src/understanding/meeting-requests.js';
import { dialogButton } from '../shared/buttons.js';
import { MEETING_DIALOGS } from '../names.js';
import { inert } from '../shared/text.js';
import { askButton } from '../shared/buttons.js';
import { say } from '../shared/say.js';
import { PROGRAMME_MAILBOX as MAILBOX } from '../shared/replies.js';

/**
 * What klikbot can answer, with example questions as buttons. In a group chat or channel,
 * where meetings are run, the meeting's commands come first; "hvordan starter jeg mødet?"
 * (`topic`) gets the one command asked for.
 */
export const help: Dialog = (context, args) => {
  const topic = howToTopic(args.topic);
  if (topic) return [howToReply(context, topic)];
  return [context.turn.conversation.isGroup ? groupHelp(context) : generalHelp(context)];
};

/** In a group chat or channel, where a host runs a meeting: one card that leads with the meeting's commands. */
function groupHelp(context: DialogContext): Reply {
  const meeting = meetingCommandsReply(context);
  const general = generalHelp(context);
  const rest = [general.text, ...(general.list ?? [])].join('\n');
  return {
    heading: general.heading,
    text: [meeting.text, rest].join('\n\n'),
    intro: meeting.intro,
    list: meeting.list,
    outro: [meeting.outro, rest].join('\n\n'),
    // Teams draws at most six of a card's own buttons
    buttons: [...(meeting.buttons ?? []), ...(general.buttons ?? [])].slice(0, 6),
  };
}

/** [command, what it does], Danish then English: what a host types to run a meeting here. */
const meetingCommands: [da: [string, string], en: [string, string]][] = [
  [
    ['start møde', 'starter dagens møde her; du bliver vært'],
    ['start meeting', "starts today's meeting here; you host it"],
  ],
  [
    ['næste punkt', 'går videre til næste punkt på programmet'],
    ['next item', 'moves on to the next item on the agenda'],
  ],
  [
    ['pause 10', 'holder 10 minutters pause (uden tal: så lang som programmets pause)'],
    ['break 10', "takes a 10-minute break (without a number: as long as the agenda's)"],
  ],
  [
    ['afstemning: Hvad vælger I? | A | B', 'en afstemning; »luk afstemning« lukker den'],
    ['poll: What do you choose? | A | B', 'a poll; "close poll" closes it'],
  ],
  [
    ['start evaluering', 'sender mødets evaluering ud; »luk evaluering« viser resultatet'],
    ['start evaluation', 'sends out the meeting\'s evaluation; "close evaluation" shows the result'],
  ],
  [
    ['medvært @navn', 'gør den nævnte til medvært (værten); »medvært« alene beder værten om det'],
    ['co-host @name', 'makes the person mentioned a co-host (the host); "co-host" alone asks the host'],
  ],
  [
    ['hvem er her?', 'viser fremmødet efter kommune; deltagerne melder sig med »jeg er her«'],
    ['who is here?', 'shows the roll call by municipality; participants answer it with "I\'m here"'],
  ],
  [
    ['afslut møde', 'afslutter mødet med tak og opfølgning'],
    ['end meeting', 'ends the meeting with thanks and the follow-up'],
  ],
  [
    ['forrige punkt', 'går et punkt tilbage; »gå til punkt 5« går til punkt 5'],
    ['previous item', 'goes back one item; "go to item 5" goes to item 5'],
  ],
  [
    [
      'mind os om mødet',
      'minder jer her om hvert møde 15 minutter før og ved lydtestene; »stop mødepåmindelser« stopper det',
    ],
    [
      'remind us about the meeting',
      'reminds you here of each meeting 15 minutes before and at the sound checks; "stop meeting reminders" stops it',
    ],
  ],
];

function quote(context: DialogContext, command: string): string {
  return context.language === 'da' ? `»${command}«` : `"${command}"`;
}

/** The meeting's commands, first in a group chat or channel: where a host runs a meeting. */
function meetingCommandsReply(context: DialogContext): Reply {
  const list = meetingCommands.map(([da, en]) => {
    const [command, does] = context.language === 'da' ? da : en;
    return `${quote(context, command)}: ${does}`;
  });
  const asks = say(
    context,
    'Deltagerne kan spørge »hvornår er der pause?«, »hvad er næste punkt?«, »hvem præsenterer?« og »hvor mange har svaret?«.',
    'Participants can ask "when is the break?", "what\'s next?", "who is presenting?" and "how many have answered?".',
  );
  return {
    heading: say(context, 'Møder her', 'Meetings here'),
    text: [
      say(context, 'Skriv det til mig her for at køre mødet:', 'Type this to me here to run the meeting:'),
      ...list.map((line) => `- ${line}`),
      asks,
    ].join('\n'),
    intro: say(context, 'Skriv det til mig her for at køre mødet:', 'Type this to me here to run the meeting:'),
    list,
    outro: asks,
    buttons: [
      dialogButton(say(context, 'Start møde', 'Start meeting'), MEETING_DIALOGS.start),
      dialogButton(say(context, 'Dagens program', "Today's agenda"), MEETING_DIALOGS.agenda),
    ],
  };
}

const howTos: readonly MeetingHowTo[] = ['start', 'next', 'pause', 'evaluation', 'end', 'cohost'];

function howToTopic(topic: string | undefined): MeetingHowTo | undefined {
  const asked = topic?.startsWith(HOW_TO_ASPECT) ? topic.slice(HOW_TO_ASPECT.length) : topic;
  return howTos.find((each) => each === asked);
}

const howToIndex: Record<MeetingHowTo, number> = { start: 0, next: 1, pause: 2, evaluation: 4, cohost: 5, end: 7 };

/** "Skriv »start møde« …": the one command asked for, and where to type it. */
function howToReply(context: DialogContext, topic: MeetingHowTo): Reply {
  const [da, en] = meetingCommands[howToIndex[topic]]!;
  const [command, does] = context.language === 'da' ? da : en;
  const where = context.turn.conversation.isGroup
    ? ''
    : say(
        context,
        ' i den gruppesamtale eller kanal, hvor mødet holdes',
        ' in the group chat or channel where the meeting is held',
      );
  return {
    text: say(
      context,
      `Skriv ${quote(context, command)}${where}: det ${does}.`,
      `Type ${quote(context, command)}${where}: it ${does}.`,
    ),
  };
}

function generalHelp(context: DialogContext): Reply {
  return {
    heading: say(context, 'Det kan jeg hjælpe med', 'What I can help with'),
    text: say(
      context,
      'Jeg er klikbot, KOMBIT-programlederens assistent i Monopolbrudsprogrammet. Spørg mig med dine egne ord om deadlines, KLIK-opgaver og deres trin, roller, status på BBR, hvilke systemer der bruger hvilke snitflader, SAPA-udrulningen og piloterne, strategierne for Organisation, møder og webinarer, kontakter og nyheder.',
      "I'm klikbot, the KOMBIT programme leader's assistant in the Monopolbrud programme. Ask me in your own words about deadlines, KLIK tasks and their steps, roles, the BBR status, which systems use which interfaces, the SAPA rollout and pilots, the Organisation strategies, meetings and webinars, contacts and news.",
    ),
    list: [
      say(
        context,
        'Overblikket i browseren (statustavle, fremdrift, frister og møder): skriv »dashboard«',
        'The overview in the browser (status board, progress, deadlines and meetings): write "dashboard"',
      ),
      say(
        context,
        `Det, jeg ikke kan svare på: tryk »Spørg KOMBIT« under svaret, så går spørgsmålet til KOMBITs eksperter (hvor de er sat op), ellers ${MAILBOX}`,
        `What I cannot answer: press "Ask KOMBIT" under the answer and the question goes to KOMBIT's experts (where they are set up), else ${MAILBOX}`,
      ),
    ],
    buttons: exampleButtons(context.language),
  };
}

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
