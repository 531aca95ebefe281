import restify, { type Server } from 'restify';
import type { Clock } from '../clock.js';
import { ErrorCode, KlikbotError } from '../errors.js';
import type { Logger } from '../logger.js';

/** The restify server with the routes every deployment has; channels add their own. */
export function createHttpServer(deps: { clock: Clock; logger: Logger; localMode: boolean }): Server {
  const server = restify.createServer({ name: 'klikbot', handleUncaughtExceptions: false });
  server.on('restifyError', (req: restify.Request, _res: restify.Response, error: Error, callback: () => void) => {
    deps.logger.error({ err: error, method: req.method, url: req.url }, 'request failed');
    callback();
  });
  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.json({ status: 'ok', now: deps.clock.now().toISO(), localMode: deps.localMode });
  });
  return server;
}

/** Starts listening and resolves with the bound port (useful when asked for port 0). */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? 'unknown';
    const hint = code === 'EADDRINUSE' ? 'another program uses that port: stop it, or set PORT' : 'check PORT and HOST';
    throw new KlikbotError(ErrorCode.ListenFailed, `Cannot listen on ${host}:${port} (${code}): ${hint}`, { cause });
  }
  const address = server.address();
  return address.port;
}
