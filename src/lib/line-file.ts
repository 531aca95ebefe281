import { open, readFile, truncate } from 'node:fs/promises';

/**
 * An append-only file of lines, each written whole and fsynced before `append` resolves. A
 * line is complete once its newline is written: at open, anything after the last newline (a
 * write the process did not finish) is cut off, and a write that fails part-way is cut off
 * before the next one, so a half line never joins the next. The file is opened for each
 * write, so nothing is held open between writes and nothing needs closing.
 */
export class LineFile {
  #writing: Promise<void> = Promise.resolve();
  /** Bytes of whole lines on disk; a failed write may have left part of a line after them. */
  #goodLength: number;
  #damaged = false;

  private constructor(
    readonly filePath: string,
    length: number,
  ) {
    this.#goodLength = length;
  }

  /** Opens (or creates) the file; `lines` are its complete lines, in order, without their newlines. */
  static async open(filePath: string): Promise<{ file: LineFile; lines: string[] }> {
    let text = '';
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const validLength = text.lastIndexOf('\n') + 1;
    const lines = text.slice(0, validLength).split('\n');
    lines.pop();
    const wholeBytes = Buffer.byteLength(text.slice(0, validLength));
    if (wholeBytes < Buffer.byteLength(text)) await truncate(filePath, wholeBytes);
    return { file: new LineFile(filePath, wholeBytes), lines };
  }

  /** Appends `text` (whole lines, each ending in a newline); resolves once it is on disk. */
  append(text: string): Promise<void> {
    const write = this.#writing.then(async () => {
      if (this.#damaged) {
        await truncate(this.filePath, this.#goodLength);
        this.#damaged = false;
      }
      try {
        const handle = await open(this.filePath, 'a');
        try {
          await handle.appendFile(text, 'utf8');
          await handle.datasync();
        } finally {
          await handle.close();
        }
      } catch (error) {
        this.#damaged = true;
        // cut off at once where possible, so that a restart does not read what the caller was told failed
        await truncate(this.filePath, this.#goodLength)
          .then(() => (this.#damaged = false))
          .catch(() => undefined);
        throw error;
      }
      this.#goodLength += Buffer.byteLength(text);
    });
    // one failed write must not block the ones after it; its caller gets the error
    this.#writing = write.catch(() => undefined);
    return write;
  }

  /** Empties the file (its lines are kept elsewhere now). */
  async clear(): Promise<void> {
    await this.#writing;
    const handle = await open(this.filePath, 'a');
    try {
      await handle.truncate(0);
      // empty now, whatever the sync says: a failed write later must not cut back to the old length
      this.#goodLength = 0;
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  /** Waits for the writes in progress. */
  async close(): Promise<void> {
    await this.#writing;
  }
}
