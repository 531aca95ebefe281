import type { z } from 'zod';
import * as tasks from './schemas/tasks.js';
import * as deadlines from './schemas/deadlines.js';
import * as roles from './schemas/roles.js';
import * as meetings from './schemas/meetings.js';
import * as interfaces from './schemas/interfaces.js';
import * as itSystems from './schemas/it-systems.js';
import * as supportSystems from './schemas/support-systems.js';
import * as bbrStatus from './schemas/bbr-status.js';
import * as municipalities from './schemas/municipalities.js';
import * as sapaRollout from './schemas/sapa-rollout.js';
import * as pilots from './schemas/pilots.js';
import * as strategies from './schemas/strategies.js';
import * as events from './schemas/events.js';
import * as news from './schemas/news.js';
import * as contacts from './schemas/contacts.js';
import * as topics from './schemas/topics.js';
import * as descriptions from './schemas/descriptions.js';
import * as glossary from './schemas/glossary.js';

/** Every kind of knowledge, the file it lives in and the module holding its schema. */
export const knowledgeFiles = {
  tasks: { file: 'tasks.json', schema: tasks.file, references: tasks.references },
  deadlines: { file: 'deadlines.json', schema: deadlines.file, references: deadlines.references },
  roles: { file: 'roles.json', schema: roles.file, references: roles.references },
  meetings: { file: 'meetings.json', schema: meetings.file, references: meetings.references },
  interfaces: { file: 'interfaces.json', schema: interfaces.file, references: interfaces.references },
  itSystems: { file: 'it-systems.json', schema: itSystems.file, references: itSystems.references },
  supportSystems: { file: 'support-systems.json', schema: supportSystems.file, references: supportSystems.references },
  bbrStatus: { file: 'bbr-status.json', schema: bbrStatus.file, references: bbrStatus.references },
  municipalities: { file: 'municipalities.json', schema: municipalities.file, references: municipalities.references },
  sapaRollout: { file: 'sapa-rollout.json', schema: sapaRollout.file, references: sapaRollout.references },
  pilots: { file: 'pilots.json', schema: pilots.file, references: pilots.references },
  strategies: { file: 'strategies.json', schema: strategies.file, references: strategies.references },
  events: { file: 'events.json', schema: events.file, references: events.references },
  news: { file: 'news.json', schema: news.file, references: news.references },
  contacts: { file: 'contacts.json', schema: contacts.file, references: contacts.references },
  topics: { file: 'topics.json', schema: topics.file, references: topics.references },
  descriptions: { file: 'descriptions.json', schema: descriptions.file, references: descriptions.references },
  glossary: { file: 'glossary.json', schema: glossary.file, references: glossary.references },
} as const;

export type KnowledgeKind = keyof typeof knowledgeFiles;

/** The validated knowledge base: each kind's records, as typed by its schema. */
export type Knowledge = {
  [K in KnowledgeKind]: z.infer<(typeof knowledgeFiles)[K]['schema']>['records'];
};
