import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { ZONE } from '../../src/clock.js';
import { textField, type Reply } from '../../src/core/types.js';
import { TEXT_MAX, TITLE_MAX, type Broadcast } from '../../src/state/broadcasts.js';
import { personOfTurn, dayText } from '../shared/people.js';
import { administers } from '../membership/acting-for.js';
import { BROADCAST_DIALOGS } from '../names.js';
import { dialogButton } from '../shared/buttons.js';
import { notice } from '../shared/replies.js';
import { say } from '../shared/say.js';
import { inert } from '../shared/text.js';
import type { ActionDialog, DialogContext } from '../types.js';
import { AUDIENCE_KINDS, audienceText, conversationsOf, readAudience } from './audience.js';
import { conversationsText, notHere, onlyAdministrators } from './common.js';

/** "ny nyhed": the form for a news item: title, text, an optional link, who gets it, and when. */
export const broadcastCompose: ActionDialog = async (context, _args, services) => {
  if (!services.broadcasts) return notHere(context);
  if (!administers(context, services)) return onlyAdministrators(context);
  const kinds: Record<(typeof AUDIENCE_KINDS)[number], [string, string]> = {
    all: ['Alle samtaler, klikbot er i', 'Every conversation klikbot is in'],
    municipalities: ['Bestemte kommuner (skriv dem nedenfor)', 'Certain municipalities (write them below)'],
    group: ['En SAPA-gruppe (skriv nummeret nedenfor)', 'A SAPA group (write its number below)'],
    'not-done': [
      'Dem, der ikke er færdige med en opgave (skriv den nedenfor)',
      'Those not done with a task (write it below)',
    ],
  };
  return [
    {
      text: say(
        context,
        'Skriv nyheden. Du får den at se, som modtagerne vil se den, før noget sendes.',
        'Write the news. You see it as its readers will before anything is sent.',
      ),
      form: {
        id: 'broadcast',
        title: say(context, 'Ny nyhed', 'New news item'),
        submitLabel: say(context, 'Vis forhåndsvisning', 'Preview'),
        fields: [
          textField({ id: 'title', label: say(context, 'Overskrift', 'Title'), maxLength: TITLE_MAX }),
          textField({
            id: 'text',
            label: say(context, 'Tekst (links som [tekst](https://…))', 'Text (links as [text](https://…))'),
            maxLength: TEXT_MAX,
            multiline: true,
          }),
          textField({
            id: 'linkLabel',
            label: say(context, 'Knap: tekst (kan udelades)', 'Button: label (optional)'),
            maxLength: 40,
            optional: true,
          }),
          textField({
            id: 'linkUrl',
            label: say(context, 'Knap: https-adresse (kan udelades)', 'Button: https address (optional)'),
            maxLength: 500,
            optional: true,
          }),
          {
            id: 'audience',
            label: say(context, 'Modtagere', 'Audience'),
            options: AUDIENCE_KINDS.map((kind) => ({ value: kind, label: say(context, ...kinds[kind]) })),
          },
          textField({
            id: 'detail',
            label: say(context, 'Kommuner, gruppe eller opgave', 'Municipalities, group or task'),
            maxLength: 500,
            optional: true,
          }),
          textField({
            id: 'when',
            label: say(
              context,
              'Hvornår (tomt: nu; ellers fx 10.09.2018 09:00)',
              'When (empty: now; else e.g. 10.09.2018 09:00)',
            ),
            maxLength: 40,
            optional: true,
          }),
        ],
        submit: { dialog: BROADCAST_DIALOGS.draft, args: {} },
        open: { dialog: BROADCAST_DIALOGS.compose, args: {} },
      },
    },
  ];
};

const draftArgs = z.object({
  title: z.string().trim().max(10_000).optional(),
  text: z.string().trim().max(100_000).optional(),
  linkLabel: z.string().trim().max(10_000).optional(),
  linkUrl: z.string().trim().max(10_000).optional(),
  audience: z.enum(AUDIENCE_KINDS).optional(),
  detail: z.string().trim().max(10_000).optional(),
  when: z.string().trim().max(10_000).optional(),
});

/** When to send: now for an empty field, else a day and time, Copenhagen, not in the past. */
function readWhen(
  context: DialogContext,
  when: string | undefined,
): { ok: true; at: string } | { ok: false; why: string } {
  const now = context.turn.now;
  if (!when || /^(nu|now)$/i.test(when)) return { ok: true, at: now.toUTC().toISO() ?? '' };
  const formats = ['dd.MM.yyyy HH:mm', 'd.M.yyyy HH:mm', 'yyyy-MM-dd HH:mm', "yyyy-MM-dd'T'HH:mm", 'd/M/yyyy HH:mm'];
  const at = formats.map((format) => DateTime.fromFormat(when, format, { zone: ZONE })).find((one) => one.isValid);
  if (!at || at < now.minus({ minutes: 1 }))
    return {
      ok: false,
      why: say(
        context,
        'Skriv hvornår som fx 10.09.2018 09:00, og ikke før nu.',
        'Write when as e.g. 10.09.2018 09:00, and not before now.',
      ),
    };
  return { ok: true, at: at.toUTC().toISO() ?? '' };
}

