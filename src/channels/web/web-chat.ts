import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { projectRoot } from '../../lib/project-root.js';

/** A file the web chat may serve: where it lives and what it is. */
interface ServedFile {
  path: string;
  contentType: string;
}

const require = createRequire(import.meta.url);

/** The page's own folder, found from the project root: the compiled module runs from dist/. */
function findPublicDir(): string {
  return path.join(projectRoot(import.meta.url), 'src', 'channels', 'web', 'public');
}

/** Every file the chat serves, by the name in its URL: nothing else can be reached. */
function servedFiles(): Map<string, ServedFile> {
  const publicDir = findPublicDir();
  const js = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  return new Map<string, ServedFile>([
    ['index.html', { path: path.join(publicDir, 'index.html'), contentType: 'text/html; charset=utf-8' }],
    ['app.js', { path: path.join(publicDir, 'app.js'), contentType: js }],
    ['activities.js', { path: path.join(publicDir, 'activities.js'), contentType: js }],
    ['live.js', { path: path.join(publicDir, 'live.js'), contentType: js }],
    ['people.js', { path: path.join(publicDir, 'people.js'), contentType: js }],
    ['tools.js', { path: path.join(publicDir, 'tools.js'), contentType: js }],
    ['markdown.js', { path: path.join(publicDir, 'markdown.js'), contentType: js }],
    ['cards.js', { path: path.join(publicDir, 'cards.js'), contentType: js }],
    ['styles.css', { path: path.join(publicDir, 'styles.css'), contentType: css }],
    // the renderer is used straight from node_modules so it always matches the installed version
    ['adaptivecards.min.js', { path: require.resolve('adaptivecards/dist/adaptivecards.min.js'), contentType: js }],
    ['adaptivecards.css', { path: require.resolve('adaptivecards/dist/adaptivecards.css'), contentType: css }],
  ]);
}

// Cards may show pictures from anywhere; scripts, styles and requests stay on this server.
const contentSecurityPolicy =
  "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const fileParam = z.object({ file: z.string() });

async function sendFile(res: Response, file: ServedFile): Promise<void> {
  const body = await readFile(file.path);
  res.sendRaw(200, body, {
    'Content-Type': file.contentType,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': contentSecurityPolicy,
  });
}

/** Serves the local web chat: the page at `GET /` and its assets at `GET /webchat/:file`. */
export function registerWebChat(server: Server): void {
  const files = servedFiles();
  const page = files.get('index.html');
  if (!page) throw new Error('web chat: index.html is missing from the served files');

  server.get('/', async (_req: Request, res: Response) => {
    await sendFile(res, page);
  });

  server.get('/webchat/:file', async (req: Request, res: Response) => {
    const params = fileParam.safeParse(req.params);
    const name = params.success ? params.data.file : undefined;
    const file = name !== undefined && name !== 'index.html' ? files.get(name) : undefined;
    if (!file) {
      res.sendRaw(404, 'Not found', { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
      return;
    }
    await sendFile(res, file);
  });
}
