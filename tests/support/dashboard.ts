import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);

/** Where the browser tests keep their screenshots (git-ignored; docs/dashboard.md links them). */
export const SCREENSHOT_DIR = path.resolve('test-artifacts', 'dashboard');

/** Saves a full-page screenshot under test-artifacts/dashboard/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** Runs axe-core in the page (WCAG 2.0/2.1 A and AA) and expects no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // evaluated through the browser's own protocol: the page's policy lets no inline script run, rightly
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  const serious = result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${JSON.stringify(violation.nodes[0]?.target)})`);
  expect(serious).toEqual([]);
}

/** The statuses of the board's cells as the page shows them, by cell id. */
export async function boardCells(page: Page): Promise<Record<string, string>> {
  return page.$$eval('td.cell', (cells) =>
    Object.fromEntries(cells.map((cell) => [cell.id, (cell as HTMLElement).dataset.status ?? ''])),
  );
}

/** The dashboard's live stream, read as it comes: the next `cells` event's data, or the stream's end. */
export interface EventStream {
  /** Resolves with the next `cells` event's data and id; rejects if the stream ends first. */
  next(): Promise<{ id: string | undefined; cells: { id: string; status: string }[] }>;
  /** Resolves once the server has ended the stream. */
  ended(): Promise<void>;
  close(): void;
}

/** Opens `/dashboard/events` (with `cookie`, and `Last-Event-ID` when given) and reads it. */
export async function openEvents(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let done = false;
  const read = async (): Promise<void> => {
    const chunk = await reader.read();
    if (chunk.done) done = true;
    else buffered += chunk.value;
  };
  return {
    async next() {
      for (;;) {
        const end = buffered.indexOf('\n\n');
        if (end === -1) {
          if (done) throw new Error('the stream ended before a cells event');
          await read();
          continue;
        }
        const frame = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (!/^event: cells$/m.test(frame)) continue;
        const id = /^id: (.*)$/m.exec(frame)?.[1];
        return { id, cells: JSON.parse(/^data: (.*)$/m.exec(frame)![1]!) as { id: string; status: string }[] };
      }
    },
    async ended() {
      while (!done) await read();
    },
    close: () => abort.abort(),
  };
}
