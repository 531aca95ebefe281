import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { ErrorCode, KlikbotError } from '../../errors.js';
import { changeSchema, type Change } from '../changes.js';
import { collectionNames, collectionRules } from '../collections.js';
import { StateMirror, type Tentative } from '../mirror.js';
import { SerialStore, type Durability } from '../serial-store.js';
import type { Claims } from '../claims.js';
import { migrate } from './migrations.js';
import { readAll, writeBatch } from './rows.js';
import { PostgresClaims } from './postgres-claims.js';
import { PostgresValues } from './postgres-values.js';
import type { SharedValues } from '../shared-values.js';

/** A change as `klikbot_changes` keeps it: a private collection's part says only that it changed. */
const loggedSchema = z.array(
  z.array(
    z.union([
      z.strictObject({ c: z.enum(collectionNames), private: z.literal(true) }),
      ...changeSchema.element.options,
    ]),
  ),
);

// Past this many changes, the oldest are dropped: an instance further behind reads everything anew.
const KEEP_CHANGES = 10_000;

/** Where a database URL points, without its password: for messages and logs. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL ${parsed.pathname.replace(/^\//, '') || '(default database)'} on ${parsed.hostname}:${parsed.port || '5432'}`;
  } catch {
    return 'PostgreSQL (an address that is not a URL)';
  }
}

/**
 * Makes changes durable in PostgreSQL, one transaction a batch. Every change takes the lock
 * of `klikbot_head`'s row, reads the changes other instances made since its own last one,
 * then writes its own with the next number: all instances see one order of changes.
 */
class PostgresDurability implements Durability {
  constructor(
    private readonly pool: pg.Pool,
    private readonly where: string,
    public seq: number,
  ) {}

  async catchUp(mirror: StateMirror, client?: pg.ClientBase, head?: number): Promise<void> {
    const own = client ?? (await this.pool.connect());
    try {
      const upTo = head ?? Number((await own.query<{ seq: string }>('SELECT seq FROM klikbot_head')).rows[0]!.seq);
      if (upTo <= this.seq) return;
      const rows = (
        await own.query<{ seq: string; changes: unknown }>(
          'SELECT seq, changes FROM klikbot_changes WHERE seq > $1 AND seq <= $2 ORDER BY seq',
          [this.seq, upTo],
        )
      ).rows;
      if (rows.length !== upTo - this.seq) {
        // the changes this instance missed were dropped already: read everything anew, as one
        // snapshot (inside a commit the head's lock already keeps everyone else out)
        if (!client) await own.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        const fresh = await readAll(own, this.where).catch(async (error: unknown) => {
          if (!client) await own.query('ROLLBACK').catch(() => undefined);
          throw error;
        });
        if (!client) await own.query('COMMIT');
        mirror.reset(fresh.mirror);
        this.seq = fresh.seq;
        return;
      }
      const documents = new Map<string, unknown>();
      for (const row of rows) {
        const logged = loggedSchema.parse(row.changes);
        const changes: Change[] = [];
        for (const change of logged) {
          const parts: Change = [];
          for (const part of change) {
            if (!('private' in part)) {
              parts.push(part);
              continue;
            }
            if (!documents.has(part.c)) {
              const found = await own.query<{ body: unknown }>(
                'SELECT body FROM klikbot_documents WHERE collection = $1',
                [part.c],
              );
              documents.set(part.c, found.rows[0]?.body ?? []);
            }
            parts.push({ c: part.c, all: documents.get(part.c) as unknown[] });
          }
          changes.push(parts);
        }
        mirror.replay(changes, this.where);
        this.seq = Number(row.seq);
      }
    } finally {
      if (!client) (own as pg.PoolClient).release();
    }
  }

