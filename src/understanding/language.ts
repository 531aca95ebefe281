import type { Language } from '../core/types.js';

// Short function words that settle the language of a question on their own.
const englishWords = new Set([
  'what', 'when', 'which', 'who', 'whom', 'how', 'is', 'are', 'the', 'does', 'do', 'role', 'roles',
  'steps', 'step', 'upcoming', 'next', 'due', 'help', 'show', 'me', 'our', 'we', 'of', 'task', 'tasks',
  'rollout', 'date', 'dates', 'schedule', 'scheduled', 'municipality', 'municipalities', 'will', 'get', 'from', 'this', 'month',
  'week', 'there', 'any', 'where', 'why', 'can', 'you', 'new', 'news', 'approve', 'approves', 'meeting', 'agenda', 'today',
  'tomorrow', 'whats', 'list', 'have', 'has', 'many', 'much', 'long', 'take', 'about', 'contact', 'on', 'in', 'and', 'with',
  'responsible', 'should', 'must', 'need', 'needs', 'use', 'uses', 'go', 'goes', 'when', 'pilot', 'strategy', 'strategies',
]);
const danishWords = new Set([
  'hvad', 'hvornår', 'hvilke', 'hvilken', 'hvem', 'hvordan', 'er', 'en', 'et', 'den', 'det', 'de', 'og', 'for', 'til',
  'vi', 'vores', 'skal', 'laver', 'rolle', 'rollen', 'trin', 'trinene', 'frist', 'kommende', 'næste', 'hjælp', 'vis', 'opgave',
  'godkend', 'udpeg', 'udpege', 'at', 'om', 'med', 'på', 'ift', 'hvor', 'hvorfor', 'der', 'jeg', 'kan', 'ikke', 'har', 'mig',
  'os', 'af', 'noget', 'nogen', 'hos', 'ved', 'kommune', 'kommuner', 'mødet',
]);

/**
 * The language to answer in. The words of the text decide; then æ/ø/å; the client's
 * locale only breaks a tie, and Danish wins when nothing tells (the users are Danish).
 */
export function detectLanguage(text: string, localeHint?: string): Language {
  const lower = text.toLowerCase();
  const words = lower.match(/[a-zæøå]+/g) ?? [];
  let english = 0;
  let danish = 0;
  for (const word of words) {
    if (englishWords.has(word)) english += 1;
    if (danishWords.has(word)) danish += 1;
  }
  if (english !== danish) return english > danish ? 'en' : 'da';
  // Names in the data are full of æ, ø and å ("Træner/instruktør"), so the letters only
  // break a tie between the function words, never overrule them.
  if (/[æøå]/.test(lower)) return 'da';
  return localeHint?.toLowerCase().startsWith('en') ? 'en' : 'da';
}
