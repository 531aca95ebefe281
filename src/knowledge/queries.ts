// The questions dialogs ask of the knowledge base; the code lives in queries/, by topic.
export {
  copenhagenDate,
  datedItems,
  datesForTask,
  firstDay,
  inSpan,
  lastDay,
  systemOfItems,
  upcomingDeadlines,
  type DatedItem,
} from './queries/dated-items.js';
export { findRole, findTask, slidesAboutRole, statusTasks, tasksForRole } from './queries/find.js';
export { findMeeting, meetingInstant, upcomingMeetings } from './queries/meetings.js';
export { rolesOfSupportSystem, type SupportSystemRole } from './queries/support-system-roles.js';
export { meetingNotices, type AgendaItem, type Meeting } from './schemas/meetings.js';
export type { DeadlineRecord } from './schemas/deadlines.js';
export type { Role, RoleArea, RolePlacement } from './schemas/roles.js';
export type { Task, TaskKind, TaskState } from './schemas/tasks.js';
