import { deadlineExamples } from './examples/deadlines.js';
import { reminderExamples } from './examples/reminders.js';
import { statusExamples } from './examples/statuses.js';
import { taskAndRoleExamples } from './examples/tasks-roles.js';
import { topicExamples } from './examples/topics.js';
import type { Intent } from './types.js';

/**
 * Example questions per intent, Danish and English, with the things they name written as
 * placeholders: {task} {step} {role} {system} {interface} {support} {municipality}
 * {strategy} {deadline} {date}. A question is matched against these after its own named
 * things are replaced the same way, so the examples teach how people ask, not what about.
 */
export const examples: Partial<Record<Intent, string[]>> = {
  ...deadlineExamples,
  ...taskAndRoleExamples,
  ...topicExamples,
  ...statusExamples,
  ...reminderExamples,
};
