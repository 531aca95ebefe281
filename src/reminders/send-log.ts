import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import { ErrorCode, KlikbotError } from '../errors.js';

/**
 * What happened to one reminder for one conversation. `claimed` is written before the send:
 * a claim without an outcome (the process stopped mid-send) is never sent again, which is
 * how a restart cannot send twice. `skipped` is a reminder that was not sent on purpose
 * (missed while klikbot was down and no longer useful, see the engine's catch-up rule).
 */
export const sendStatusSchema = z.enum(['claimed', 'sent', 'failed', 'gone', 'dead', 'unknown', 'skipped']);

/** The status of one reminder delivery. */
export type SendStatus = z.infer<typeof sendStatusSchema>;

const deliveryRecordSchema = z.object({
  type: z.literal('delivery'),
  occurrenceId: z.string().min(1),
  itemId: z.string().min(1),
  channel: z.string().min(1),
  conversationId: z.string().min(1),
  status: sendStatusSchema,
  attempt: z.int().min(1),
  at: z.iso.datetime({ offset: true }),
  reason: z.string().optional(),
  /** When a failed delivery is tried again; absent when it will not be. */
  retryAt: z.iso.datetime({ offset: true }).optional(),
});

/** One line of the send log: a delivery, or the mark of a tick that looked up to `at`. */
const logLineSchema = z.discriminatedUnion('type', [
  deliveryRecordSchema,
  z.object({ type: z.literal('tick'), at: z.iso.datetime({ offset: true }) }),
]);

/** A delivery as the log keeps it. */
export type DeliveryRecord = z.infer<typeof deliveryRecordSchema>;

/** A delivery to write: the log adds the type. */
export type NewDeliveryRecord = Omit<DeliveryRecord, 'type'>;

/** The key a delivery is logged under: one reminder occurrence in one conversation. */
export function deliveryKey(occurrenceId: string, channel: string, conversationId: string): string {
  return JSON.stringify([occurrenceId, channel, conversationId]);
}

function parseLines(filePath: string, text: string): { lines: z.infer<typeof logLineSchema>[]; validLength: number } {
  const lines: z.infer<typeof logLineSchema>[] = [];
  // a line is complete once its newline is written; anything after the last one is a write the process did not finish
  const validLength = text.lastIndexOf('\n') + 1;
  const complete = text.slice(0, validLength).split('\n');
  complete.pop();
  complete.forEach((line, index) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (cause) {
      throw new KlikbotError(
        ErrorCode.StateCorrupt,
        `The reminder send log ${filePath} is damaged at line ${index + 1}: it is not JSON. Move it aside to start a new log (reminders already sent may then be sent again).`,
        { cause },
      );
    }
    const result = logLineSchema.safeParse(parsed);
    if (!result.success) {
      throw new KlikbotError(
        ErrorCode.StateCorrupt,
        `The reminder send log ${filePath} has an unexpected record at line ${index + 1}: ${result.error.issues[0]?.message ?? 'invalid'}.`,
      );
    }
    lines.push(result.data);
  });
  return { lines, validLength };
}

/**
 * The reminders sent, tried or skipped, as an append-only file of JSON lines beside the
 * state file. Appending costs what is written, not what is stored, so a tick with nothing
 * due writes nothing and one with 1,000 due writes 1,000 lines; each append is fsynced
 * before it resolves. Opening reads the whole log into memory, latest record per key.
 */
export class SendLog {
  private readonly latestByKey = new Map<string, DeliveryRecord>();
  private readonly lastByConversation = new Map<string, DeliveryRecord>();
  private readonly failed: DeliveryRecord[] = [];
  private readonly pendingRetries = new Map<string, DeliveryRecord>();
  private lastTick: string | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** Bytes of whole lines on disk; a failed write may have left part of a line after them. */
  private goodLength: number;
  private damaged = false;

  private constructor(
    readonly filePath: string,
    private readonly handle: FileHandle,
    length: number,
  ) {
    this.goodLength = length;
  }