/** The first problem with what was written, if any: each field's limit, and the link an https address. */
function fieldProblem(context: DialogContext, fields: z.infer<typeof draftArgs>): string | undefined {
  if (!fields.title || !fields.text)
    return say(context, 'Skriv både overskrift og tekst.', 'Write both a title and a text.');
  if (fields.title.length > TITLE_MAX)
    return say(
      context,
      `Overskriften har plads til ${TITLE_MAX} tegn.`,
      `The title has room for ${TITLE_MAX} characters.`,
    );
  if (fields.text.length > TEXT_MAX)
    return say(context, `Teksten har plads til ${TEXT_MAX} tegn.`, `The text has room for ${TEXT_MAX} characters.`);
  if (Boolean(fields.linkLabel) !== Boolean(fields.linkUrl))
    return say(context, 'En knap skal have både tekst og adresse.', 'A button needs both a label and an address.');
  if (fields.linkUrl && !z.url({ protocol: /^https$/ }).safeParse(fields.linkUrl).success)
    return say(
      context,
      'Knappens adresse skal være en https-adresse.',
      "The button's address must be an https address.",
    );
  if (fields.linkLabel && fields.linkLabel.length > 40)
    return say(context, 'Knappens tekst har plads til 40 tegn.', "The button's label has room for 40 characters.");
  return undefined;
}

/** The news as its readers get it. */
export function newsReply(broadcast: Pick<Broadcast, 'title' | 'text' | 'link'>): Reply {
  return {
    heading: `📣 ${inert(broadcast.title)}`,
    text: `📣 ${inert(broadcast.title)}\n\n${broadcast.text}`,
    intro: broadcast.text,
    source: 'KOMBIT',
    // a bracket or space in the address would end the link early: written encoded
    ...(broadcast.link
      ? {
          outro: `[${inert(broadcast.link.label)}](${broadcast.link.url.replace(/[()\s]/g, (char) => encodeURIComponent(char))})`,
        }
      : {}),
  };
}

/** The form's submit: the news kept as a draft, shown as it will look, with who gets it and "Send". */
export const broadcastDraft: ActionDialog = async (context, args, services) => {
  const broadcasts = services.broadcasts;
  if (!broadcasts) return notHere(context);
  if (!administers(context, services)) return onlyAdministrators(context);
  const parsed = draftArgs.safeParse(args);
  if (!parsed.success)
    return notice(
      say(context, 'Den formular kan jeg ikke læse. Intet er gemt.', 'I cannot read that form. Nothing was saved.'),
    );
  const problem = fieldProblem(context, parsed.data);
  const audience = readAudience(context, parsed.data.audience ?? 'all', parsed.data.detail ?? '');
  const when = readWhen(context, parsed.data.when);
  const why = problem ?? (audience.ok ? undefined : audience.why) ?? (when.ok ? undefined : when.why);
  if (why || !audience.ok || !when.ok)
    return notice(
      `${why ?? ''} ${say(context, 'Intet er gemt; skriv "ny nyhed" for at prøve igen.', 'Nothing was saved; write "ny nyhed" to try again.')}`,
    );
  const { title, text, linkLabel, linkUrl } = parsed.data;
  const broadcast: Broadcast = {
    id: randomUUID(),
    title: title!,
    text: text!,
    ...(linkLabel && linkUrl ? { link: { label: linkLabel, url: linkUrl } } : {}),
    audience: audience.audience,
    by: personOfTurn(context.turn),
    createdAt: context.turn.now.toUTC().toISO() ?? '',
    sendAt: when.at,
    state: 'draft',
    deliveries: [],
  };
  await broadcasts.repository.draft(broadcast);
  const reach = conversationsOf(context.knowledge, services, audience.audience).length;
  const at = DateTime.fromISO(when.at).setZone(ZONE);
  const whenText =
    at <= context.turn.now
      ? say(context, 'nu', 'now')
      : `${dayText(when.at, context.language)} ${at.toFormat('HH.mm')}`;
  const args2 = { id: broadcast.id };
  return [
    { ...newsReply(broadcast), notice: true },
    {
      text: say(
        context,
        `Sådan ser nyheden ud. Den går til ${audienceText(context, audience.audience)}: ${conversationsText(context, reach)} nu. Sendes: ${whenText}.`,
        `This is how the news looks. It goes to ${audienceText(context, audience.audience)}: ${conversationsText(context, reach)} now. Sent: ${whenText}.`,
      ),
      buttons: [
        { ...dialogButton(say(context, 'Send', 'Send'), BROADCAST_DIALOGS.send, args2), replacesCard: true },
        { ...dialogButton(say(context, 'Annullér', 'Cancel'), BROADCAST_DIALOGS.cancel, args2), replacesCard: true },
      ],
    },
  ];
};
