/**
 * The deepest a request body's JSON may nest. A Bot Framework activity or a Slack payload
 * nests about six levels (a card's body inside an attachment inside the activity); ten
 * thousand nested arrays in a field are an attack on whatever walks the value later.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether JSON text nests deeper than `limit`, read before it is parsed: brackets inside
 * strings do not count. Malformed text is left to the parser to refuse.
 */
export function nestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth += 1;
      if (depth > limit) return true;
    } else if (char === ']' || char === '}') depth -= 1;
  }
  return false;
}