  async commit(mirror: StateMirror, decide: () => Tentative): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const head = Number(
        (await client.query<{ seq: string }>('SELECT seq FROM klikbot_head FOR UPDATE')).rows[0]!.seq,
      );
      await this.catchUp(mirror, client, head);
      const tentative = decide();
      if (tentative.changes.length === 0) {
        await client.query('ROLLBACK');
        return;
      }
      const seq = head + 1;
      await writeBatch(client, tentative, tentative.changes);
      const logged = tentative.changes.map((change) =>
        change.map((part) => (collectionRules[part.c].private ? { c: part.c, private: true } : part)),
      );
      await client.query('UPDATE klikbot_head SET seq = $1', [seq]);
      await client.query('INSERT INTO klikbot_changes (seq, changes) VALUES ($1, $2)', [seq, JSON.stringify(logged)]);
      if (seq % 1_000 === 0) await client.query('DELETE FROM klikbot_changes WHERE seq <= $1', [seq - KEEP_CHANGES]);
      await client.query("SELECT pg_notify('klikbot_changes', $1)", [String(seq)]);
      await client.query('COMMIT');
      this.seq = seq;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The store in PostgreSQL, which several instances share. */
export class PostgresStore extends SerialStore {
  #listener: pg.Client | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    where: string,
    mirror: StateMirror,
    private readonly database: PostgresDurability,
    readonly pool: pg.Pool,
  ) {
    super(where, mirror, database);
  }

  /** Listens for the changes of other instances, and looks every few seconds in case a notice was lost. */
  async listen(url: string, everyMs = 5_000): Promise<void> {
    const listener = new pg.Client({ connectionString: url });
    this.#listener = listener;
    await listener.connect();
    listener.on('notification', (message) => {
      if (Number(message.payload) > this.database.seq) void this.refresh().catch(() => undefined);
    });
    // a lost connection is noticed by the timer, which keeps the state current without it
    listener.on('error', () => undefined);
    await listener.query('LISTEN klikbot_changes');
    this.#timer = setInterval(() => void this.refresh().catch(() => undefined), everyMs);
    this.#timer.unref();
  }

  override async close(): Promise<void> {
    clearInterval(this.#timer);
    const listener = this.#listener;
    this.#listener = undefined;
    await listener?.end().catch(() => undefined);
    await super.close();
  }

  /** Short-lived values the instances on this database share. */
  sharedValues(): SharedValues {
    return new PostgresValues(this.pool);
  }

  /** What must happen once across the instances on this database. */
  claims(): Claims {
    return new PostgresClaims(this.pool);
  }

  /**
   * The key that hashes anonymous voters: made once (or `moved` from a state file's key
   * the first time), the same for every instance.
   */
  async voteKey(moved?: Buffer): Promise<Buffer> {
    await this.pool.query(
      "INSERT INTO klikbot_secrets (name, value) VALUES ('vote-key', $1) ON CONFLICT (name) DO NOTHING",
      [moved ?? randomBytes(32)],
    );
    const { rows } = await this.pool.query<{ value: Buffer }>(
      "SELECT value FROM klikbot_secrets WHERE name = 'vote-key'",
    );
    return rows[0]!.value;
  }
}

/** How a store is opened: a tool that only reads does not listen for other instances. */
export interface PostgresStoreOptions {
  listen?: boolean;
}

/**
 * Opens the store at `url`: runs the migrations not yet run, reads the state and listens for
 * other instances' changes. Throws StateUnreadable when the database cannot be reached.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const where = describeDatabase(url);
  // a database that hangs must not hold every request: a connection or a query that takes
  // this long fails, and what waits on it says so
  const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 10_000, query_timeout: 30_000 });
  // an idle connection that breaks is dropped from the pool; the next query opens another
  pool.on('error', () => undefined);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw new KlikbotError(
      ErrorCode.StateUnreadable,
      `Cannot reach ${where} (${cause instanceof Error ? cause.message : String(cause)}). Check KLIKBOT_DATABASE_URL and that the server is running.`,
      { cause },
    );
  }
  let read: { mirror: StateMirror; seq: number };
  try {
    await migrate(client);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    read = await readAll(client, where);
    await client.query('COMMIT');
  } catch (error) {
    client.release();
    await pool.end().catch(() => undefined);
    throw error;
  }
  client.release();
  const store = new PostgresStore(where, read.mirror, new PostgresDurability(pool, where, read.seq), pool);
  if (options.listen !== false)
    await store.listen(url).catch(async (error: unknown) => {
      await store.close();
      throw error;
    });
  return store;
}
