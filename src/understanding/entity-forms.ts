import type { Knowledge } from '../knowledge/registry.js';
import { words } from '../knowledge/text.js';
import { everydaySynonyms } from './search/synonyms.js';

/** The kinds of things a question can name; each maps to a list in `Entities`. */
export type EntityKind =
  'task' | 'step' | 'role' | 'itSystem' | 'interface' | 'supportSystem' | 'municipality' | 'strategy' | 'deadline';

/** One way of writing one thing: "FK-ADM" for the role fk-administrator. */
export interface SurfaceForm {
  kind: EntityKind;
  /** The record id; for steps "taskId#number". */
  id: string;
  /** Folded words of the form. */
  tokens: string[];
  /** Matched only word for word, never by typo or in part (names that are ordinary words). */
  strict: boolean;
  /** Only when written with a capital or followed by "kommune" (Vejen, Greve, Skive). */
  needsProperNoun: boolean;
}

// Municipality names that are also ordinary Danish words: "vejen" is "the road".
const ordinaryWordNames = new Set(['vejen', 'greve', 'skive', 'lejre', 'odder', 'varde', 'toender']);
// IT systems whose names are ordinary words: "valg" is "choice" ("strategivalg").
const ordinaryWordSystems = new Set(['valg']);

function form(
  kind: EntityKind,
  id: string,
  text: string,
  options: Partial<Pick<SurfaceForm, 'strict' | 'needsProperNoun'>> = {},
): SurfaceForm | undefined {
  const tokens = words(text);
  if (tokens.length === 0) return undefined;
  return { kind, id, tokens, strict: options.strict ?? false, needsProperNoun: options.needsProperNoun ?? false };
}

/** A name, and the name without its parenthesis ("Rolleadministrator (STS)" → "Rolleadministrator"). */
function withBareName(names: string[]): string[] {
  return names.flatMap((name) => {
    const bare = name.replace(/\([^)]*\)/g, ' ').trim();
    return bare !== '' && bare !== name ? [name, bare] : [name];
  });
}

function taskAndStepForms(k: Knowledge): (SurfaceForm | undefined)[] {
  return k.tasks.flatMap((task) => [
    ...[task.title, ...task.aliases].map((text) => form('task', task.id, text)),
    ...task.steps.flatMap((step) =>
      [step.title, ...step.aliases].map((text) => form('step', `${task.id}#${step.number}`, text)),
    ),
  ]);
}

// An everyday word that says it is a system, a register or a control ("bygningsregistret",
// "valgsystemet", "adgangskontrollen"); others may mean other things ("print", "classification",
// "organisationsstruktur", "ledelsesinformation")
const systemHead =
  /(register|registeret|registret|system|systemet|kontrol|kontrollen|styring|styringen|broker|komponent|komponenten)$/;
// … in a compound, not alone ("broker", "system")
const shortestEverydayName = 9;

/**
 * "bygningsregistret" for BBR, "adgangskontrol" for Adgangsstyring: the everyday words the
 * search reads as a system's name (synonyms.ts) name the system, where the word itself says it
 * is one.
 */
function everydayNames(names: string[]): string[] {
  const folded = new Set(names.map((name) => words(name).join(' ')));
  return [...everydaySynonyms]
    .filter(
      ([word, material]) =>
        word.length >= shortestEverydayName && systemHead.test(word) && material.some((one) => folded.has(one)),
    )
    .map(([word]) => word);
}

// A support system's name is a kind of thing with a word for what it does ("Fordelings|komponenten",
// "Besked|fordeler"); a newcomer says the kind in the plainest words ("fordelingssystemet",
// "beskedsystemet"), or as no kind at all ("fordelings-tingen", "organisations-dimsen"; not "noget" nor "ting",
// which follow any word: "en besked, noget i stil med …", "organisationsting"). Left out: "-løsning" (the municipality's own "organisationsløsning" is
// another thing than Organisation) and "adgangssystem" (BBR's own is the one shut down).
const plainKinds = ['system', 'systemet', 'komponent', 'komponenten'];
const vagueKinds = ['tingen', 'dims', 'dimsen', 'halloej', 'halloejet'];
const nameKind = /^(.{4,}?)(komponenten|komponent|fordeleren|fordeler)$/;

/** "fordelingssystemet" for Fordelingskomponenten, "klassifikationssystem" for Klassifikation. */
function plainKindNames(name: string): string[] {
  const [word, ...more] = words(name);
  if (word === undefined || more.length > 0) return [];
  const doing = nameKind.exec(word)?.[1] ?? (/tion$/.test(word) ? `${word}s` : undefined);
  if (doing === undefined) return [];
  // (no kind at all only after a linking s, which makes the first part a name's: "besked-tingen" may be KLIK's messages)
  const kinds = doing.endsWith('s') ? [...plainKinds, ...vagueKinds] : plainKinds;
  return kinds.map((kind) => doing + kind).filter((form) => form !== word);
}

