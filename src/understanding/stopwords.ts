import { stem } from './stem.js';

// Folded words that say nothing about which thing is meant: question words, small words, and
// words many names share. They still count inside a whole name, barely on their own.
const stopwords = new Set([
  'og', 'i', 'for', 'at', 'er', 'en', 'et', 'de', 'den', 'det', 'til', 'paa', 'af', 'med', 'om', 'fra', 'ved', 'eller',
  'hvad', 'hvem', 'hvor', 'hvornaar', 'hvordan', 'hvilke', 'hvilken', 'hvilket', 'skal', 'vi', 'jeg', 'du', 'der', 'man',
  'som', 'kan', 'har', 'laver', 'naar', 'vores', 'min', 'mit', 'mine', 'deres', 'sin', 'ikke', 'nu', 'egen', 'sig', 'sine',
  'the', 'a', 'an', 'of', 'to', 'is', 'are', 'what', 'who', 'when', 'does', 'do', 'our', 'in', 'on', 'with', 'and', 'by',
  'kombit', 'klik', 'opgave', 'opgaver', 'opgaven', 'rolle', 'roller', 'rollen', 'kommune', 'kommunen', 'kommunes',
  'deadline', 'deadlines', 'status', 'it', 'sts', 'sp', 'via', 'service', 'sikkerhed', 'trin', 'step', 'steps', 'trinene',
  // more Danish function words: pronouns, particles and auxiliaries that carry no topic
  'os', 'mig', 'dig', 'jer', 'dem', 'han', 'hun', 'hans', 'hendes', 'vor', 'vort', 'nogle', 'noget', 'nogen', 'alle', 'alt',
  'her', 'saa', 'ogsaa', 'bare', 'lige', 'godt', 'mon', 'gerne', 'vel', 'jo', 'da', 'hvis', 'end', 'men', 'efter', 'over',
  'under', 'hos', 'mod', 'uden', 'blive', 'bliver', 'blev', 'vaere', 'var', 'vaeret', 'have', 'havde', 'haft', 'faa', 'faar',
  'fik', 'gaa', 'gaar', 'gik', 'gik', 'goer', 'gjort', 'kunne', 'skulle', 'ville', 'vil', 'maa', 'burde', 'boer', 'lad',
  'hvorfor', 'hvormange', 'mange', 'meget', 'mere', 'mest', 'flere', 'andre', 'anden', 'andet', 'hele', 'helt', 'dette',
  'disse', 'denne', 'sig', 'selv', 'slet', 'stadig', 'allerede', 'endnu', 'igen', 'tak', 'venligst', 'please', 'hej', 'kan',
  'findes', 'ud', 'ind', 'op', 'ned', 'frem', 'hen', 'altsaa', 'egentlig', 'faktisk', 'okay', 'ok',
  // numbers in words say how many, not which thing
  'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'three', 'four', 'five', 'six', 'seven', 'eight',
  // common verbs and adverbs of chat questions: they ask, they do not name anything
  'bestaar', 'handler', 'betyder', 'gaelder', 'mener', 'tror', 'finder', 'kommer', 'staar', 'ligger', 'sker', 'ske', 'hedder',
  'bruges', 'laves', 'goeres', 'lave', 'goere', 'sende', 'sender', 'spoerge', 'svare', 'svar', 'give', 'giver', 'tage',
  'holde', 'holder', 'starte', 'starter', 'slutte', 'ude', 'inde', 'kun', 'snart', 'sammen', 'alene', 'maaske', 'sikkert',
  'vist', 'mindre', 'lidt', 'rigtig', 'virkelig', 'cirka', 'ca', 'praecis', 'igang', 'klar', 'noedt', 'hjaelpe', 'vide',
  'ved', 'kende', 'kender', 'se', 'ser', 'hoere', 'tale', 'snakke', 'skrive', 'laese', 'huske', 'glemt', 'glemme',
  'even', 'already', 'really', 'exactly', 'around', 'know', 'tell', 'say', 'said', 'see', 'find', 'look', 'want', 'like',
  // English function words
  'we', 'us', 'i', 'me', 'you', 'they', 'them', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'be', 'been',
  'was', 'were', 'will', 'would', 'should', 'shall', 'can', 'could', 'must', 'may', 'might', 'have', 'has', 'had', 'get',
  'got', 'any', 'some', 'all', 'my', 'your', 'their', 'at', 'for', 'from', 'as', 'so', 'if', 'or', 'but', 'about', 'up',
  'which', 'how', 'where', 'why', 'whats', 's', 't', 'haven', 'hasn', 'isn', 'aren', 'don', 'doesn', 'didn', 'll', 're',
  'there', 'also', 'just', 'still', 'yet', 'again', 'our', 'ours', 'many', 'much', 'more', 'most',
  'role', 'roles', 'task', 'tasks', 'deadline', 'status', 'municipality', 'municipalities',
]);

// Inflected forms count too ("opgaverne", "rollens"): compared by Danish stem.
const stopwordStems = new Set([...stopwords].filter((word) => word.length > 3).map(stem));

/** Whether a folded word carries no meaning of its own for finding a name. */
export function isStopword(word: string): boolean {
  return stopwords.has(word) || (word.length > 4 && stopwordStems.has(stem(word)));
}

// Words that glue a sentence together without saying what is asked: left out of intent
// classification, where their frequency would outweigh the words that matter.
const glueWords = new Set([
  'og', 'i', 'for', 'at', 'en', 'et', 'den', 'det', 'de', 'til', 'paa', 'af', 'med', 'fra', 'ved', 'eller', 'som', 'der', 'er',
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'with', 'and', 'by', 'is', 'are', 'for', 'at', 'be', 'os', 'vi', 'jeg', 'mig',
]);

/** Whether a folded word only glues the sentence together. */
export function isGlueWord(word: string): boolean {
  return glueWords.has(word);
}

// Words too common in names to identify one on their own ("ansvarlig" in FK-ansvarlig and
// E-boks ansvarlig; "bruger" is also the verb "uses"): they count only beside another word.
const weakWords = new Set([
  'ansvarlig', 'administrator', 'administratorer', 'bruger', 'brugere', 'brugerne', 'leder', 'chef', 'ejer', 'medarbejder',
  'system', 'systemer', 'serviceaftaler', 'serviceaftale', 'aftaler', 'godkend', 'kritisk', 'senest', 'definitivt', 'farvel',
  // words that ask about a kind of thing ("er den løsningsspecifik?") rather than name one
  'loesningsspecifik', 'loesningsspecifikke', 'systemspecifik', 'systemspecifikke', 'basis', 'basisopgave', 'tvaergaaende',
  // English role words, as weak as their Danish counterparts
  'programme', 'program', 'programmet', 'leader', 'manager', 'owner', 'user', 'users', 'officer', 'responsible', 'approve',
]);

/** Whether a folded word is too common in names to point at one by itself. */
export function isWeakWord(word: string): boolean {
  return weakWords.has(word);
}
