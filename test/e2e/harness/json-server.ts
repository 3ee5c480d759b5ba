/**
 * json-server 0.17.x on 127.0.0.1 over a generated database in a temp dir.
 *
 * The database has one collection, `todos`, with `rows` (default 1,000) rows whose ids run
 * 1..rows. `GET /todos?_page=N&_limit=M` answers with `X-Total-Count` and a Link header with
 * first/prev/next/last; POST/PUT/PATCH/DELETE write through to the temp db.json, which `stop()`
 * removes. The spec for this API is fixtures/json-server.yaml.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_STARTUP_TIMEOUT_MS, spawnServer, type RunningServer } from './process.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'json-server.child.cjs');
export const DEFAULT_ROWS = 1_000;

export interface Todo {
  id: number;
  title: string;
  completed: boolean;
  userId: number;
  tags: string[];
}

/** Row `i` (1-based) of the generated collection: deterministic, so tests can predict it. */
export function makeTodo(i: number): Todo {
  return {
    id: i,
    title: `todo ${String(i).padStart(4, '0')}`,
    completed: i % 3 === 0,
    userId: (i % 10) + 1,
    tags: i % 2 ? ['odd'] : ['even'],
  };
}

export interface JsonServer extends RunningServer {
  readonly pid: number;
  readonly port: number;
  readonly rows: number;
  /** The temp dir holding db.json. */
  readonly dir: string;
  output(): string;
}

export async function start(options: { rows?: number; startupTimeoutMs?: number } = {}): Promise<JsonServer> {
  const rows = options.rows ?? DEFAULT_ROWS;
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-e2e-json-server-'));
  const staticDir = join(dir, 'public');
  mkdirSync(staticDir);
  const dbFile = join(dir, 'db.json');
  writeFileSync(dbFile, JSON.stringify({ todos: Array.from({ length: rows }, (_, i) => makeTodo(i + 1)) }));
  const server = spawnServer({
    name: 'json-server',
    command: process.execPath,
    args: [CHILD, dbFile, staticDir],
    cwd: dir,
    env: { NO_UPDATE_NOTIFIER: '1', NODE_ENV: 'production' },
  });
  const stop = async (): Promise<void> => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  let ready: RegExpMatchArray;
  try {
    ready = await server.waitForLine(
      /^JSON_SERVER_READY (.*)$/,
      options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const { port, pid } = JSON.parse(ready[1]!) as { port: number; pid: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    pid,
    pgid: server.child.pid!,
    rows,
    dir,
    output: server.output,
    stop,
  };
}