function systemForms(k: Knowledge): (SurfaceForm | undefined)[] {
  return [
    ...k.itSystems.flatMap((system) => [
      ...[system.name, ...system.aliases].map((text) => {
        const ordinary = ordinaryWordSystems.has(words(text).join(' '));
        return form('itSystem', system.id, text, { strict: text.length <= 4, needsProperNoun: ordinary });
      }),
      ...everydayNames([system.name, ...system.aliases]).map((text) => form('itSystem', system.id, text)),
      // "Bygnings- og Boligregistret" is BBR, said in full
      ...(system.fullName ? [form('itSystem', system.id, system.fullName)] : []),
    ]),
    ...k.supportSystems.flatMap((system) =>
      [
        system.name,
        ...system.aliases,
        ...everydayNames([system.name, ...system.aliases]),
        ...plainKindNames(system.name),
      ].map((text) => form('supportSystem', system.id, text, { strict: text.length <= 4 })),
    ),
    ...k.interfaces.flatMap((item) => [
      form('interface', item.id, item.code, { strict: true }),
      form('interface', item.id, item.code.replace(/^SF/, 'SF '), { strict: true }),
      ...camelCaseNames(item.title).map((text) => form('interface', item.id, text)),
      // "hent token fra context handler": what it does, the title after its area ("Sikkerhed - …")
      ...titleAfterArea(item.title).map((text) => form('interface', item.id, text)),
    ]),
  ];
}

/**
 * "single logout" for "SAMLSingleLogout": a name written as one word in capitals is said as
 * its parts, with or without the short form it opens with.
 */
function camelCaseNames(title: string): string[] {
  return title.split(/\s+/).flatMap((word) => {
    const parts = word.match(/\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}\p{Ll}+/gu) ?? [];
    if (parts.length < 2 || parts.join('') !== word) return [];
    const withoutShortForm = /^\p{Lu}+$/u.test(parts[0]!) && parts.length > 2 ? [parts.slice(1).join(' ')] : [];
    return [word, parts.join(' '), ...withoutShortForm];
  });
}

/** "Hent Token fra Context Handler" of "Sikkerhed - Hent Token fra Context Handler", without a bracketed aside. */
function titleAfterArea(title: string): string[] {
  const doing = title
    .split(' - ')[1]
    ?.replace(/\s*\(.*\)\s*$/u, '')
    .trim();
  return doing && doing.split(/\s+/).length >= 3 ? [doing] : [];
}

function municipalityForms(k: Knowledge): (SurfaceForm | undefined)[] {
  return k.municipalities.flatMap((municipality) => {
    const ordinary = ordinaryWordNames.has(words(municipality.shortName).join(' '));
    return [municipality.name, municipality.shortName, ...municipality.aliases].map((text) =>
      form('municipality', municipality.id, text, { strict: ordinary, needsProperNoun: ordinary }),
    );
  });
}

function strategyForms(k: Knowledge): (SurfaceForm | undefined)[] {
  return k.strategies.flatMap((item) => {
    // the compliance model is asked about by its name ("hvad er compliancetesten?") as a strategy is
    if (item.kind === 'compliance-model')
      // (as one word, "compliance-modellen" or "compliance model" read as one: "model" alone
      // is no name of it, and "modet" no typo of it)
      return [item.title, ...(item.aliases ?? [])].map((text) => form('strategy', item.id, words(text).join('')));
    if (item.kind !== 'strategy') return [];
    // "strategi A": the letter alone is an English article, so these match only whole
    const lettered = [
      `strategi ${item.letter}`,
      `løsning ${item.letter}`,
      `${item.letter} strategi`,
      `${item.letter} strategien`,
      `strategy ${item.letter}`,
    ];
    return [
      ...[item.name, ...item.aliases].map((text) => form('strategy', item.id, text, { strict: text.length <= 4 })),
      ...lettered.map((text) => form('strategy', item.id, text, { strict: true })),
      ...item.aliases.flatMap(doingForms).map((text) => form('strategy', item.id, text, { strict: true })),
    ];
  });
}

/**
 * "fordelene ved at integrere": a way named by a noun of doing ("Integration") is named by its
 * verb too ("integrere", "integrerer"), written whole.
 */
function doingForms(name: string): string[] {
  const root = /^(\p{L}{4,}?)(?:ation|ering)$/u.exec(name.toLowerCase())?.[1];
  return root ? [`${root}ere`, `${root}erer`] : [];
}

/** The role of those who ask klikbot: KOMBIT's programme leaders in the municipalities. */
export const ASKERS_ROLE = 'kombit-programleder';
export const askersRoleWords = ['min rolle', 'vores rolle', 'my role', 'our role'];

/** Every surface form of every entity in the knowledge base. */
export function surfaceForms(k: Knowledge): SurfaceForm[] {
  const all = [
    ...taskAndStepForms(k),
    ...k.roles.flatMap((role) =>
      withBareName([role.name, ...role.aliases]).map((text) =>
        form('role', role.id, text, { strict: text.length <= 4 }),
      ),
    ),
    // "hvad er min rolle?": the asker's own role is the programme leader's, said whole (own-role.ts)
    ...(k.roles.some((role) => role.id === ASKERS_ROLE) ? askersRoleWords : []).map((text) =>
      form('role', ASKERS_ROLE, text, { strict: true }),
    ),
    ...systemForms(k),
    ...municipalityForms(k),
    ...strategyForms(k),
    ...k.deadlines.flatMap((deadline) =>
      [deadline.title, ...deadline.aliases].map((text) => form('deadline', deadline.id, text)),
    ),
  ];
  return all.filter((item): item is SurfaceForm => item !== undefined);
}
