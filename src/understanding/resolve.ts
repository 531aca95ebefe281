import { roleOnOwnSide } from './own-side.js';
import {
  asksAnew,
  changesState,
  inheritTopic,
  isFollowUp,
  namedKinds,
  namesNothing,
  refersBack,
  asksOfTheTopic,
  asksWhatThePersonDoes,
} from './follow-ups.js';
import { comparison } from './comparisons.js';
import { escapeRegExp } from '../lib/regexp.js';
import { taskKindByFrequency } from './keywords.js';
import { evaluationCommand } from './evaluation-requests.js';
import { meetingCommand, meetingIntents } from './meeting-requests.js';
import type { Reading } from './reading.js';
import { withReminderReadings } from './reminder-requests.js';
import { membershipStatement, withoutMisreadStatements } from './status-fillers.js';
import { settledIntent } from './settled-intent.js';
import type { Entities, Intent, Understanding } from './types.js';

// Below this share of known words the question is about something klikbot does not know.
const minimumKnownShare = 0.6;
// Intents within this share of the best score are tried when the best lacks what it needs.
const candidateShare = 0.55;

import { fillers, type Filled } from './fillers.js';

type NamedKind = (typeof namedKinds)[number];

// Answers that can be of one municipality, asked of all of them first ("hvilke kommuner er piloter?")
const perMunicipality = new Set<Intent>(['pilot.solution', 'rollout.sapa', 'event.list']);

/**
 * Intents that need nothing named, and the kinds of thing they can be about. A question
 * naming only other things ("forskellen på FK-ADM og FK-ANSV" is about roles) is not one of them.
 */
const relatedKinds: Partial<Record<Intent, NamedKind[]>> = {
  'strategy.describe': ['strategies', 'supportSystems'],
  'status.national': ['tasks', 'itSystems', 'supportSystems'],
  'status.missing': ['tasks', 'itSystems', 'supportSystems'],
  'status.history': ['tasks', 'itSystems', 'supportSystems', 'municipalities'],
  'status.mine': ['municipalities', 'tasks', 'itSystems', 'supportSystems'],
  'rollout.sapa': ['municipalities', 'itSystems'],
  'pilot.solution': ['municipalities', 'itSystems', 'strategies'],
  'task.list': ['supportSystems', 'itSystems', 'tasks'],
  'role.list': ['roles'],
  // "kan du vise mig BBR-trinene?" is a question about BBR, not a request for help
  help: [],
};

function aboutOtherThings(intent: Intent, entities: Entities): boolean {
  const related = relatedKinds[intent];
  if (!related) return false;
  const named = namedKinds.filter((kind) => entities[kind].length > 0);
  return named.length > 0 && !named.some((kind) => related.includes(kind));
}

function fill(intent: Intent, reading: Reading, previous: Understanding | undefined): Filled {
  if (aboutOtherThings(intent, reading.entities)) return undefined;
  const filler = fillers[intent];
  return filler ? filler(reading, previous) : reading.entities;
}

/** The best-scoring intent whose needs this reading meets, or undefined. */
function bestFilled(
  reading: Reading,
  inherited: boolean,
  previous: Understanding | undefined,
): Understanding | undefined {
  const { ranked } = reading.classification;
  const best = ranked[0];
  if (!best || reading.knownShare < minimumKnownShare) return undefined;
  const candidates = ranked.filter((candidate) => candidate.score >= best.score * candidateShare).slice(0, 4);
  for (const [position, candidate] of candidates.entries()) {
    if (candidate.intent === 'unknown') return undefined;
    const intent = settledIntent(candidate.intent, reading, inherited);
    const entities = fill(intent, reading, previous);
    if (!entities) continue;
    const runnerUp = ranked.find((other) => other.intent !== candidate.intent);
    const margin = runnerUp ? Math.max(0, (candidate.score - runnerUp.score) / candidate.score) : 1;
    // a name and nothing else ("og KY?") says what about, not what is asked
    const asks = reading.asksSomething || inherited ? 1 : 0.6;
    const confidence = reading.knownShare * (0.6 + 0.4 * margin) * (position === 0 ? 1 : 0.9) * asks;
    return { intent, confidence, entities, language: reading.language };
  }
  return undefined;
}

/** A question that leans on the last topic: the last question again for another thing, or its own of the same topic. */
function followUp(
  original: Reading,
  inherited: Reading,
  previous: Understanding,
  unknown: Understanding,
): Understanding {
  // "og trin 4?" keeps the question; "og hvem bruger SF1514?" names another kind of thing and asks anew
  // … but "og Næstved?" after the pilots or "og i kbh?" after the kick-off meetings asks that
  // question of one municipality, which its answer can be of
  const ofOneMunicipality = (kind: NamedKind) => kind === 'municipalities' && perMunicipality.has(previous.intent);
  const sameKinds = namedKinds.every(
    (kind) => original.entities[kind].length === 0 || previous.entities[kind].length > 0 || ofOneMunicipality(kind),
  );
  // a change is made once, by its own sentence: "og trin 4?" after one is a question; after a
  // passage quoted, a step ("and step 4?" after the steps quoted) or a question of its own
  // that names nothing new is read for itself, a thing named alone ("and KY?") is not
  const stepAfterPassage = previous.intent === 'fact' && (original.stepNumber !== undefined || namesNothing(original));
  const repeatable =
    isFollowUp(original.tokens) &&
    !asksAnew(original.tokens) &&
    sameKinds &&
    !changesState(previous.intent) &&
    !stepAfterPassage;
  const entities = repeatable ? fill(previous.intent, inherited, previous) : undefined;
  if (entities) return { intent: previous.intent, confidence: 0.7, entities, language: original.language };
  // (not understood, it is still about the last topic: "og hvornår bliver den publiceret?" is that task's)
  const read = bestFilled(inherited, true, previous) ?? bestFilled(original, false, undefined);
  // "hvad skal han så hjælpe med?" after one role: what the one who holds it does, no help with klikbot
  if (
    (!read || read.intent === 'help') &&
    asksWhatThePersonDoes(original.tokens) &&
    previous.entities.roles.length === 1
  )
    return { intent: 'role.describe', confidence: 0.7, entities: inherited.entities, language: original.language };
  // "er de datoer endelige?" after the kick-off meetings: a short question of the last topic that
  // reads as nothing gets that topic's answer again, which says what is known of it ("foreløbig dato")
  if (!read && asksOfTheTopic(original) && !changesState(previous.intent) && previous.intent !== 'fact') {
    const entities = fill(previous.intent, inherited, previous);
    if (entities) return { intent: previous.intent, confidence: 0.55, entities, language: original.language };
  }
  return read ?? { ...unknown, entities: inherited.entities };
}

