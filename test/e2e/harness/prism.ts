/**
 * Prism (@stoplight/prism-cli) mock server for one spec file, on 127.0.0.1.
 *
 * Prism validates every request against the spec. A request that breaks it is answered 4xx
 * (400/401/404/405/415/422) and, whether or not the request was refused, every violation Prism
 * found is listed as JSON in the `sl-violations` response header. `violationsOf(headers)` reads it.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DEFAULT_STARTUP_TIMEOUT_MS, freePort, spawnServer, type RunningServer } from './process.js';

export interface PrismViolation {
  /** e.g. ['request', 'body', 'name'] or ['request', 'query', 'limit']. */
  readonly location: readonly string[];
  readonly severity: string;
  readonly code: string | number;
  readonly message: string;
}

export interface PrismServer extends RunningServer {
  readonly pid: number;
  readonly port: number;
  /** Prism's log so far (the last few KiB), for failure messages. */
  output(): string;
}

/** Path of the Prism CLI entry point in node_modules. */
export function prismBin(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@stoplight/prism-cli/package.json');
  return join(dirname(pkg), 'dist', 'index.js');
}

/** Reads Prism's `sl-violations` header (absent: no violations). */
export function violationsOf(headers: Record<string, string | string[] | undefined> | Headers): PrismViolation[] {
  const raw =
    typeof (headers as Headers).get === 'function'
      ? (headers as Headers).get('sl-violations')
      : (headers as Record<string, string | string[] | undefined>)['sl-violations'];
  if (raw === undefined || raw === null) return [];
  const text = Array.isArray(raw) ? raw.join(',') : raw;
  const parsed = JSON.parse(text) as PrismViolation[];
  return Array.isArray(parsed) ? parsed : [];
}

export interface PrismStartOptions {
  /** The spec file to mock. */
  readonly spec: string;
  readonly port?: number;
  /** Generate responses from schemas instead of examples. */
  readonly dynamic?: boolean;
  readonly startupTimeoutMs?: number;
}

export async function start(options: PrismStartOptions): Promise<PrismServer> {
  const port = options.port ?? (await freePort());
  const args = [prismBin(), 'mock', '-h', '127.0.0.1', '-p', String(port), '-v', 'info'];
  if (options.dynamic) args.push('--dynamic', '--seed', 'sdkgen');
  args.push(options.spec);
  const server = spawnServer({ name: `prism mock ${options.spec}`, command: process.execPath, args });
  try {
    await server.waitForLine(/Prism is listening on/, options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    pid: server.child.pid!,
    pgid: server.child.pid!,
    output: server.output,
    stop: server.stop,
  };
}
