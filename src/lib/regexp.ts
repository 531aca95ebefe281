/** Text to match as written inside a regular expression: its special characters escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name as the material writes it, with its capital, whole or with an ending ("Adgangsstyringen", "BBRs"). */
export function namePattern(name: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(name)}(?:s|en|ens|et|ets|erne|ne)?(?![\\p{L}\\d])`, 'u');
}
