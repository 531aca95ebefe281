import { z } from 'zod';
import type { Reply, ReplyButton } from '../../src/core/types.js';
import { municipalityNameOf } from '../membership/acting-for.js';
import type { ActionDialog, ActionServices, DialogContext } from '../types.js';
import { inert } from '../shared/text.js';
import { say } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { notice, privately } from '../shared/replies.js';
import { MEETING_DIALOGS } from '../names.js';
import { activeSession, isHost, sessionKey, type Session, type WithMeetings } from './host.js';

/**
 * The roll call of a meeting run here: each participant says "jeg er her" (or presses the
 * button) once; the host, a co-host or an administrator sees how many are here from each
 * municipality. Counts are by the person's verified membership as it is when asked, so
 * someone verified during the meeting is counted with their municipality.
 */

const attendanceArgs = z.object({ names: z.literal('1').optional() });

/** "Jeg er her". */
export function hereButton(context: DialogContext): ReplyButton[] {
  return [dialogButton(say(context, 'Jeg er her', "I'm here"), MEETING_DIALOGS.here)];
}

/** The small card posted with the start: the roll call's button, and the host's to see it. */
export function rollCallCard(context: DialogContext): Reply {
  return {
    heading: say(context, '🙋 Fremmøde', '🙋 Roll call'),
    text: say(
      context,
      "Skriv 'jeg er her' eller tryk på knappen, så værten kan se, hvem der er med.",
      "Type 'I'm here' or press the button, so the host can see who is here.",
    ),
    buttons: [
      ...hereButton(context),
      dialogButton(say(context, 'Fremmøde (værten)', 'Roll call (host)'), MEETING_DIALOGS.attendance),
    ],
    broadcast: true,
  };
}

function noMeetingReply(context: DialogContext): Reply[] {
  return notice(
    say(
      context,
      'Der kører intet møde her lige nu, så der er intet fremmøde at melde sig til.',
      'No meeting is running here now, so there is no roll call.',
    ),
  );
}

/** The verified municipality of a person present, else undefined ("uden kommune"). */
function municipalityOf(services: ActionServices, person: { channel: string; userId: string }): string | undefined {
  const membership = services.memberships.get(person.channel, person.userId);
  return membership?.state === 'verified' ? membership.municipalityId : undefined;
}

/** "jeg er her": counts the person once at the meeting running here. */
export const meetingHere: ActionDialog = async (context, _args, services: WithMeetings) => {
  const sessions = services.meetings?.sessions;
  const session = sessions ? activeSession(context, sessions) : undefined;
  if (!sessions || !session) return noMeetingReply(context);
  const { turn } = context;
  const person = {
    channel: turn.conversation.channel,
    userId: turn.user.id,
    ...(turn.user.name ? { name: turn.user.name } : {}),
  };
  const outcome = await sessions.markPresent(sessionKey(context), session.startedAt, person);
  if (outcome === 'gone') return noMeetingReply(context);
  const municipality = municipalityOf(services, person);
  const from = municipality
    ? say(
        context,
        ` for ${municipalityNameOf(context.knowledge, municipality)}`,
        ` for ${municipalityNameOf(context.knowledge, municipality)}`,
      )
    : say(
        context,
        " (uden kommune: skriv 'kommune <navn>' for at blive talt med din kommune)",
        " (no municipality: type 'kommune <name>' to be counted with yours)",
      );
  if (outcome === 'already')
    return notice(say(context, `Du er allerede noteret som til stede${from}.`, `You are already counted${from}.`));
  return notice(say(context, `Tak — du er noteret som til stede${from}.`, `Thank you — you are counted${from}.`));
};

/** The people present, grouped by municipality name ("uden kommune" last), most first. */
function groups(
  context: DialogContext,
  services: ActionServices,
  session: Session,
): { name: string; people: string[] }[] {
  const without = say(context, 'uden kommune', 'no municipality');
  const byName = new Map<string, string[]>();
  for (const person of session.present ?? []) {
    const id = municipalityOf(services, person);
    const name = id ? municipalityNameOf(context.knowledge, id) : without;
    byName.set(name, [...(byName.get(name) ?? []), person.name ? inert(person.name) : person.userId]);
  }
  return [...byName.entries()]
    .map(([name, people]) => ({ name, people }))
    .sort(
      (a, b) =>
        Number(a.name === without) - Number(b.name === without) ||
        b.people.length - a.people.length ||
        a.name.localeCompare(b.name, 'da'),
    );
}

/** "hvem er her?", "fremmøde": how many are here from each municipality; for the host, a co-host or an administrator. */
export const meetingAttendance: ActionDialog = async (context, args, services: WithMeetings) => {
  const sessions = services.meetings?.sessions;
  const session = sessions ? activeSession(context, sessions) : undefined;
  if (!session) return noMeetingReply(context);
  if (!isHost(context, session, services))
    return notice(
      say(
        context,
        "Kun værten, en medvært eller en administrator kan se fremmødet. Skriv 'jeg er her' for at melde dig.",
        "Only the host, a co-host or an administrator can see the roll call. Type 'I'm here' to be counted.",
      ),
      { buttons: hereButton(context) },
    );
  const names = attendanceArgs.safeParse(args).data?.names === '1';
  const list = groups(context, services, session);
  const total = session.present?.length ?? 0;
  const counted = list.filter((group) => group.name !== say(context, 'uden kommune', 'no municipality')).length;
  const text = say(
    context,
    `${total} har meldt sig til stede, fra ${counted} ${counted === 1 ? 'kommune' : 'kommuner'}.`,
    `${total} ${total === 1 ? 'has' : 'have'} said they are here, from ${counted} ${counted === 1 ? 'municipality' : 'municipalities'}.`,
  );
  const lines = list.map(
    (group) => `${group.name}: ${group.people.length}${names ? ` (${group.people.join(', ')})` : ''}`,
  );
  // names are for the host alone; counts may stand in the conversation as a short notice
  return notice([text, ...lines.map((line) => `- ${line}`)].join('\n'), {
    heading: say(context, '🙋 Fremmøde', '🙋 Roll call'),
    intro: text,
    summary: text,
    list: lines,
    ...(names ? { private: privately(context) } : {}),
  });
};
