import { z } from 'zod';

const isoInstant = z.iso.datetime({ offset: true });

const personSchema = z.object({
  channel: z.string().min(1),
  userId: z.string().min(1),
  name: z.string().max(200).optional(),
});

/** The longest title and text of a news item. */
export const TITLE_MAX = 150;
export const TEXT_MAX = 3000;

/** Who a news item goes to: every conversation, certain municipalities', a SAPA group's, or those not done with a task (step). */
export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('municipalities'), municipalityIds: z.array(z.string().min(1)).min(1).max(98) }),
  z.object({ kind: z.literal('group'), group: z.number().int().positive() }),
  z.object({ kind: z.literal('not-done'), taskId: z.string().min(1), step: z.number().int().positive().optional() }),
]);

/** One conversation's delivery of a news item. */
export const deliverySchema = z.object({
  channel: z.string().min(1),
  conversationId: z.string().min(1),
  /** `sending` is claimed (since `since`): a claim that old is of a send that died, and is taken over. */
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'gone', 'cancelled']),
  since: isoInstant.optional(),
  at: isoInstant.optional(),
  reason: z.string().max(300).optional(),
  tries: z.number().int().min(0),
});

/**
 * KOMBIT's news sent by klikbot to the conversations it is in: written by an administrator,
 * previewed, then sent at the channels' pace, each conversation's delivery kept, so a restart
 * goes on where it stopped and nobody gets it twice.
 */
export const broadcastSchema = z.object({
  id: z.uuid(),
  title: z.string().min(1).max(TITLE_MAX),
  text: z.string().min(1).max(TEXT_MAX),
  link: z.object({ label: z.string().min(1).max(40), url: z.url({ protocol: /^https$/ }) }).optional(),
  audience: audienceSchema,
  by: personSchema,
  createdAt: isoInstant,
  /** When to send: set as it is confirmed. */
  sendAt: isoInstant.optional(),
  state: z.enum(['draft', 'sending', 'done', 'cancelled']),
  deliveries: z.array(deliverySchema).max(10_000),
  /** Where the delivery report was posted, to rewrite it as the sending goes. */
  report: z
    .object({ channel: z.string().min(1), conversationId: z.string().min(1), messageId: z.string().min(1) })
    .optional(),
  finishedAt: isoInstant.optional(),
});

export type Audience = z.infer<typeof audienceSchema>;
export type Delivery = z.infer<typeof deliverySchema>;
export type Broadcast = z.infer<typeof broadcastSchema>;
