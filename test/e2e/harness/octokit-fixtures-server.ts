/**
 * @octokit/fixtures-server on 127.0.0.1: replays GitHub API responses recorded by
 * @octokit/fixtures, with every https://api.github.com/ URL in bodies and Link headers rewritten
 * to this server.
 *
 * Usage: `const server = await start(); const base = await server.loadScenario('paginate-issues');`
 * then send requests to `base` as if it were https://api.github.com. A loaded scenario must be
 * replayed in its recorded order (method, path, query, body and the recorded request headers,
 * notably `accept: application/vnd.github.v3+json` and `authorization: token 000...001`);
 * each recorded request is answered once.
 */
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { DEFAULT_STARTUP_TIMEOUT_MS, spawnServer, type RunningServer } from './process.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'octokit-fixtures-server.child.mjs');

/** The token every recorded request carried. */
export const FIXTURES_TOKEN = '0000000000000000000000000000000000000001';
/** The headers the recordings expect on every request (nock matches them exactly). */
export const FIXTURES_HEADERS = {
  accept: 'application/vnd.github.v3+json',
  authorization: `token ${FIXTURES_TOKEN}`,
} as const;

export interface RecordedRequest {
  /** Origin the request went to, e.g. `https://api.github.com:443` or uploads/codeload. */
  readonly scope: string;
  readonly method: string;
  /** Path with query, as recorded (relative to https://api.github.com). */
  readonly path: string;
  readonly status: number;
  readonly body?: unknown;
  readonly reqheaders: Readonly<Record<string, string | number>>;
  readonly headers: Readonly<Record<string, string>>;
  /** JSON, a string, or hex bytes when `responseIsBinary`. */
  readonly response: unknown;
  readonly responseIsBinary?: boolean;
}

export interface Scenario {
  readonly name: string;
  readonly requests: readonly RecordedRequest[];
  /** True when at least one recorded response carries a Link header. */
  readonly paginated: boolean;
}

export interface FixturesServer extends RunningServer {
  readonly pid: number;
  /** Loads a recorded scenario and returns its base URL (use it like https://api.github.com). */
  loadScenario(name: string): Promise<string>;
}

/** The folder holding @octokit/fixtures' scenarios/api.github.com/<name>/normalized-fixture.json. */
export function scenariosDir(): string {
  const fromServer = createRequire(import.meta.resolve('@octokit/fixtures-server'));
  const fixturesMain = fromServer.resolve('@octokit/fixtures');
  return join(dirname(fixturesMain), 'scenarios', 'api.github.com');
}

/** Every recorded api.github.com scenario, sorted by name. */
export function listScenarios(): Scenario[] {
  const dir = scenariosDir();
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const requests = JSON.parse(
        readFileSync(join(dir, name, 'normalized-fixture.json'), 'utf8'),
      ) as RecordedRequest[];
      return { name, requests, paginated: requests.some((r) => r.headers && 'link' in r.headers) };
    });
}

export async function start(options: { startupTimeoutMs?: number } = {}): Promise<FixturesServer> {
  const server = spawnServer({ name: 'octokit fixtures-server', command: process.execPath, args: [CHILD] });
  let ready: RegExpMatchArray;
  try {
    ready = await server.waitForLine(
      /^FIXTURES_SERVER_READY (.*)$/,
      options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS,
    );
  } catch (error) {
    await server.stop();
    throw error;
  }
  const { port, pid } = JSON.parse(ready[1]!) as { port: number; pid: number };
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    pid,
    pgid: server.child.pid!,
    stop: server.stop,
    async loadScenario(name: string): Promise<string> {
      const response = await request(`${baseUrl}/fixtures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenario: name }),
        headersTimeout: 10_000,
        bodyTimeout: 10_000,
      });
      const body = (await response.body.json()) as { url?: string; error?: string };
      if (response.statusCode !== 201 || typeof body.url !== 'string') {
        throw new Error(`loading scenario ${name} failed: ${response.statusCode} ${JSON.stringify(body)}`);
      }
      return body.url;
    },
  };
}
