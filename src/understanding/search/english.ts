import { everydaySynonyms } from './synonyms.js';

/**
 * English words of the programme's subject, in the Danish the knowledge is written in (folded:
 * æ/ø/å as ae/oe/aa), so an English question reaches a Danish passage. Only words that carry
 * meaning in this material; function words are left out by the search anyway.
 */
const glossary: Record<string, string[]> = {
  access: ['adgang'], accesses: ['adgang'], control: ['styring'], management: ['styring'],
  clean: ['ryd'], cleanup: ['ryd', 'op'], tidy: ['ryd'], remove: ['ryd'], users: ['brugere'], user: ['bruger'],
  rights: ['rettigheder'], permissions: ['rettigheder'], privileges: ['rettigheder'],
  login: ['logge', 'ind'], log: ['logge'], logon: ['logge', 'ind'], sign: ['logge'], signin: ['logge', 'ind'],
  shut: ['luk'], close: ['luk'], closes: ['lukker'], closing: ['lukker'], closed: ['lukket'], own: ['egen'],
  create: ['opret'], name: ['navngiv'], assign: ['tildel'], job: ['job'], function: ['funktion'],
  prepare: ['klargoer'], list: ['liste'], lists: ['liste'], recommend: ['anbefal'], recommends: ['anbefaler'],
  recommendation: ['anbefaling'], recommendations: ['anbefalinger'], advice: ['anbefalinger'],
  contract: ['kontrakt'], contracts: ['kontrakter'], agreement: ['aftale'], agreements: ['aftaler'],
  vendor: ['leverandoer'], vendors: ['leverandoerer'], supplier: ['leverandoer'], suppliers: ['leverandoerer'],
  invoice: ['fakturere'], invoicing: ['fakturere'], bill: ['fakturere'], integrate: ['integrere'], integration: ['integration'],
  approve: ['godkend'], approval: ['godkendelse'], approved: ['godkendt'], meeting: ['moede'], meetings: ['moeder'],
  economy: ['oekonomi'], economics: ['oekonomi'], finance: ['oekonomi'], cost: ['oekonomi'], introduction: ['introduktion'],
  escalation: ['eskalationspart'], escalate: ['eskalationspart'], competence: ['kompetencer'], competences: ['kompetencer'],
  skills: ['kompetencer'], responsibility: ['ansvar'], responsibilities: ['ansvar'], accountable: ['ansvar'],
  gallery: ['rollegalleriet'], update: ['opdateres'], updated: ['opdateres'], updates: ['opdateres'],
  quarterly: ['kvartalsvis'], quarter: ['kvartal'], overview: ['overblik'], implementation: ['implementering'],
  break: ['pause'], breaks: ['pause'], evaluation: ['evaluering'], microphone: ['mikrofon'], mic: ['mikrofon'],
  mute: ['mikrofon', 'fra'], sound: ['lydtest'], audio: ['lydtest'], question: ['spoergsmaal'], questions: ['spoergsmaal'],
  chat: ['chatten'], welcome: ['velkomst'], agenda: ['program'], programme: ['program'], presents: ['oplaeg'],
  presentation: ['oplaeg'], host: ['vaert'], hosts: ['vaert', 'vaerter'], feedback: ['feedback'], slides: ['plancher'],
  materials: ['plancher'], documents: ['dokumentbibliotek'], library: ['dokumentbibliotek'],
  distribution: ['fordeling'], rules: ['regler'], rule: ['regel'], routine: ['arbejdsgang'], workflow: ['arbejdsgang'],
  operation: ['drift'], operations: ['drift'], maintenance: ['vedligehold'], maintain: ['vedligehold'],
  verify: ['verificer'], configure: ['konfigurer'], appoint: ['udpeg'], designate: ['udpeg'], dropped: ['udgaar'],
  cancelled: ['udgaar'], removed: ['udgaar'], merged: ['supplement'], replaced: ['erstattet'],
  basis: ['basisopgaver'], basic: ['basisopgaver'], solution: ['loesning'], solutions: ['loesninger'], specific: ['specifikke'],
  organisation: ['organisation'], organization: ['organisation'], strategy: ['strategi'], strategies: ['strategier'],
  advantages: ['fordele'], advantage: ['fordele'], pros: ['fordele'], benefits: ['fordele'], disadvantages: ['ulemper'],
  cons: ['ulemper'], drawbacks: ['ulemper'], downsides: ['ulemper'], duration: ['tager'], months: ['maaneder'], weeks: ['uger'],
  days: ['dage'], interim: ['interim'], compliance: ['compliance'], test: ['test'], requirements: ['krav'], demands: ['krav'],
  data: ['data'], structured: ['struktureret'], rollout: ['udrulning'], group: ['gruppe'], groups: ['grupper'],
  wave: ['boelge'], pilot: ['pilot'], pilots: ['piloter'], municipality: ['kommune'], municipalities: ['kommuner'],
  news: ['nyt'], webinar: ['webinar'], webinars: ['webinarer'], kickoff: ['opstartsmoede'], startup: ['opstartsmoede'],
  day: ['dag'], next: ['naeste'], portal: ['portal'], old: ['gamle'], tasks: ['opgaver'],
  task: ['opgave'], found: ['findes'], message: ['besked'], messages: ['beskeder'], distributor: ['beskedfordeler'],
  service: ['service'], services: ['serviceaftaler'], platform: ['serviceplatformen'], support: ['support'],
  role: ['rolle'], roles: ['roller'], describe: ['beskrivelse'], description: ['beskrivelse'], descriptions: ['beskrivelser'],
  effect: ['effekt'], characteristics: ['karakteristika', 'kendetegn'], renamed: ['omdoebt'], phased: ['udfases'], phase: ['fase'],
  cross: ['tvaergaaende'], crosscutting: ['tvaergaaende'], network: ['netvaerk'], experience: ['erfaring'],
  experiences: ['erfaringer'], share: ['del'], input: ['input'], gdpr: ['gdpr'], process: ['proces'], ready: ['klar'],
  build: ['bygge'], contribute: ['bidrager'], mailbox: ['postkasse'],
  email: ['mail'], mail: ['mail'], write: ['skriv'], contact: ['kontakt'], phone: ['telefon'], subject: ['emnefeltet'],
  department: ['afdeling'], business: ['forretningen'], steps: ['trin'], step: ['trin'], done: ['gennemfoert'],
  started: ['paabegyndt'], finished: ['gennemfoert'], completed: ['gennemfoert'], status: ['status'], extract: ['udtraek'],
  figures: ['tal'], numbers: ['tal'], source: ['kilde'], interface: ['snitflade'], interfaces: ['snitflader'],
  token: ['token'], logout: ['singlelogout'], system: ['system'], systems: ['systemer'], infrastructure: ['infrastruktur'],
  shared: ['faelleskommunal'], common: ['faelleskommunal'], national: ['landsdaekkende'], frontrunner: ['foerste'],
  first: ['foerste'], last: ['sidste'], deadline: ['deadline'], deadlines: ['deadlines'], date: ['dato'],
  critical: ['kritisk'], announced: ['annonceres'], announcement: ['annoncering'], november: ['november'],
  october: ['oktober'], september: ['september'], december: ['december'], 
  headlines: ['overskrifter'], themes: ['temaer'], extended: ['udvides'],
  extend: ['udvides'], presenter: ['oplaegsholder', 'fortaeller', 'praesenterer'], etiquette: ['etikette', 'regler'],
  needs: ['behov'], purpose: ['formaal'], points: ['punkter'],
  purposes: ['formaal'], municipalityInput: ['input', 'kommunerne', 'sagde'], discussionPoints: ['droeftelse', 'diskussion'],
  clarifications: ['praecisering'], phasedOut: ['udfases', 'stopper', 'ophoerer'], soundTestMinutesBefore: ['lydtest'], searchable: ['soegbar'], search: ['soege'], area: ['omraade'], areas: ['omraader'],
};

