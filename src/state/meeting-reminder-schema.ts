import { z } from 'zod';

const isoInstant = z.iso.datetime({ offset: true });

/**
 * A conversation that asked to be reminded of programme leader meetings ("mind os om
 * mødet"): 15 minutes before each starts and at its sound tests.
 */
export const meetingReminderSchema = z.object({
  channel: z.string().min(1),
  conversationId: z.string().min(1),
  /** The language it was asked in: the reminders are in it. */
  language: z.enum(['da', 'en']).optional(),
  since: isoInstant,
  /** The moments already sent here ("<meeting id>@<instant>"), so a restart or a second tick sends none twice. */
  sent: z.array(z.string().min(1).max(200)).default([]),
});

/** A meeting reminder subscription, as kept in the state file. */
export type MeetingReminder = z.infer<typeof meetingReminderSchema>;
