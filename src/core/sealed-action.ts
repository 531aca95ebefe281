import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ActionPayload, Turn, TurnConversation } from './types.js';

/**
 * An action bound to where and by whom it was asked, for a channel that runs it later in
 * another conversation: Teams offers a file in the person's 1:1 chat and makes it only when
 * they accept, while the right to it (a poll's or a meeting's) belongs to the conversation
 * it was asked for in. The token travels through the client, so it is signed: nobody can
 * change the action or the conversation, and only the person it was made for can use it.
 */
export interface ActionSeal {
  /** The token for running `action` later as `turn`'s person in `turn`'s conversation. */
  seal(turn: Turn, action: ActionPayload): string;
  /** The turn to run for a token (`turn` as its person sends it now), or undefined if forged, another's or expired. */
  open(token: unknown, turn: Turn): Turn | undefined;
}

const sealedSchema = z.object({
  action: z.object({ dialog: z.string().min(1).max(64), args: z.record(z.string(), z.string()) }),
  conversation: z
    .object({
      channel: z.enum(['teams', 'slack', 'web', 'emulator', 'other']),
      id: z.string().min(1),
      isGroup: z.boolean(),
      kind: z.enum(['personal', 'group', 'channel']).optional(),
      tenantId: z.string().optional(),
      teamId: z.string().optional(),
      channelId: z.string().optional(),
      address: z.object({ channel: z.string(), conversationId: z.string() }).optional(),
      thread: z.string().optional(),
    })
    .strict(),
  userId: z.string().min(1),
  /** When it was sealed (ms since the epoch, from the turn's clock). */
  at: z.number().int(),
});

/** How long a sealed action can be used: a file offered today is accepted today, not next month. */
export const SEAL_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Sealed actions signed with a key of their own, derived from `secret` (the state's key). */
export function createActionSeal(secret: Buffer): ActionSeal {
  const key = createHmac('sha256', secret).update('klikbot sealed action v1').digest();
  const sign = (body: string) => createHmac('sha256', key).update(body).digest();
  return {
    seal(turn, action) {
      const conversation: TurnConversation = turn.conversation;
      const sealed = { action, conversation, userId: turn.user.id, at: turn.now.toMillis() };
      const body = Buffer.from(JSON.stringify(sealed)).toString('base64url');
      return `${body}.${sign(body).toString('base64url')}`;
    },
    open(token, turn) {
      if (typeof token !== 'string' || token.length > 8_000) return undefined;
      const [body, mac, ...extra] = token.split('.');
      if (!body || !mac || extra.length > 0) return undefined;
      const given = Buffer.from(mac, 'base64url');
      const expected = sign(body);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      const sealed = sealedSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
      if (!sealed.success || sealed.data.userId !== turn.user.id) return undefined;
      const age = turn.now.toMillis() - sealed.data.at;
      if (age < 0 || age > SEAL_LIFETIME_MS) return undefined;
      return { ...turn, text: '', action: sealed.data.action, conversation: sealed.data.conversation };
    },
  };
}
