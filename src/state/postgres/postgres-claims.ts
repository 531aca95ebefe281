import type pg from 'pg';
import type { Claims } from '../claims.js';

/**
 * Claims in the database, shared by every instance: the first INSERT of a key wins, and an
 * expired claim is taken over by the next. Times are real time, the same for every instance.
 */
export class PostgresClaims implements Claims {
  #claimsSinceCleanup = 0;

  constructor(private readonly pool: pg.Pool) {}

  async claim(key: string, nowMs: number, expiresAtMs: number, owner?: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO klikbot_claims (key, expires_ms, owner) VALUES ($1, $2, $4)
       ON CONFLICT (key) DO UPDATE SET expires_ms = EXCLUDED.expires_ms, owner = EXCLUDED.owner
       WHERE klikbot_claims.expires_ms <= $3 OR klikbot_claims.owner = $4`,
      // JSON-quoted: PostgreSQL's text holds no NUL character, which an id from outside may carry
      [JSON.stringify(key), expiresAtMs, nowMs, owner ?? null],
    );
    if (++this.#claimsSinceCleanup >= 1_000) {
      this.#claimsSinceCleanup = 0;
      await this.pool.query('DELETE FROM klikbot_claims WHERE expires_ms <= $1', [nowMs]);
    }
    return rowCount === 1;
  }
}
