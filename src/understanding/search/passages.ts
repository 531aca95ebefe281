import type { Knowledge, KnowledgeKind } from '../../knowledge/registry.js';
import { detectLanguage } from '../language.js';
import { DANISH_MONTHS } from '../../lib/months.js';
import { seedFullName } from '../../knowledge/schemas/it-systems.js';

/**
 * One thing a person can ask about, at the level they ask: a sentence, a bullet, a step, a
 * duty, a pro or a con, an agenda item, a news line. It points back to its record and field,
 * so an answer can quote it and offer the whole record.
 */
export interface Passage {
  kind: KnowledgeKind;
  recordId: string;
  /** The record's own name, as a person would recognise it ("KOMBIT-programleder"). */
  recordTitle: string;
  /** Every name of the record: its title and aliases, by which all its passages are found. */
  names: string[];
  /** Where in the record, as a path ("profile.tasks.3"). */
  field: string;
  /** The words to show, in the data's own wording (Danish). */
  text: string;
  /** The record's source label and as-of date, to cite. */
  source?: { label: string; asOf: string };
  /** For a line of details: the fields it holds ("phone", "email"), so "tlf" finds a phone number. */
  labels?: string[];
  /** The same words in English, where the record gives them (a field "meaning" beside "meaningEn"). */
  english?: string;
  /** What the record's name stands for, where the record says ("Kommunernes Sygedagpengesystem"). */
  fullName?: string;
}

/** A record of any kind, as the walk sees it. */
type Item = Record<string, unknown>;

// Fields that identify, cite or explain the data to its operators; they are not facts to quote.
const skippedKeys = new Set([
  'id',
  'related',
  'answers',
  'aliases',
  'source',
  'section',
  'otherSources',
  'seedAnomaly',
  'titleAsWritten',
  'fullNameSource',
  'regionSource',
  'basis',
]);
// "meaningEn" is the English of "meaning": shown to an English question instead, never a passage of its own
const englishKey = /^[a-z]+En$/;
// Operator notes are English by convention; a note written in Danish ("Cirka tider…") is a fact.
const noteKey = /^notes?$|Note$/;
// ids, references and enum values ("bbr-adgangsstyring", "implementation"): no text of their own
const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isoDate = /^\d{4}-\d{2}(?:-\d{2})?$/;
const url = /^https?:\/\//;
const time = /^\d{1,2}\.\d{2}$/;
// a list element ("points.0"); a list of things of the knowledge ("itSystems.0": "BBR") names, it does not say
const bulletField = /\.\d+$/;
const namingField =
  /(^|\.)(itSystems|supportSystems|interfaces|roles|responsibleRoles|tasks|municipalities|users)\.\d+$/;
const timedLine = /^\d{1,2}\.\d{2}–\d{1,2}\.\d{2} /;
// the fields that name a record, most telling first
const titleKeys = ['title', 'name', 'term', 'label', 'code', 'municipality', 'person', 'email', 'display'];

/**
 * The English the record gives beside a field: "meaning" has "meaningEn", a list's line
 * "pros.1" is "prosEn.1", "duration.conditions.0" is "duration.conditionsEn.0".
 */
function englishOf(record: Item, field: string): string | undefined {
  const path = field.split('.');
  const named = path.findLastIndex((part) => !/^\d+$/.test(part));
  if (named < 0) return undefined;
  path[named] = `${path[named]}En`;
  let value: unknown = record;
  for (const part of path) value = value !== null && typeof value === 'object' ? (value as Item)[part] : undefined;
  // a list of short lines read as one passage ("Velafprøvet løsning, Dokumentation, …") has its English as one too
  if (Array.isArray(value) && value.every((line) => typeof line === 'string')) return value.join(', ');
  return typeof value === 'string' ? value : undefined;
}

/** A text without the words it quotes. */
function unquoted(text: string): string {
  return text.replace(/"[^"]*"|“[^”]*”|»[^«]*«/g, ' ');
}

function shownString(key: string, value: string): boolean {
  if (englishKey.test(key)) return false;
  // a year or a count ("2019") is a fact, not an id
  if (/^\d+$/.test(value)) return true;
  // a link's address is what "hvor finder jeg …?" asks for; other addresses are sources
  if (url.test(value)) return key === 'url';
  if (slug.test(value) || isoDate.test(value)) return false;
  // (an English note quoting the slide is still a note: the description holds the quote)
  if (noteKey.test(key)) return detectLanguage(unquoted(value)) === 'da' && /[æøå]/i.test(unquoted(value));
  return true;
}

/** Another record's name by its id ("favrskov" → "Favrskov Kommune"), for ids no two records share. */
type References = Map<string, string>;

