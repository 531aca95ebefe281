import type { ConversationKey } from '../../src/core/address.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { statusTasks } from '../../src/knowledge/queries/find.js';
import { foldDanish } from '../../src/knowledge/text.js';
import type { Audience } from '../../src/state/broadcasts.js';
import type { DeepReadonly } from '../../src/state/schema.js';
import { municipalityNameOf, resolveMunicipality } from '../membership/acting-for.js';
import { say } from '../shared/say.js';
import type { ActionServices, DialogContext } from '../types.js';

/** The audience kinds the form offers. */
export const AUDIENCE_KINDS = ['all', 'municipalities', 'group', 'not-done'] as const;

/** The channel of a person's turns, for the stored conversation's channel name ("msteams" is Teams). */
const personChannels: Record<string, string> = {
  msteams: 'teams',
  slack: 'slack',
  webchat: 'web',
  emulator: 'emulator',
};

/** The municipality a stored conversation belongs to: its link, else (a 1:1 chat) its person's membership. */
function municipalityOfConversation(
  services: ActionServices,
  conversation: { channel: string; conversationId: string; userId?: string | undefined },
): string | undefined {
  const linked = services.memberships.conversationLink(conversation.channel, conversation.conversationId);
  if (linked) return linked.municipalityId;
  if (!conversation.userId) return undefined;
  const channel = personChannels[conversation.channel] ?? conversation.channel;
  return services.memberships.get(channel, conversation.userId)?.municipalityId;
}

/** The municipalities an audience names (undefined: every conversation, whoever it belongs to). */
function municipalitiesOf(
  knowledge: Knowledge,
  services: ActionServices,
  audience: DeepReadonly<Audience>,
): ReadonlySet<string> | undefined {
  if (audience.kind === 'all') return undefined;
  if (audience.kind === 'municipalities') return new Set(audience.municipalityIds);
  if (audience.kind === 'group') {
    const group = knowledge.sapaRollout.find((record) => record.kind === 'group' && record.number === audience.group);
    return new Set(group && group.kind === 'group' ? group.members : []);
  }
  return new Set(
    knowledge.municipalities
      .map((municipality) => municipality.id)
      .filter((id) => services.statuses.current(id, audience.taskId, audience.step) !== 'done'),
  );
}

/** The stored conversations (not known to be gone) an audience reaches, now. */
export function conversationsOf(
  knowledge: Knowledge,
  services: ActionServices,
  audience: DeepReadonly<Audience>,
): ConversationKey[] {
  const conversations = services.broadcasts?.conversations() ?? [];
  const wanted = municipalitiesOf(knowledge, services, audience);
  return conversations
    .filter((conversation) => !conversation.dead)
    .filter((conversation) => {
      if (!wanted) return true;
      const municipality = municipalityOfConversation(services, conversation);
      return municipality !== undefined && wanted.has(municipality);
    })
    .map((conversation) => ({ channel: conversation.channel, conversationId: conversation.conversationId }));
}

/** The audience in words: "alle samtaler", "Aarhus og Køge", "SAPA-gruppe 3", "dem, der ikke er færdige med BBR trin 3". */
export function audienceText(context: DialogContext, audience: DeepReadonly<Audience>): string {
  if (audience.kind === 'all') return say(context, 'alle samtaler, klikbot er i', 'every conversation klikbot is in');
  if (audience.kind === 'municipalities')
    return audience.municipalityIds.map((id) => municipalityNameOf(context.knowledge, id)).join(', ');
  if (audience.kind === 'group') return say(context, `SAPA-gruppe ${audience.group}`, `SAPA group ${audience.group}`);
  const task = context.knowledge.tasks.find((one) => one.id === audience.taskId);
  const step = audience.step === undefined ? '' : say(context, ` trin ${audience.step}`, ` step ${audience.step}`);
  const name = `${task?.title ?? audience.taskId}${step}`;
  return say(context, `kommuner, der ikke er færdige med ${name}`, `municipalities not done with ${name}`);
}

/** An audience read from the form, or why it cannot be. */
export type AudienceRead = { ok: true; audience: Audience } | { ok: false; why: string };

function municipalitiesRead(context: DialogContext, detail: string): AudienceRead {
  const names = detail
    .split(/\s*(?:,|;|\bog\b|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter(Boolean);
  const found = names.map((name) => ({ name, municipality: resolveMunicipality(context.knowledge, name) }));
  const unknown = found.filter((one) => !one.municipality).map((one) => one.name);
  if (names.length === 0 || unknown.length > 0)
    return {
      ok: false,
      why: say(
        context,
        `Skriv kommunerne i feltet under modtagerne, adskilt af komma${unknown.length ? `; disse kender jeg ikke: ${unknown.join(', ')}` : ''}.`,
        `Write the municipalities in the field below the audience, separated by commas${unknown.length ? `; I do not know these: ${unknown.join(', ')}` : ''}.`,
      ),
    };
  return {
    ok: true,
    audience: { kind: 'municipalities', municipalityIds: [...new Set(found.map((one) => one.municipality!.id))] },
  };
}

function groupRead(context: DialogContext, detail: string): AudienceRead {
  const numbers = context.knowledge.sapaRollout.flatMap((record) => (record.kind === 'group' ? [record.number] : []));
  const number = Number(/^\s*(\d{1,2})\s*$/.exec(detail)?.[1]);
  if (!numbers.includes(number))
    return {
      ok: false,
      why: say(
        context,
        `Skriv en gruppes nummer: ${numbers.join(', ')}.`,
        `Write a group's number: ${numbers.join(', ')}.`,
      ),
    };
  return { ok: true, audience: { kind: 'group', group: number } };
}

function notDoneRead(context: DialogContext, detail: string): AudienceRead {
  const folded = foldDanish(detail.toLowerCase());
  const step = Number(/\b(?:trin|step)\s*(\d{1,2})\b/.exec(folded)?.[1]) || undefined;
  const name = folded.replace(/\b(?:trin|step)\s*\d{1,2}\b/, '').trim();
  const tasks = statusTasks(context.knowledge).filter(
    (task) => name.length >= 2 && (task.id === name || foldDanish(task.title.toLowerCase()).includes(name)),
  );
  const task = tasks.length === 1 ? tasks[0] : undefined;
  if (!task || (step !== undefined && !task.steps.some((one) => one.number === step)))
    return {
      ok: false,
      why: say(
        context,
        `Skriv én opgave med status, evt. med trin: fx "BBR trin 3" eller "Udpeg FK-ADM".`,
        `Write one task with a status, with its step if you like: e.g. "BBR step 3" or "Udpeg FK-ADM".`,
      ),
    };
  return { ok: true, audience: { kind: 'not-done', taskId: task.id, ...(step !== undefined ? { step } : {}) } };
}

/** The audience from the form's choice and the detail written below it. */
export function readAudience(context: DialogContext, kind: string, detail: string): AudienceRead {
  if (kind === 'municipalities') return municipalitiesRead(context, detail);
  if (kind === 'group') return groupRead(context, detail);
  if (kind === 'not-done') return notDoneRead(context, detail);
  return { ok: true, audience: { kind: 'all' } };
}
