import type { Knowledge } from '../knowledge/registry.js';
import { pilotSolutionNamed } from '../knowledge/queries/pilots.js';
import { followUpWords } from './elliptic-follow-ups.js';
import { namesSomething } from './reading-groups.js';
import { outsideWordsOf } from './search/outside.js';
import { CONFIDENCE_THRESHOLD, noEntities, type Understanding } from './types.js';
import { words } from '../knowledge/text.js';

// the words of piloting: "pilot", "piloterne", "præpilot", "pilotkommunerne", "pilotafprøvningen"
const pilotWord = /^(pilot\w*|praepilot\w*|proevekoers\w*)$/;
// … and of asking who uses something ("hvem bruger …", "which … run", "er der andre …")
const whoUses =
  /^(hvem|hvilke|hvilken|who|which|bruger|bruge|anvender|anvende|use|uses|using|run|runs|andre|others|udover|besides)$/;
// "OS2 STS ORG Syncronizer" names STS Organisation's words, which do not make it about the support system
const organisation = 'organisation';
// "hvad bruger Næstved til org-data?": a pilot municipality asked what it uses for its organisation data
const usesWord = /^(bruger|bruge|anvender|anvende|koerer|use|uses|using|run|runs)$/;
const organisationWord = /^(orgdata|organisationsdata\w*|organisationsloesning\w*|orgloesning\w*)$/;
// … or "org" said before what of it ("org data", "org-løsning"; not "org-diagrammer")
const orgWord = /^(org|organisation)$/;
const orgThing = /^(data|loesning\w*|solution\w*|sync\w*|synkronisering\w*)$/;
// the readings a municipality's pilot question is given when its piloting word is not known ("pilotforsøget"),
// or when "org" made it the systems that use Organisation
const misreadIntents = new Set<string>(['unknown', 'status.mine', 'status.national', 'overview.systems-using']);
// "hvilke kommuner …", "which municipalities …"; "hvilke leverandører …", "which vendors …" of a pilot
const whichWord = /^(hvilke|hvilken|which)$/;
const manyWord = /^(mange|many)$/;
const pilotsAsked =
  /^(kommun\w*|municipalit\w*|leverandoer\w*|vendors?|suppliers?|produkt\w*|products?|loesning\w*|solutions?)$/;
// … of which who pilots (the municipalities, the vendors) is the pilots' however else it was read;
// which solutions may be the strategies' ("hvilke løsninger skal vi vælge mellem?")
const pilotsWho = /^(kommun\w*|municipalit\w*|leverandoer\w*|vendors?|suppliers?)$/;
// below this the pilots' answer is more likely than the intent the words alone suggested
const pilotConfidence = 0.7;

/**
 * "hvad bruger Næstved i pilotforsøget?": a municipality and a word of piloting, nothing else
 * named, is the pilots' answer for that municipality, however the words alone were read.
 */
function municipalityPiloting(resolved: Understanding, tokens: string[]): Understanding | undefined {
  const { entities } = resolved;
  // … or no municipality, asked which do it and with what ("hvilke kommuner kører pilot på org-sync?",
  // "which vendors are in the pilot?")
  const which = entities.municipalities.length === 0 && asksWhichOfThePilots(tokens);
  if ((entities.municipalities.length === 0 && !which) || resolved.intent === 'pilot.solution') return undefined;
  // (a question read well as something else stays that: "hvem skal Vejle kontakte om piloten?")
  // (… but which municipalities or vendors pilot is the pilots' answer, however the words alone were read)
  const sure = !misreadIntents.has(resolved.intent) && resolved.confidence >= CONFIDENCE_THRESHOLD;
  if (sure && !(which && asksWhichOfThePilots(tokens, pilotsWho))) return undefined;
  const others = {
    ...entities,
    municipalities: [],
    supportSystems: entities.supportSystems.filter((id) => id !== organisation),
  };
  if (namesSomething(others)) return undefined;
  return { ...resolved, intent: 'pilot.solution', confidence: Math.max(resolved.confidence, pilotConfidence) };
}

function asksWhichOfThePilots(tokens: string[], asked = pilotsAsked): boolean {
  // ("hvor mange pilotkommuner er der?", "how many pilot participants": how many of them, as which;
  // not "hvor mange kommuner er med i første gruppe efter piloterne?")
  return tokens.some((token, index) => {
    const next = tokens[index + 1] ?? '';
    return (whichWord.test(token) && asked.test(next)) || (manyWord.test(token) && pilotWord.test(next));
  });
}

/** Pilot municipalities (one or more) asked what they use for their organisation data, the piloting word unsaid. */
function pilotsOrganisation(knowledge: Knowledge, tokens: string[], resolved: Understanding): boolean {
  const { municipalities } = resolved.entities;
  const pilots = new Set(knowledge.pilots.map((pilot) => pilot.municipality));
  if (municipalities.length === 0 || !municipalities.every((municipality) => pilots.has(municipality))) return false;
  // (Organisation named by its whole name; "org" alone may be anything's: "org charts")
  const aboutOrganisation =
    (resolved.entities.supportSystems.includes(organisation) && tokens.some((token) => /^organisation/.test(token))) ||
    tokens.some(
      (token, index) => organisationWord.test(token) || (orgWord.test(token) && orgThing.test(tokens[index + 1] ?? '')),
    );
  // ("hvilke systemer bruger Odense organisationsdata i?" asks of systems, not of the pilot's solution)
  const ofSystems = tokens.some((token) => /^(systemer|systems|fagsystemer)$/.test(token));
  return aboutOrganisation && !ofSystems && tokens.some((token) => usesWord.test(token));
}

