/**
 * Short-lived values several instances share, each until it expires: a conversation's last
 * question, so that a follow-up reaching another instance is still understood. Absent with
 * one instance, which keeps them in memory.
 */
export interface SharedValues {
  /** The value under `key`, unless it expired by `nowMs` (epoch milliseconds, by klikbot's clock). */
  get(key: string, nowMs: number): Promise<unknown>;
  /** Keeps `value` under `key` until `expiresAtMs`, replacing what was there. */
  set(key: string, value: unknown, nowMs: number, expiresAtMs: number): Promise<void>;
}
