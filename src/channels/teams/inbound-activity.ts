import { z } from 'zod';

/**
 * The least a Bot Framework activity must carry for klikbot to answer it. The adapter
 * itself only checks `type`; we check the rest so a bad body is a 400, not a crash.
 */
const account = z.object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() }).passthrough();

export const inboundActivity = z
  .object({
    type: z.string().min(1),
    id: z.string().optional(),
    channelId: z.string().min(1),
    serviceUrl: z.string().url(),
    from: account,
    recipient: account,
    conversation: z
      .object({ id: z.string().min(1), isGroup: z.boolean().optional(), conversationType: z.string().optional(), tenantId: z.string().optional() })
      .passthrough(),
    text: z.string().max(10_000).optional(),
    // botbuilder walks these to strip @mentions; a malformed list would fail mid-turn
    entities: z.array(z.object({ type: z.string() }).passthrough()).optional(),
    value: z.unknown().optional(),
    locale: z.string().optional(),
    deliveryMode: z.string().optional(),
  })
  .passthrough();

export type InboundActivity = z.infer<typeof inboundActivity>;

/** The payload klikbot puts on its own buttons (Action.Submit `data`). */
export const buttonValue = z.object({
  klikbot: z.object({ dialog: z.string().min(1).max(64), args: z.record(z.string().max(64), z.string().max(500)).default({}) }),
});