  /** Opens (or creates) the log, dropping a last line the process did not finish writing. */
  static async open(filePath: string): Promise<SendLog> {
    const text = await readFile(filePath, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw new KlikbotError(
        ErrorCode.StateUnreadable,
        `Cannot read the reminder send log ${filePath}: ${error.message}`,
        { cause: error },
      );
    });
    const { lines, validLength } = parseLines(filePath, text);
    const wholeBytes = Buffer.byteLength(text.slice(0, validLength));
    if (wholeBytes < Buffer.byteLength(text)) await truncate(filePath, wholeBytes);
    const log = new SendLog(filePath, await open(filePath, 'a'), wholeBytes);
    for (const line of lines) log.remember(line);
    return log;
  }

  private remember(line: z.infer<typeof logLineSchema>): void {
    if (line.type === 'tick') {
      this.lastTick = line.at;
      return;
    }
    const key = deliveryKey(line.occurrenceId, line.channel, line.conversationId);
    this.latestByKey.set(key, line);
    if (line.status === 'failed' && line.retryAt !== undefined) this.pendingRetries.set(key, line);
    else this.pendingRetries.delete(key);
    if (line.status === 'sent') this.lastByConversation.set(JSON.stringify([line.channel, line.conversationId]), line);
    if (line.status === 'failed' || line.status === 'gone' || line.status === 'dead' || line.status === 'unknown')
      this.failed.push(line);
  }

  /** The latest record for a delivery, if it was ever claimed, tried or skipped. */
  latest(key: string): DeliveryRecord | undefined {
    return this.latestByKey.get(key);
  }

  /** Every delivery whose latest record is a claim: the process stopped before it knew the outcome. */
  unfinished(): DeliveryRecord[] {
    return [...this.latestByKey.values()].filter((record) => record.status === 'claimed');
  }

  /** Deliveries whose latest record is a failure still to be tried again. */
  retries(): DeliveryRecord[] {
    return [...this.pendingRetries.values()];
  }

  /** The last reminder that arrived in this conversation. */
  lastSentTo(channel: string, conversationId: string): DeliveryRecord | undefined {
    return this.lastByConversation.get(JSON.stringify([channel, conversationId]));
  }

  /** Deliveries that did not arrive (and were not delivered by a later try), newest first. */
  failures(limit: number): DeliveryRecord[] {
    const result: DeliveryRecord[] = [];
    for (let index = this.failed.length - 1; index >= 0 && result.length < limit; index -= 1) {
      const record = this.failed[index]!;
      if (this.latestByKey.get(deliveryKey(record.occurrenceId, record.channel, record.conversationId)) === record)
        result.push(record);
    }
    return result;
  }

  /** The instant the last tick looked up to, if one was marked. */
  lastTickAt(): string | undefined {
    return this.lastTick;
  }

  /** Appends deliveries (and optionally a tick mark) in one write; resolves once they are on disk. */
  async append(records: readonly NewDeliveryRecord[], tickAt?: string): Promise<void> {
    const lines: z.infer<typeof logLineSchema>[] = records.map((record) => ({ type: 'delivery', ...record }));
    if (tickAt !== undefined) lines.push({ type: 'tick', at: tickAt });
    if (lines.length === 0) return;
    const text = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
    const write = this.writing.then(async () => {
      // a write that failed part-way (a full disk) may have left half a line: cut it off first,
      // or the next line would join it and the log would not parse at the next start
      if (this.damaged) {
        await this.handle.truncate(this.goodLength);
        this.damaged = false;
      }
      try {
        await this.handle.appendFile(text, 'utf8');
        await this.handle.datasync();
      } catch (error) {
        this.damaged = true;
        throw error;
      }
      this.goodLength += Buffer.byteLength(text);
    });
    // one failed write must not block the ones after it; its caller gets the error
    this.writing = write.catch(() => undefined);
    await write;
    for (const line of lines) this.remember(line);
  }

  /** Closes the file; the log is not used after this. */
  async close(): Promise<void> {
    await this.writing;
    await this.handle.close();
  }
}