/**
 * "which FK tasks have to be redone for every new receiving system?", "hvilke opgaver skal kun
 * laves én gang?": tasks asked for by how often they are done, which is their kind (the
 * examples know the kinds by name only). Only where no single task is named.
 */
function tasksByFrequency(read: Reading): Understanding | undefined {
  const { entities, tokens } = read;
  if (!taskKindByFrequency(tokens) || entities.tasks.length > 1) return undefined;
  if (!tokens.some((token) => /^(opgaver|opgaverne|tasks|klik)$/.test(token))) return undefined;
  const others = entities.roles.length + entities.municipalities.length + entities.deadlines.length;
  if (others > 0) return undefined;
  return {
    intent: 'task.list',
    confidence: 0.8,
    entities: { ...entities, tasks: [], aspect: 'kind' },
    language: read.language,
  };
}

/**
 * Settles the intent: the best-scoring one whose needs the question meets. The last topic
 * is used only when the question leans on it (a follow-up, a word pointing back) or cannot
 * be answered without it ("hvem er ansvarlig?"): a complete new question starts afresh.
 */
export function resolveIntent(read: Reading, previous: Understanding | undefined): Understanding {
  const resolved = readIntent(read, previous);
  return roleOnOwnSide(resolved, read.tokens, read.describedRole) ?? resolved;
}

function readIntent(read: Reading, previous: Understanding | undefined): Understanding {
  const joined = membershipStatement(read);
  if (joined) return joined;
  const command = meetingCommand(read);
  if (command) return command;
  const evaluation = evaluationCommand(read);
  if (evaluation) return evaluation;
  const compared = comparison(read);
  if (compared) return compared;
  const byFrequency = tasksByFrequency(read);
  if (byFrequency) return byFrequency;
  // a host's command is no topic a follow-up could lean on
  if (previous && meetingIntents.includes(previous.intent)) return readIntent(read, undefined);
  const original = withReminderReadings(withoutMisreadStatements(read));
  const unknown: Understanding = {
    intent: 'unknown',
    confidence: 1 - original.knownShare,
    entities: original.entities,
    language: original.language,
  };
  if (!previous) return bestFilled(original, false, undefined) ?? contactPerson(original) ?? unknown;
  const inherited = inheritTopic(original, previous);
  if (refersBack(original)) return followUp(original, inherited, previous, unknown);
  const fresh = bestFilled(original, false, undefined);
  if (fresh) return fresh;
  return (
    (namesNothing(original) && original.tokens.length <= 7 ? bestFilled(inherited, true, previous) : undefined) ??
    contactPerson(original) ??
    unknown
  );
}

const contactWord = /^(kontakt\w*|contact\w*)$/;

/**
 * Whether the question names only IT systems, and one of KOMBIT's contacts is for one of them
 * ("Indstationering i KY-projektteamet"): the municipality's own contact person for SAPA or
 * for Odense is no contact KOMBIT gives, and "kontaktperson for leverandørerne" is a role.
 */
function aContactSpeaksOf(reading: Reading): boolean {
  const { entities, knowledge } = reading;
  const others = namedKinds.filter((kind) => kind !== 'itSystems' && entities[kind].length > 0);
  if (others.length > 0 || entities.itSystems.length === 0) return false;
  const names = knowledge.itSystems
    .filter((system) => entities.itSystems.includes(system.id))
    .flatMap((system) => [system.name, ...system.aliases]);
  const contacts = knowledge.contacts.map((contact) => JSON.stringify(contact));
  const said = (name: string) => new RegExp(`\\b${escapeRegExp(name)}\\b`, 'iu');
  return names.some((name) => contacts.some((text) => said(name).test(text)));
}

/**
 * "hvem er kontaktperson for indstationering i KY?": read as who is responsible, with no task or
 * role to be responsible for, a question of whom to contact about a thing named is the contacts' answer.
 */
function contactPerson(reading: Reading): Understanding | undefined {
  const [best] = reading.classification.ranked;
  if (best?.intent !== 'role.responsible' || reading.knownShare < minimumKnownShare) return undefined;
  if (!reading.tokens.some((token) => contactWord.test(token)) || !aContactSpeaksOf(reading)) return undefined;
  return {
    intent: 'contact',
    confidence: reading.knownShare * 0.6,
    entities: reading.entities,
    language: reading.language,
  };
}
