/**
 * Real httpbin (Debian package python3-httpbin, Flask's threaded dev server) on 127.0.0.1:
 * `python3 -m httpbin.core --host 127.0.0.1 --port N`.
 *
 * Runs Debian's interpreter (/usr/bin/python3), because apt installs python3-httpbin for it and a
 * `python3` earlier in PATH (pyenv, a virtualenv) would not see the package. When the module is
 * missing, `ensureHttpbin()` installs the package with apt-get (as root), or fails saying how to.
 */
import { ensureDebianPackage } from './debian.js';
import { DEFAULT_STARTUP_TIMEOUT_MS, freePort, spawnServer, waitForHttp, type RunningServer } from './process.js';

/** The interpreter python3-httpbin is installed for. */
export const DEBIAN_PYTHON = '/usr/bin/python3';

export function ensureHttpbin(): void {
  ensureDebianPackage({ pkg: 'python3-httpbin', probe: [DEBIAN_PYTHON, '-c', 'import httpbin'] });
}

export interface HttpbinServer extends RunningServer {
  readonly pid: number;
  readonly port: number;
  output(): string;
}

export async function start(options: { startupTimeoutMs?: number } = {}): Promise<HttpbinServer> {
  ensureHttpbin();
  const port = await freePort();
  const server = spawnServer({
    name: 'httpbin',
    command: DEBIAN_PYTHON,
    // -W ignore: runpy's "found in sys.modules" warning for `-m httpbin.core` is noise.
    args: ['-W', 'ignore', '-m', 'httpbin.core', '--host', '127.0.0.1', '--port', String(port)],
    env: { PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(
      `${baseUrl}/get`,
      options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS,
      () => server.child.exitCode === null,
      () => `--- httpbin output ---\n${server.output()}`,
    );
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { baseUrl, port, pid: server.child.pid!, pgid: server.child.pid!, output: server.output, stop: server.stop };
}