/** "favrskov" names Favrskov Kommune: a reference shown by the name of what it refers to. */
function resolved(value: string, references: References): string | undefined {
  if (!slug.test(value)) return value;
  return references.get(value);
}

/** The record's name: its title field, with a code before it ("SF1511 Hent Token …"). */
export function recordTitleOf(record: Item, references: References = new Map()): string {
  const code = typeof record.code === 'string' ? record.code : undefined;
  const title = titleKeys
    .map((key) => record[key])
    .map((value) => (typeof value === 'string' ? resolved(value, references) : undefined))
    .find((value) => value !== undefined);
  if (code && title && title !== code) return `${code} ${title}`;
  // "sapa-gruppe-1" without a title of its own reads "Sapa gruppe 1"
  const id = typeof record.id === 'string' ? record.id.replaceAll('-', ' ') : '';
  return title ?? id.charAt(0).toUpperCase() + id.slice(1);
}

/**
 * The kinds whose passages are quoted only when their record is asked for by name, never
 * searched: the glossary's explanations are klikbot's words, and its ids ("pilot", "status")
 * are words other records use as values, not references.
 */
export const quotedOnlyKinds: ReadonlySet<KnowledgeKind> = new Set<KnowledgeKind>(['glossary']);

/** Every kind of record but how people describe them, which finds a record and says nothing of it. */
function materialOf(knowledge: Knowledge): [KnowledgeKind, Item[]][] {
  return (Object.entries(knowledge) as [KnowledgeKind, Item[]][]).filter(([kind]) => kind !== 'descriptions');
}

/** Every record's title by its id, leaving out ids used by records of two kinds. */
function referencesIn(knowledge: Knowledge): References {
  const references: References = new Map();
  const shared = new Set<string>();
  for (const [, records] of materialOf(knowledge).filter(([kind]) => !quotedOnlyKinds.has(kind))) {
    for (const record of records) {
      if (typeof record.id !== 'string') continue;
      if (references.has(record.id)) shared.add(record.id);
      references.set(record.id, recordTitleOf(record));
    }
  }
  for (const id of shared) references.delete(id);
  return references;
}

/** "10.05–10.30 Opsamling … · Mette Vinther Poulsen": an object in a list as one line, and whether it only names other records. */
function itemLine(item: Item, references: References): { line: string; onlyNames: boolean } | undefined {
  const times =
    typeof item.start === 'string' && typeof item.end === 'string' && time.test(item.start)
      ? `${item.start}–${item.end} `
      : '';
  const parts: string[] = [];
  let onlyNames = true;
  for (const [key, value] of Object.entries(item)) {
    if (skippedKeys.has(key) || key === 'start' || key === 'end') continue;
    // "dar" in a list of an interface's users reads as "DAR": "DAR · gennemført"
    const shown = named(value, references);
    if (typeof shown === 'string' && shownString(key, shown)) {
      parts.push(shown);
      if (shown === value) onlyNames = false;
    } else if (typeof value === 'number' && key === 'number') parts.unshift(`${value}.`);
    // "KY · Sagsfordeling, Brevfletning": a short list inside the object is part of its line
    else if (
      Array.isArray(value) &&
      value.length > 0 &&
      value.every((element) => typeof element === 'string' && shownString(key, element))
    ) {
      parts.push(value.join('; '));
      onlyNames = false;
    }
  }
  const line = parts.join(' · ');
  return line ? { line: `${times}${line}`, onlyNames: onlyNames && times === '' } : undefined;
}

/** A word or a few: a name, a phone number, a place. */
function shortText(text: string): boolean {
  return text.trim().split(/\s+/).length <= 4;
}

function isItem(value: unknown): value is Item {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** "2018-11-14" as "14. november 2018", "2018-10" as "oktober 2018": as the material writes dates. */
function danishDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  const name = DANISH_MONTHS[Number(month) - 1] ?? month;
  return day === undefined ? `${name} ${year}` : `${Number(day)}. ${name} ${year}`;
}

/** A reference to another record ("favrskov") reads as that record's name. */
function named(value: unknown, references: References): unknown {
  return typeof value === 'string' && slug.test(value) ? (references.get(value) ?? value) : value;
}

