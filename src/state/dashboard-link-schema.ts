import { z } from 'zod';

const isoInstant = z.iso.datetime({ offset: true });

/** Who a link was handed to or who revoked it: the person in their channel. */
const personSchema = z.object({ channel: z.string().min(1), userId: z.string().min(1), name: z.string().optional() });

/**
 * A link to the dashboard handed out in chat: the national view (to an administrator) or one
 * municipality's (to a verified member). Only a hash of its secret is kept, so the state file
 * or a database dump opens nothing.
 */
export const dashboardLinkSchema = z.object({
  id: z.uuid(),
  /** SHA-256 of the secret in the link, hex. */
  secretHash: z.string().regex(/^[0-9a-f]{64}$/),
  scope: z.enum(['national', 'municipality']),
  /** For scope `municipality`: whose page it opens. */
  municipalityId: z.string().min(1).optional(),
  issuedTo: personSchema,
  issuedAt: isoInstant,
  expiresAt: isoInstant,
  revokedAt: isoInstant.optional(),
  revokedBy: personSchema.optional(),
});

/** A dashboard link, as kept in the state. */
export type DashboardLink = z.infer<typeof dashboardLinkSchema>;
