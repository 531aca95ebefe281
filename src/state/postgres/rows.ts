import type pg from 'pg';
import { ErrorCode, KlikbotError } from '../../errors.js';
import type { Change, Ordinals } from '../changes.js';
import { collectionRules, type CollectionName } from '../collections.js';
import { StateMirror, type Tentative } from '../mirror.js';
import { stateSchema } from '../schema.js';
import { describeSchemaIssues } from '../state-file.js';

/** Reads every collection with its ordinals, as of the last change (`seq`). */
export async function readAll(client: pg.ClientBase, where: string): Promise<{ mirror: StateMirror; seq: number }> {
  const head = await client.query<{ seq: string }>('SELECT seq FROM klikbot_head');
  const items = await client.query<{ collection: string; ord: number; body: unknown }>(
    'SELECT collection, ord, body FROM klikbot_items ORDER BY collection, ord',
  );
  const documents = await client.query<{ collection: string; body: unknown }>(
    'SELECT collection, body FROM klikbot_documents',
  );
  const raw: Record<string, unknown[]> = {};
  const ordinals = new Map<CollectionName, number[]>();
  for (const row of items.rows) {
    (raw[row.collection] ??= []).push(row.body);
    const list = ordinals.get(row.collection as CollectionName) ?? [];
    list.push(row.ord);
    ordinals.set(row.collection as CollectionName, list);
  }
  for (const row of documents.rows) raw[row.collection] = row.body as unknown[];
  const parsed = stateSchema.safeParse({ version: 1, ...raw });
  if (!parsed.success)
    throw new KlikbotError(
      ErrorCode.StateCorrupt,
      `The state in ${where} does not match the expected layout:\n${describeSchemaIssues(parsed.error)}\nklikbot has left it untouched.`,
      { cause: parsed.error },
    );
  return { mirror: new StateMirror(parsed.data, ordinals), seq: Number(head.rows[0]?.seq ?? 0) };
}

/** An ordinal whose element went. */
const GONE = Symbol('gone');

/** Each collection's net effect in a batch: ordinals gone, values written, or the whole collection. */
function coalesce(changes: readonly Change[]) {
  const byCollection = new Map<CollectionName, { whole: boolean; rows: Map<number, unknown> }>();
  for (const change of changes) {
    for (const part of change) {
      const entry = byCollection.get(part.c) ?? { whole: false, rows: new Map() };
      byCollection.set(part.c, entry);
      if ('all' in part) entry.whole = true;
      else {
        for (const ordinal of part.del) entry.rows.set(ordinal, GONE);
        for (const [ordinal, value] of part.put) entry.rows.set(ordinal, value);
      }
    }
  }
  return byCollection;
}

export async function writeBatch(
  client: pg.ClientBase,
  tentative: Tentative,
  changes: readonly Change[],
): Promise<void> {
  for (const [c, { whole, rows }] of coalesce(changes)) {
    if (collectionRules[c].private) {
      await client.query(
        'INSERT INTO klikbot_documents (collection, body) VALUES ($1, $2) ON CONFLICT (collection) DO UPDATE SET body = EXCLUDED.body',
        [c, JSON.stringify(tentative.state[c])],
      );
      continue;
    }
    let gone = [...rows].filter(([, value]) => value === GONE).map(([ordinal]) => ordinal);
    let put = [...rows].filter(([, value]) => value !== GONE);
    if (whole) {
      // renumbered: the collection as it ends, with its final ordinals
      await client.query('DELETE FROM klikbot_items WHERE collection = $1', [c]);
      const ordinals: Ordinals = tentative.ordinals.get(c)!;
      const items: readonly unknown[] = tentative.state[c];
      put = items.map((value, index): [number, unknown] => [ordinals[index]!, value]);
      gone = [];
    }
    if (gone.length > 0)
      await client.query('DELETE FROM klikbot_items WHERE collection = $1 AND ord = ANY($2::float8[])', [c, gone]);
    if (put.length > 0)
      await client.query(
        `INSERT INTO klikbot_items (collection, ord, body)
         SELECT $1, ord, body FROM unnest($2::float8[], $3::jsonb[]) AS given(ord, body)
         ON CONFLICT (collection, ord) DO UPDATE SET body = EXCLUDED.body`,
        [c, put.map(([ordinal]) => ordinal), put.map(([, value]) => JSON.stringify(value))],
      );
  }
}