/** Every passage under one value of a record, depth first. */
function walk(
  raw: unknown,
  path: string[],
  emit: (field: string, text: string, reference?: boolean, date?: boolean) => void,
  references: References,
): void {
  // the field a list element belongs to ("notes" for notes.0)
  const key = path.findLast((part) => !/^\d+$/.test(part)) ?? '';
  const value = Array.isArray(raw) ? raw.map((element: unknown) => named(element, references)) : named(raw, references);
  if (typeof value === 'string') {
    // "2018-11-14" is when the record happens: said as a date ("14. november 2018"), it answers "hvornår?"
    if (!skippedKeys.has(key) && isoDate.test(value)) emit(path.join('.'), danishDate(value), false, true);
    // "sapa" read as "SAPA": another record's name, not something this record says
    else if (!skippedKeys.has(key) && shownString(key, value)) emit(path.join('.'), value, value !== raw);
    return;
  }
  if (Array.isArray(value)) {
    // a list of names ("Mette Vinther Poulsen", "Peter Hansen", …) is read as one line
    if (
      value.length > 1 &&
      value.every((element) => typeof element === 'string' && shortText(element) && shownString(key, element))
    ) {
      emit(path.join('.'), value.join(', '));
      return;
    }
    value.forEach((element, index) => {
      const line = isItem(element) ? itemLine(element, references) : undefined;
      // a list of objects (agenda items, duties, steps) is read one object a line
      if (line !== undefined) emit([...path, String(index)].join('.'), line.line, line.onlyNames);
      // the element as written, so a reference among them is known as one
      else walk((raw as unknown[])[index], [...path, String(index)], emit, references);
    });
    return;
  }
  if (isItem(value)) {
    for (const [child, inner] of Object.entries(value))
      if (!skippedKeys.has(child)) walk(inner, [...path, child], emit, references);
  }
}

function sourceOf(record: Item): Passage['source'] {
  const source = record.source;
  if (!isItem(source) || typeof source.label !== 'string' || typeof source.asOf !== 'string') return undefined;
  return { label: source.label, asOf: source.asOf };
}

/**
 * What every passage of one record shares: the record, its names, its source. (The names
 * grow as the record's short texts are read, and every passage of the record is found by all.)
 */
function recordBase(kind: KnowledgeKind, record: Item, references: References): Omit<Passage, 'field' | 'text'> {
  const recordTitle = recordTitleOf(record, references);
  const aliases = Array.isArray(record.aliases)
    ? record.aliases.filter((alias): alias is string => typeof alias === 'string')
    : [];
  return {
    kind,
    recordId: typeof record.id === 'string' ? record.id : '',
    recordTitle,
    names: [recordTitle, ...aliases],
    source: sourceOf(record),
    ...(seedFullName(record) !== undefined ? { fullName: seedFullName(record) } : {}),
  };
}

/** The passages of one record: its sentences and points, its details as one line, or its title alone. */
function recordPassages(kind: KnowledgeKind, record: Item, references: References): Passage[] {
  const base = recordBase(kind, record, references);
  const { recordTitle, names } = base;
  const passages: Passage[] = [];
  const seen = new Set<string>();
  const details: string[] = [];
  const labels: string[] = [];
  let dated = false;
  const detail = (field: string, text: string) => {
    details.push(text);
    labels.push(field);
  };
  walk(
    record,
    [],
    (field, text, reference = false, date = false) => {
      // the title is what every passage of the record is found by, not a passage of its own;
      // a word or two ("Skype", "Region Hovedstaden") describes the record rather than says something
      if (text === recordTitle || seen.has(text)) return;
      seen.add(text);
      // the record's own date is one of its details ("Webinar … · 14. november 2018 · 09.00");
      // a date in a list says when of that point
      if (date && !field.includes('.')) {
        detail(field, text);
        dated = true;
        return;
      }
      // a point of a programme with its time ("10.40–10.50 Pause") says when, however short
      // and a bullet among longer ones ("Vejledningsmateriale") is a point of its own
      if (
        text.trim().split(/\s+/).length < 3 &&
        !timedLine.test(text) &&
        (reference || !bulletField.test(field) || namingField.test(field))
      ) {
        names.push(text);
        if (!field.includes('.')) detail(field, text);
      } else {
        const english = englishOf(record, field);
        passages.push({ ...base, field, text, ...(english === undefined ? {} : { english }) });
      }
    },
    references,
  );
  // a contact's phone and address, a meeting's medium, a date: the record's details as one line
  if (details.length > 1 || dated)
    passages.push({ ...base, field: 'details', text: [recordTitle, ...details].join(' · '), labels });
  // a record that is only a name is still found by it
  if (passages.length === 0) passages.push({ ...base, field: 'title', text: recordTitle });
  return passages;
}

/**
 * Every passage of every record, read from the records as they are: a new field or a new
 * kind of record next quarter is searchable without code.
 */
export function passagesOf(knowledge: Knowledge): Passage[] {
  const references = referencesIn(knowledge);
  return materialOf(knowledge).flatMap(([kind, records]) =>
    records.flatMap((record) => recordPassages(kind, record, references)),
  );
}
