import { appendFile, readFile, writeFile } from 'node:fs/promises';

/** One remembered signature: `s` the signature, `e` the second its window closes. */
interface Line {
  s: string;
  e: number;
}

/** Lines appended between compactions: past this, the file is rewritten with the live ones only. */
const COMPACT_AFTER = 10_000;

/**
 * The Slack signatures received inside their five-minute window, kept beside the state file
 * (`klikbot.json` → `klikbot.slack-signatures.jsonl`) so that a request overheard before a
 * restart is refused after it too. A line is appended before the request is acted on; at
 * start the lines whose window has closed are dropped. A damaged line is skipped: it only
 * costs the protection for that one request.
 */
export class ReplayJournal {
  #appended = 0;

  private constructor(
    private readonly filePath: string,
    /** The signatures still inside their window when the journal was opened. */
    readonly remembered: ReadonlyMap<string, number>,
  ) {}

  /** Opens the journal at `filePath`, keeping what is still inside its window at `nowSeconds`. */
  static async open(filePath: string, nowSeconds: number): Promise<ReplayJournal> {
    let text = '';
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const live = new Map<string, number>();
    for (const raw of text.split('\n')) {
      const line = parse(raw);
      if (line && line.e >= nowSeconds) live.set(line.s, line.e);
    }
    await writeFile(filePath, serialise(live));
    return new ReplayJournal(filePath, live);
  }

  /** Keeps one more signature until `expires` (seconds); resolves once it is in the file. */
  async append(signature: string, expires: number, live: () => ReadonlyMap<string, number>): Promise<void> {
    this.#appended += 1;
    if (this.#appended < COMPACT_AFTER) {
      await appendFile(this.filePath, serialise(new Map([[signature, expires]])));
      return;
    }
    this.#appended = 0;
    await writeFile(this.filePath, serialise(live()));
  }
}

function parse(raw: string): Line | undefined {
  if (raw.trim() === '') return undefined;
  try {
    const line = JSON.parse(raw) as Partial<Line>;
    return typeof line.s === 'string' && typeof line.e === 'number' ? { s: line.s, e: line.e } : undefined;
  } catch {
    return undefined;
  }
}

function serialise(lines: ReadonlyMap<string, number>): string {
  return [...lines].map(([s, e]) => `${JSON.stringify({ s, e })}\n`).join('');
}
