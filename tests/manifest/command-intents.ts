import type { Intent } from '../../src/understanding/types.js';

/**
 * What each command in the Teams command menu must be read as. Teams sends the command's
 * title as the message text, so every title in manifest/teams/manifest.json needs a row here.
 */
export const commandIntents: Record<string, Intent> = {
  deadlines: 'deadline.upcoming',
  opgaver: 'task.list',
  roller: 'role.list',
  status: 'status.mine',
  'status BBR': 'status.national',
  'hvilke systemer bruger SF1511?': 'overview.systems-using',
  'SAPA-udrulning': 'rollout.sapa',
  strategier: 'strategy.describe',
  møder: 'event.list',
  'næste møde': 'event.next-meeting',
  nyheder: 'news',
  kontakter: 'contact',
  hjælp: 'help',
};
