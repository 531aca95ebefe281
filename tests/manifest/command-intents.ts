import type { Intent } from '../../src/understanding/types.js';

/**
 * What each command in the Teams command menu must be read as. Teams sends the command's
 * title as the message text, so every title in manifest/teams/manifest.json needs a row here.
 */
export const commandIntents: Record<string, Intent> = {
  deadlines: 'deadline.upcoming',
  status: 'status.mine',
  'mind mig om deadlines': 'reminder.subscribe',
  opgaver: 'task.list',
  'status BBR': 'status.national',
  'næste møde': 'event.next-meeting',
  møder: 'event.list',
  'SAPA-udrulning': 'rollout.sapa',
  roller: 'role.list',
  hjælp: 'help',
  'start møde': 'meeting.start',
  'dagens program': 'agenda.today',
  'næste punkt': 'meeting.next',
  'start evaluering': 'evaluation.start',
  'mind os om deadlines': 'reminder.subscribe',
};
