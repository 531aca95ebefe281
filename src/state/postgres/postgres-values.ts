import type pg from 'pg';
import type { SharedValues } from '../shared-values.js';

// PostgreSQL's text and jsonb hold no NUL character, which ids and typed text may carry:
// keys are kept JSON-quoted, and a value's NULs are dropped (a value is short-lived help, not state)
const storedKey = (key: string) => JSON.stringify(key);
const storedValue = (value: unknown) =>
  JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'string' ? inner.replaceAll('\u0000', '') : inner));

/** Shared values in the database (`klikbot_values`); expired ones are swept now and then. */
export class PostgresValues implements SharedValues {
  #setsSinceSweep = 0;

  constructor(private readonly pool: pg.Pool) {}

  async get(key: string, nowMs: number): Promise<unknown> {
    const { rows } = await this.pool.query<{ value: unknown }>(
      'SELECT value FROM klikbot_values WHERE key = $1 AND expires_ms > $2',
      [storedKey(key), nowMs],
    );
    return rows[0]?.value;
  }

  async set(key: string, value: unknown, nowMs: number, expiresAtMs: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO klikbot_values (key, value, expires_ms) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, expires_ms = EXCLUDED.expires_ms`,
      [storedKey(key), storedValue(value), expiresAtMs],
    );
    if (++this.#setsSinceSweep >= 1_000) {
      this.#setsSinceSweep = 0;
      await this.pool.query('DELETE FROM klikbot_values WHERE expires_ms <= $1', [nowMs]);
    }
  }
}
