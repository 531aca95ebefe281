/**
 * Draws the Teams app icons from geometry and writes them to manifest/teams/ (color.png,
 * outline.png). The PNGs are committed; run this again only when the drawing changes.
 *
 * Run: npx tsx scripts/make-teams-icons.ts
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderColorIcon, renderOutlineIcon } from './teams-package/draw-icons.js';
import { checkIcons, encodePng } from './teams-package/icons.js';
import { TEAMS_DIR } from './teams-package/manifest.js';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const color = encodePng(renderColorIcon());
const outline = encodePng(renderOutlineIcon());
const problems = checkIcons({ color, outline });
if (problems.length > 0) {
  console.error(`The drawn icons break Teams' rules:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  process.exit(1);
}
for (const [name, bytes] of [
  ['color.png', color],
  ['outline.png', outline],
] as const) {
  const file = path.join(rootDir, TEAMS_DIR, name);
  await writeFile(file, bytes);
  console.log(`Wrote ${path.relative(process.cwd(), file)} (${bytes.length} bytes)`);
}
