import type { Request } from 'restify';

/**
 * A request's query string as an object for a zod schema: a parameter given once is a string,
 * one repeated is a list, which the schemas refuse (a value must not depend on which copy wins).
 */
export function queryOf(req: Request): Record<string, string | string[]> {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return query;
}