const systemKindWord = /^(snitflad\w*|interface\w*|system\w*|fagsystem\w*|stoettesystem\w*|it)$/;
const whatWord = /^(hvad|hvilken|hvilke|what|which)$/;
// asked of the municipality alone, in a few words ("hvilke løsninger bruger Odense i borgerservice?" asks of more)
const shortUse = 4;

/**
 * "hvad bruger Odense?", "what does Gladsaxe use?": what a pilot municipality uses, asked of
 * it alone, is its solution in the pilot, the one thing the material says it uses.
 */
function whatAPilotUses(knowledge: Knowledge, tokens: string[], resolved: Understanding): Understanding | undefined {
  const { entities } = resolved;
  const [municipality] = entities.municipalities;
  if (!municipality || entities.municipalities.length !== 1 || tokens.length > shortUse) return undefined;
  if (!tokens.some((token) => usesWord.test(token)) || !tokens.some((token) => whatWord.test(token))) return undefined;
  // ("hvad bruger Odense af snitflader?" asks of systems, which the material does not give per municipality)
  if (tokens.some((token) => systemKindWord.test(token))) return undefined;
  const others = {
    ...entities,
    municipalities: [],
    supportSystems: entities.supportSystems.filter((id) => id !== organisation),
  };
  if (namesSomething(others) || !knowledge.pilots.some((pilot) => pilot.municipality === municipality))
    return undefined;
  return { ...resolved, intent: 'pilot.solution', confidence: Math.max(resolved.confidence, pilotConfidence) };
}

/**
 * "hvem bruger OS2 sync?", "which pilot municipalities built their own org solution?": a
 * solution the SAPA pilots use, asked who uses it, is the pilots' answer for that solution. A
 * municipality named stays only where it is a pilot with that solution ("udover Gentofte").
 * "Egen løsning" is asked about with a word of piloting: "vores egen løsning" alone is no pilot's.
 */
export function pilotSolutionReading(
  knowledge: Knowledge,
  tokens: string[],
  resolved: Understanding,
): Understanding | undefined {
  // "hvad koster OS2 sync?": a price is never in the material, whatever it names
  if (outsideWordsOf(tokens).length > 0) return undefined;
  const uses = whatAPilotUses(knowledge, tokens, resolved);
  if (uses) return uses;
  const named = pilotSolutionNamed(knowledge, tokens);
  const piloting = tokens.some((token) => pilotWord.test(token)) || pilotsOrganisation(knowledge, tokens, resolved);
  if (!named) return piloting ? municipalityPiloting(resolved, tokens) : undefined;
  const own = named.pilots.every((pilot) => pilot.vendor === pilot.solution);
  if (!piloting && (own || !tokens.some((token) => whoUses.test(token)))) return undefined;
  // anything else named is that thing's question ("hvilke kommuner bruger KMD Sag?", "hvilken
  // GUI bruger man?" is strategy B's), but the municipalities asked about and Organisation,
  // whose words the solutions' names share
  const { entities } = resolved;
  const others = {
    ...entities,
    municipalities: [],
    supportSystems: entities.supportSystems.filter((id) => id !== organisation),
    // … and, asked of the pilots, the strategy a solution is the way of ("typing it into the GUI")
    strategies: piloting ? [] : entities.strategies,
  };
  if (namesSomething(others)) return undefined;
  const pilots = new Set(named.pilots.map((pilot) => pilot.municipality));
  return {
    ...resolved,
    intent: 'pilot.solution',
    confidence: Math.max(resolved.confidence, pilotConfidence),
    entities: { ...entities, municipalities: entities.municipalities.filter((id) => pilots.has(id)) },
  };
}

// a follow-up's words besides the solution it names: "og Digital Identitys løsning?", "and KMD's product?"
const solutionFollowUpWords =
  /^(s|ones?|dem|dens|those|loesning\w*|produkt\w*|products?|solutions?|leverandoer\w*|vendors?|kommuner\w*|municipalit\w*|pilot\w*)$/;
const longestSolutionFollowUp = 6;

/**
 * "og Digital Identitys løsning?" after an answer about the pilots' solutions asks the same of
 * that solution: the pilots that use it.
 */
export function pilotSolutionFollowUp(
  knowledge: Knowledge,
  tokens: string[],
  previous: Understanding | undefined,
  language: Understanding['language'],
): Understanding | undefined {
  if (!previous || tokens.length > longestSolutionFollowUp) return undefined;
  const aboutPilots =
    previous.intent === 'pilot.solution' ||
    (previous.intent === 'fact' && (previous.entities.passages ?? []).some((key) => key.startsWith('pilots/')));
  if (!aboutPilots) return undefined;
  const named = pilotSolutionNamed(knowledge, tokens);
  if (!named) return undefined;
  const naming = new Set(
    named.pilots.flatMap((pilot) => [pilot.solution, pilot.vendor ?? ''].flatMap((name) => words(name))),
  );
  const saysMore = tokens.some(
    (token) =>
      !followUpWords.test(token) &&
      !solutionFollowUpWords.test(token) &&
      ![...naming].some((word) => word === token || word.startsWith(token) || token === `${word}s`),
  );
  if (saysMore) return undefined;
  return { intent: 'pilot.solution', confidence: pilotConfidence, entities: noEntities(), language };
}
