/** Whether a klikbot answers /healthz on the configured address: then it owns the state file. */
export async function klikbotIsRunning(host: string, port: number): Promise<boolean> {
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  try {
    const response = await fetch(`http://${shown}:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}
