import type { TaskStatus } from '../state/schema.js';

/** The dashboard's two languages: Danish first, English on request (`?lang=en`). */
export type PageLanguage = 'da' | 'en';

/** One text in both languages. */
export interface Both {
  da: string;
  en: string;
}

/** What each status is called, and the symbol that tells it apart without colour. */
export const STATUS_LOOK: Record<TaskStatus, { symbol: string; words: Both }> = {
  done: { symbol: '✔', words: { da: 'fuldført', en: 'done' } },
  started: { symbol: '◐', words: { da: 'påbegyndt', en: 'started' } },
  'not-started': { symbol: '○', words: { da: 'ikke påbegyndt', en: 'not started' } },
};

/** The statuses in the order a legend and a chart show them. */
export const STATUS_ORDER: readonly TaskStatus[] = ['done', 'started', 'not-started'];

/** The words of the pages, by key. */
export const WORDS = {
  title: { da: 'klikbot · overblik', en: 'klikbot · overview' },
  board: { da: 'Statustavle', en: 'Status board' },
  progress: { da: 'Fremdrift', en: 'Progress' },
  deadlines: { da: 'Frister', en: 'Deadlines' },
  meetings: { da: 'Møder', en: 'Meetings' },
  municipality: { da: 'Kommune', en: 'Municipality' },
  task: { da: 'Opgave', en: 'Task' },
  step: { da: 'Trin', en: 'Step' },
  group: { da: 'SAPA-gruppe', en: 'SAPA group' },
  all: { da: 'Alle', en: 'All' },
  sort: { da: 'Sortér efter', en: 'Sort by' },
  byName: { da: 'navn', en: 'name' },
  byProgress: { da: 'fremdrift', en: 'progress' },
  show: { da: 'Vis', en: 'Show' },
  csv: { da: 'Hent som CSV', en: 'Download CSV' },
  png: { da: 'Gem diagram som PNG', en: 'Save chart as PNG' },
  notReported: { da: 'ikke meldt til klikbot', en: 'not reported to klikbot' },
  reportedBy: { da: 'meldt af', en: 'reported by' },
  live: { da: 'Opdateres løbende', en: 'Updates live' },
  skip: { da: 'Spring til indhold', en: 'Skip to content' },
  english: { da: 'English', en: 'Dansk' },
  navigation: { da: 'Sider', en: 'Pages' },
  legend: { da: 'Forklaring', en: 'Legend' },
  municipalities: { da: 'kommuner', en: 'municipalities' },
} satisfies Record<string, Both>;

/** The text of one key in the page's language. */
export function word(key: keyof typeof WORDS, language: PageLanguage): string {
  return WORDS[key][language];
}

/** One status's name in the page's language. */
export function statusName(status: TaskStatus, language: PageLanguage): string {
  return STATUS_LOOK[status].words[language];
}
