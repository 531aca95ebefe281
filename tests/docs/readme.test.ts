import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { createCore } from '../../src/klikbot-core.js';
import { replyText, turn } from '../understanding/question-set.js';

const readme = readFileSync('README.md', 'utf8');
const pages = ['README.md', 'SECURITY.md', ...readdirSync('docs').map((name) => path.join('docs', name))].filter(
  (file) => file.endsWith('.md'),
);

/** The anchors a Markdown page offers: its headings as GitHub names them, and `id="…"` marks. */
function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8');
  const headings = [...text.matchAll(/^#+ (.+)$/gm)].map(([, title]) =>
    title!
      .toLowerCase()
      .replace(/[^\p{L}\p{N} -]/gu, '')
      .replace(/ /g, '-'),
  );
  const ids = [...text.matchAll(/id="([^"]+)"/g)].map(([, id]) => id!);
  return new Set([...headings, ...ids]);
}

/** The part of the README under one `## ` heading. */
function section(title: string): string {
  const start = readme.indexOf(`## ${title}\n`);
  expect(start, `README has a "## ${title}" section`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('the README and the docs', () => {
  it('link only to files that exist, and to anchors those files have', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const text = readFileSync(page, 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:)/.test(target!)) continue;
        const [file, anchor] = target!.split('#');
        const linked = file ? path.join(path.dirname(page), file) : page;
        if (!existsSync(linked)) broken.push(`${page} → ${target}`);
        else if (anchor && !anchorsOf(linked).has(anchor)) broken.push(`${page} → ${target} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('stays short: the front door under 10 KB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(10_000);
  });
});

describe("the README's five things to try", () => {
  let knowledge: Knowledge;
  beforeAll(async () => {
    knowledge = await loadKnowledge('data/knowledge');
  });

  it('are each answered, or taken as the action they ask for, at the time the README sets', () => {
    const tryIt = section('Try it');
    const now = DateTime.fromISO(/KLIKBOT_NOW=(\S+) npm start/.exec(tryIt)![1]!, { setZone: true });
    const items = [...tryIt.matchAll(/^\d\. (.+)$/gm)].map((match) => match[1]!);
    expect(items).toHaveLength(5);
    const core = createCore({ knowledge });
    for (const item of items) {
      const questions = [...item.matchAll(/"([^"]+)"/g)];
      expect(questions.length, item).toBeGreaterThan(0);
      for (const [, question] of questions) {
        const answered = core.answer(turn(question!, 'readme', now, /^[a-z' ]+\?$/i.test(question!) ? 'en' : 'da'));
        const text = replyText(answered.replies);
        expect(answered.action !== undefined || !/Det ved jeg ikke|I don't know/.test(text), `"${question}": ${text}`).toBe(
          true,
        );
      }
    }
  });
});