// Danish words the knowledge says otherwise ("tlf" for "telefon").
const danishSynonyms: Record<string, string[]> = {
  tlf: ['telefon'], telefonnummer: ['telefon'], mobil: ['telefon'], mobilnummer: ['telefon'], nummer: ['telefon'],
  mik: ['mikrofon'], mikken: ['mikrofon'], mic: ['mikrofon'], vaerter: ['vaert'], vaerterne: ['vaert'],
  kendetegn: ['karakteristika'], kendetegnene: ['karakteristika'],
  droppet: ['udgaar'], droppes: ['udgaar'], nedlagt: ['udgaar'], sammenlagt: ['supplement'],
  frist: ['deadline'], fristen: ['deadline'], frister: ['deadlines'], fristerne: ['deadlines'], tidsfrist: ['deadline'],
  faerdig: ['gennemfoert'], faerdige: ['gennemfoert'], faerdigt: ['gennemfoert'], fuldfoert: ['gennemfoert'],
  nyhed: ['nyt'], nyheden: ['nyt'], nyheder: ['nyt'], nyhederne: ['nyt'],
  // numbers in words, as the material writes them in digits
  tre: ['3'], fire: ['4'], fem: ['5'], seks: ['6'], syv: ['7'], otte: ['8'], ni: ['9'], ti: ['10'],
  two: ['2'], three: ['3'], four: ['4'], five: ['5'], six: ['6'], seven: ['7'], eight: ['8'], nine: ['9'], ten: ['10'],
};
Object.assign(glossary, danishSynonyms);
for (const [word, material] of everydaySynonyms) if (!Object.hasOwn(glossary, word)) glossary[word] = material;

/** The Danish words an English word stands for here, or undefined. */
export function danishFor(word: string): string[] | undefined {
  return Object.hasOwn(glossary, word) ? glossary[word] : undefined;
}
