import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { DASHBOARD_PATH } from '../../dashboard/layout.js';
import { projectRoot } from '../../lib/project-root.js';

const require = createRequire(import.meta.url);

/** Every file the dashboard serves, by the name in its URL: nothing else can be reached. */
function servedFiles(): Map<string, { path: string; contentType: string }> {
  const publicDir = path.join(projectRoot(import.meta.url), 'src', 'dashboard', 'public');
  const js = 'text/javascript; charset=utf-8';
  return new Map([
    ['dashboard.js', { path: path.join(publicDir, 'dashboard.js'), contentType: js }],
    ['dashboard.css', { path: path.join(publicDir, 'dashboard.css'), contentType: 'text/css; charset=utf-8' }],
    ['teams-tab.js', { path: path.join(publicDir, 'teams-tab.js'), contentType: js }],
    // Microsoft's Teams library for the tab's single sign-on, served from here as the charts are
    ['teams.min.js', { path: require.resolve('@microsoft/teams-js'), contentType: js }],
    // the charting library from node_modules, served from here: the page works inside a closed network
    // (its package exports no path to the browser build, which sits beside the main entry)
    [
      'chart.umd.min.js',
      { path: path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js'), contentType: js },
    ],
  ]);
}

/** `GET /dashboard/assets/:file`: the pages' script, styles and charting library; open to all, they hold no data. */
export function registerDashboardAssets(server: Server): void {
  const files = servedFiles();
  const cache = new Map<string, Buffer>();
  server.get(`${DASHBOARD_PATH}/assets/:file`, async (req: Request, res: Response) => {
    const param = (req.params as { file?: unknown }).file;
    const name = typeof param === 'string' ? param : '';
    const file = files.get(name);
    if (!file) {
      res.sendRaw(404, Buffer.from('Not found'), { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    const body = cache.get(name) ?? (await readFile(file.path));
    cache.set(name, body);
    res.sendRaw(200, body, {
      'Content-Type': file.contentType,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
