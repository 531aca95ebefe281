import type pg from 'pg';

/**
 * The database's layout, one step at a time. Each step runs once, in its own transaction,
 * and is recorded in `klikbot_migrations`; a step is never changed once released, a new one
 * is added instead. Starting instances take an advisory lock, so two that start together do
 * not both run a step.
 */
export const migrations: { name: string; sql: string }[] = [
  {
    name: '001-state',
    sql: `
      -- every element of a collection is a row: a status update, a conversation, a membership;
      -- ord orders the collection and names the element (see src/state/changes.ts)
      CREATE TABLE klikbot_items (
        collection text NOT NULL,
        ord double precision NOT NULL,
        body jsonb NOT NULL,
        PRIMARY KEY (collection, ord)
      );
      -- votes and evaluation answers, each collection one value in an order that does not tell
      -- who voted or answered when (as rows, their order of writing would)
      CREATE TABLE klikbot_documents (
        collection text PRIMARY KEY,
        body jsonb NOT NULL
      );
      -- what each change did, for the other instances to catch up; trimmed as it grows
      CREATE TABLE klikbot_changes (
        seq bigint PRIMARY KEY,
        changes jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      -- the number of the last change: its row is the lock every change takes
      CREATE TABLE klikbot_head (
        single boolean PRIMARY KEY DEFAULT true CHECK (single),
        seq bigint NOT NULL
      );
      INSERT INTO klikbot_head (seq) VALUES (0);
      -- the key that hashes the voters of anonymous polls, the same for every instance
      CREATE TABLE klikbot_secrets (
        name text PRIMARY KEY,
        value bytea NOT NULL
      );
      -- for people reading the database
      CREATE VIEW status_updates AS
        SELECT body->>'id' AS id, body->>'municipalityId' AS municipality_id, body->>'taskId' AS task_id,
               (body->>'step')::int AS step, body->>'status' AS status, body->>'previous' AS previous,
               body->'by'->>'name' AS by_name, (body->>'at')::timestamptz AS at,
               (body->>'undoneAt')::timestamptz AS undone_at
        FROM klikbot_items WHERE collection = 'statusUpdates';
    `,
  },
  {
    name: '002-claims',
    sql: `
      -- what must happen once across instances: an event answered, a reminder sent
      CREATE TABLE klikbot_claims (
        key text PRIMARY KEY,
        expires_ms bigint NOT NULL
      );
    `,
  },
  {
    name: '003-values',
    sql: `
      -- short-lived values the instances share: a conversation's last question, for follow-ups
      CREATE TABLE klikbot_values (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        expires_ms bigint NOT NULL
      );
    `,
  },
  {
    name: '004-claim-owners',
    sql: `
      -- the instance that may claim again what it claimed and failed to finish (a reminder)
      ALTER TABLE klikbot_claims ADD COLUMN IF NOT EXISTS owner text;
    `,
  },
];

/** Runs the steps not yet run, under an advisory lock. */
export async function migrate(client: pg.ClientBase): Promise<string[]> {
  // any number that no other application on the database uses for its advisory locks
  const lock = 0x6b6c696b;
  await client.query('SELECT pg_advisory_lock($1)', [lock]);
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS klikbot_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ name: string }>('SELECT name FROM klikbot_migrations')).rows.map((row) => row.name),
    );
    const applied: string[] = [];
    for (const step of migrations) {
      if (done.has(step.name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(step.sql);
        await client.query('INSERT INTO klikbot_migrations (name) VALUES ($1)', [step.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(step.name);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [lock]);
  }
}
