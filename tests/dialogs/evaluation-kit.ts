import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { beforeEach, expect } from 'vitest';
import type { DialogContext, ActionServices } from '../../dialogs/types.js';
import { evaluationDialogsByName } from '../../dialogs/evaluations/index.js';
import type { ChannelKind, Reply } from '../../src/core/types.js';
import { EvaluationRepository } from '../../src/state/evaluations.js';
import { personContext, useActionKit, type ActionKit } from './action-kit.js';
import type { EvaluationServices } from '../../dialogs/evaluations/access.js';

/** The action kit with an evaluation repository in its services, as src/main.ts wires it. */
export interface EvaluationKit extends ActionKit {
  services: ActionServices & Required<EvaluationServices>;
}

/** A fresh state per test with evaluations switched on; the clock stands at 6 September 2018 10.00. */
export function useEvaluationKit(): EvaluationKit {
  const kit = useActionKit() as EvaluationKit;
  beforeEach(() => {
    kit.services = { ...kit.services, evaluations: new EvaluationRepository(kit.store, kit.clock, randomBytes(32)) };
  });
  return kit;
}

/** Someone in the kit's group conversation of their channel. */
export interface Person {
  channel: ChannelKind;
  userId: string;
  name?: string;
}

export const mette: Person = { channel: 'teams', userId: 'aad-mette', name: 'Mette Vinther Poulsen' };
export const peter: Person = { channel: 'teams', userId: 'aad-peter', name: 'Peter Hansen' };
export const admin: Person = { channel: 'teams', userId: 'aad-admin', name: 'Administrator' };

/** The context of a person at the kit's clock (or `at`), in the group conversation (or a personal chat). */
export function contextOf(
  kit: ActionKit,
  who: Person,
  options: { at?: DateTime; personal?: boolean; conversationId?: string; language?: 'da' | 'en' } = {},
): DialogContext {
  const context = personContext(who, options.language ?? 'da');
  const conversation = {
    ...context.turn.conversation,
    ...(options.conversationId ? { id: options.conversationId } : {}),
    isGroup: !options.personal,
  };
  return { ...context, turn: { ...context.turn, conversation, now: options.at ?? kit.clock.now() } };
}

/** Runs an evaluation dialog by name, as a button or form would. */
export async function run(
  kit: EvaluationKit,
  name: string,
  who: Person,
  args: Record<string, string> = {},
  options: Parameters<typeof contextOf>[2] = {},
): Promise<Reply[]> {
  const dialog = evaluationDialogsByName[name];
  if (!dialog) throw new Error(`no evaluation dialog ${name}`);
  return dialog(contextOf(kit, who, options), args, kit.services);
}

/** Starts an evaluation as `who` and returns its id. */
export async function startAs(
  kit: EvaluationKit,
  who: Person = mette,
  args: Record<string, string> = {},
  options: Parameters<typeof contextOf>[2] = {},
): Promise<string> {
  const [card] = await run(kit, 'evaluation-start', who, args, options);
  const id = card?.buttons?.[0]?.action.args.evaluationId;
  expect(card?.notice, card?.text).toBeUndefined();
  if (!id) throw new Error(`no evaluation started: ${card?.text}`);
  return id;
}

/** Answers as `who` with these fields, as the form submits them. */
export function answerAs(
  kit: EvaluationKit,
  who: Person,
  evaluationId: string,
  fields: Record<string, string>,
  options: Parameters<typeof contextOf>[2] = {},
): Promise<Reply[]> {
  return run(kit, 'evaluation-answer', who, { evaluationId, lang: 'da', ...fields }, options);
}

/** `count` people of one channel, numbered. */
export function crowd(count: number, prefix = 'deltager'): Person[] {
  return Array.from({ length: count }, (_, i) => ({
    channel: 'teams',
    userId: `aad-${prefix}-${i}`,
    name: `${prefix} ${i}`,
  }));
}

/** A refusal or question back (a notice) whose text matches `pattern`. */
export function expectNotice(reply: Reply | undefined, pattern: RegExp): void {
  expect(reply?.notice, reply?.text).toBe(true);
  expect(reply?.text).toMatch(pattern);
}
