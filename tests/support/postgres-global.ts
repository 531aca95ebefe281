/**
 * The test run's global setup: one throwaway PostgreSQL server for every test file, stopped
 * when the run ends however its workers end (a worker's own exit handlers may not run).
 */
import { hasPostgres, startTestServer } from './postgres.js';

export default async function setup(): Promise<() => void> {
  if (!hasPostgres) return () => undefined;
  const server = await startTestServer();
  // the workers are started after this and inherit it
  process.env.KLIKBOT_TEST_PG_URL = server.url;
  // vitest stopped by Ctrl-C exits without its teardown
  process.once('exit', server.stop);
  return server.stop;
}
