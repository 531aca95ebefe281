import { addressOf } from '../../src/core/address.js';
import type { Reply } from '../../src/core/types.js';
import { notice } from '../shared/replies.js';
import { say } from '../shared/say.js';
import type { ActionDialog, DialogContext } from '../types.js';
import { notHere } from './common.js';
import { dayText, nameOf, personOfTurn } from '../shared/people.js';
import { administers } from '../membership/acting-for.js';
import { postToExperts } from './delivery.js';

/** How many open questions are posted to a newly designated conversation at once; the timed work posts the rest. */
const POST_AT_ONCE = 10;

function onlyAdministrators(context: DialogContext): Reply[] {
  return notice(
    say(
      context,
      'Kun en administrator kan udpege KOMBITs ekspertsamtale. Intet er ændret.',
      "Only an administrator can designate KOMBIT's expert conversation. Nothing was changed.",
    ),
  );
}

/**
 * "eksperter her" makes this channel the one where KOMBIT's experts take the questions klikbot
 * cannot answer (open questions move with it); "eksperter ingen" ends that, and "I don't know"
 * names the mailbox again; "eksperter hvor" says where it is. Administrators only: the experts see
 * who asked.
 */
export const askKombitExperts: ActionDialog = async (context, args, services) => {
  const ask = services.askKombit;
  if (!ask) return notHere(context);
  const { turn } = context;
  if (!administers(context, services)) return onlyAdministrators(context);
  const current = ask.questions.experts();
  if (args.show === 'true') {
    if (!current)
      return notice(
        say(
          context,
          "Der er ingen ekspertsamtale. Skriv 'eksperter her' i den kanal, hvor KOMBITs eksperter skal tage imod spørgsmål.",
          "There is no expert conversation. Write 'eksperter her' in the channel where KOMBIT's experts are to take questions.",
        ),
      );
    const here = addressOf(turn);
    const isHere = here.channel === current.channel && here.conversationId === current.conversationId;
    const by = nameOf(current.designatedBy);
    const day = dayText(current.designatedAt, context.language);
    return notice(
      isHere
        ? say(context, `Det er her: udpeget af ${by} ${day}.`, `It is here: designated by ${by} on ${day}.`)
        : say(
            context,
            `Ekspertsamtalen er en ${current.channel}-kanal, udpeget af ${by} ${day}.`,
            `The expert conversation is a ${current.channel} channel, designated by ${by} on ${day}.`,
          ),
    );
  }
  if (args.off === 'true') {
    if (!current || !(await ask.questions.undesignate(current)))
      return notice(say(context, 'Der var ingen ekspertsamtale.', 'There was no expert conversation.'));
    return [
      {
        text: say(
          context,
          'Der er nu ingen ekspertsamtale: når jeg ikke kender svaret, henviser jeg til mbprogrammet@kombit.dk. Spørgsmål, der allerede er sendt, kan stadig besvares.',
          'There is now no expert conversation: when I do not know, I point to mbprogrammet@kombit.dk. Questions already sent can still be answered.',
        ),
        broadcast: true,
      },
    ];
  }
  if (turn.conversation.kind === 'personal' && services.localTrusted !== true)
    return notice(
      say(
        context,
        'Ekspertsamtalen skal være en kanal, som KOMBITs eksperter deler, ikke en 1:1-chat. Skriv det i kanalen.',
        "The expert conversation must be a channel KOMBIT's experts share, not a 1:1 chat. Write it in the channel.",
      ),
    );
  const place = addressOf(turn);
  const { moved } = await ask.questions.designate(place, personOfTurn(turn));
  const open = ask.questions
    .all()
    .filter((question) => question.answer === undefined && question.postedAt === undefined);
  for (const question of open.slice(0, POST_AT_ONCE)) await postToExperts(context.knowledge, ask, question);
  const movedText =
    moved > 0
      ? say(context, ` ${moved} åbne spørgsmål er flyttet hertil.`, ` ${moved} open questions have moved here.`)
      : '';
  return [
    {
      text: say(
        context,
        `Her tager KOMBITs eksperter nu imod de spørgsmål, jeg ikke kan svare på: hvert kommer som et kort med "Jeg tager den" og "Svar", og svaret går tilbage til den, der spurgte.${movedText}`,
        `KOMBIT's experts now take the questions I cannot answer here: each comes as a card with "I'll take it" and "Answer", and the answer goes back to whoever asked.${movedText}`,
      ),
      broadcast: true,
    },
  ];
};
