import { z } from 'zod';
import { actorOf } from '../membership/acting-for.js';
import type { Reply } from '../../src/core/types.js';
import type { ActionDialog } from '../types.js';
import { inert } from '../shared/text.js';
import { activeSession, isHost, notHostReply, sessionKey, type WithMeetings } from './host.js';
import { say } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { notice } from '../shared/replies.js';
import { MEETING_DIALOGS } from '../names.js';

const approveArgs = z.object({
  channel: z.string().min(1).max(20),
  userId: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  startedAt: z.string().min(1).max(40),
});

/**
 * "medvært": asks to run the meeting going on here with its host. The request is posted for
 * everyone, with a button only the host (or an administrator) can use: no one becomes co-host
 * by their own word.
 */
export const meetingCohostRequest: ActionDialog = async (context, _args, services: WithMeetings) => {
  const sessions = services.meetings?.sessions;
  const session = sessions ? activeSession(context, sessions) : undefined;
  if (!session)
    return notice(
      say(
        context,
        'Der kører intet møde her lige nu, så der er ingen at være medvært for.',
        'No meeting is running here now, so there is nothing to co-host.',
      ),
    );
  if (isHost(context, session, services))
    return notice(say(context, 'Du leder allerede mødet her.', 'You already run the meeting here.'));
  const { turn } = context;
  const who = turn.user.name ? inert(turn.user.name) : say(context, 'En deltager', 'A participant');
  const host = session.startedBy.name ? inert(session.startedBy.name) : say(context, 'værten', 'the host');
  const args = {
    channel: turn.conversation.channel,
    userId: turn.user.id,
    ...(turn.user.name ? { name: turn.user.name } : {}),
    startedAt: session.startedAt,
  };
  return [
    {
      text: say(
        context,
        `${who} vil gerne være medvært for mødet: skifte punkt, holde pause, starte og lukke evalueringen og lukke afstemninger. Kun ${host} eller en administrator kan godkende det.`,
        `${who} would like to co-host the meeting: move on, pause, start and close the evaluation and close polls. Only ${host} or an administrator can approve it.`,
      ),
      buttons: [
        {
          ...dialogButton(say(context, 'Godkend medvært', 'Approve co-host'), MEETING_DIALOGS.cohostApprove, args),
          replacesCard: true,
        },
      ],
      broadcast: true,
    },
  ];
};

/** The host (or an administrator) lets the person who asked co-host the meeting still running here. */
export const meetingCohostApprove: ActionDialog = async (context, args, services: WithMeetings) => {
  const parsed = approveArgs.safeParse(args);
  const sessions = services.meetings?.sessions;
  if (!parsed.success || !sessions)
    return notice(
      say(context, 'Den knap kan jeg ikke læse. Intet er ændret.', 'I cannot read that button. Nothing was changed.'),
    );
  const session = activeSession(context, sessions);
  if (session && !isHost(context, session, services)) return notHostReply(context, session);
  const { channel, userId, name, startedAt } = parsed.data;
  const outcome = session
    ? await sessions.addCoHost(sessionKey(context), startedAt, {
        channel,
        userId,
        ...(name ? { name } : {}),
        conversationId: actorOf(context.turn).conversationId,
      })
    : 'gone';
  if (outcome === 'gone')
    return notice(
      say(
        context,
        'Det møde, anmodningen gjaldt, kører ikke længere her. Intet er ændret.',
        'The meeting the request was about no longer runs here. Nothing was changed.',
      ),
    );
  const who = name ? inert(name) : say(context, 'Deltageren', 'The participant');
  if (outcome === 'already')
    return notice(say(context, `${who} leder allerede mødet.`, `${who} already runs the meeting.`));
  return [
    { text: say(context, `${who} er nu medvært for mødet.`, `${who} now co-hosts the meeting.`), broadcast: true },
  ];
};

/** The refusal when nobody, or nobody klikbot can tell, is named: how to write it. */
function nameSomeone(context: Parameters<ActionDialog>[0], mention?: string): Reply[] {
  const named = mention ? inert(mention) : undefined;
  return notice(
    named
      ? say(
          context,
          `Jeg kan ikke se, hvem ${named} er. Bed personen skrive "medvært" her, så kan du godkende det. Intet er ændret.`,
          `I cannot tell who ${named} is. Ask them to write "co-host" here, and you can approve it. Nothing was changed.`,
        )
      : say(
          context,
          'Nævn den, der skal være medvært: "medvært @navn". Intet er ændret.',
          'Mention the person who is to co-host: "co-host @name". Nothing was changed.',
        ),
  );
}

/**
 * "medvært @navn": the host (a co-host, an administrator) names a co-host of the meeting
 * running here. The person is the one the channel says was @mentioned, never a name typed as
 * text: a name is not an identity.
 */
export const meetingCohostAppoint: ActionDialog = async (context, _args, services: WithMeetings) => {
  const sessions = services.meetings?.sessions;
  const session = sessions ? activeSession(context, sessions) : undefined;
  if (!sessions || !session)
    return notice(
      say(
        context,
        'Der kører intet møde her lige nu, så der er ingen at være medvært for.',
        'No meeting is running here now, so there is nothing to co-host.',
      ),
    );
  if (!isHost(context, session, services)) return notHostReply(context, session);
  const [mention] = context.turn.mentions ?? [];
  const person = mention ? await mention.identify() : undefined;
  // a mention that came as plain text (Slack's /klik) names someone klikbot cannot tell
  const typed = /@\S.*$/.exec(context.turn.text)?.[0];
  if (!person) return nameSomeone(context, mention?.name ?? typed);
  const outcome = await sessions.addCoHost(sessionKey(context), session.startedAt, {
    channel: context.turn.conversation.channel,
    userId: person.id,
    ...(person.name ? { name: person.name } : {}),
    conversationId: actorOf(context.turn).conversationId,
  });
  const who = person.name ? inert(person.name) : say(context, 'Den nævnte', 'The person mentioned');
  if (outcome === 'gone') return notice(say(context, 'Mødet her er afsluttet.', 'The meeting here has ended.'));
  if (outcome === 'already')
    return notice(say(context, `${who} leder allerede mødet.`, `${who} already runs the meeting.`));
  const by = context.turn.user.name ? inert(context.turn.user.name) : say(context, 'værten', 'the host');
  return [
    {
      text: say(
        context,
        `${who} er nu medvært for mødet (udpeget af ${by}): kan skifte punkt, holde pause, starte og lukke evalueringen og lukke afstemninger.`,
        `${who} now co-hosts the meeting (named by ${by}): can move on, pause, start and close the evaluation and close polls.`,
      ),
      broadcast: true,
    },
  ];
};
