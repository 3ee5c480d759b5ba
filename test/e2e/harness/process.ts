/**
 * Child-process plumbing shared by the e2e server harnesses.
 *
 * Every server runs in its own process group (spawned `detached`) so that `stop()` can kill the
 * server and anything it forked in one signal, and so that a server which ignores SIGTERM is
 * still gone (SIGKILL after a grace period). Startup is always bounded by a timeout, and a server
 * that dies or never becomes ready fails with the tail of its own output in the message.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';

/** How long a server may take to become ready before the harness gives up (2 shared cores). */
export const DEFAULT_STARTUP_TIMEOUT_MS = 30_000;
/** Grace period between SIGTERM and SIGKILL when stopping a server. */
const STOP_GRACE_MS = 3_000;
/** Bytes of a server's output kept for error messages. */
const OUTPUT_TAIL_BYTES = 8_192;

export interface RunningServer {
  readonly baseUrl: string;
  /** Process group of the server (guard.mjs and the server under it). */
  readonly pgid: number;
  /** Stops the server's whole process group; safe to call twice. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (for servers that cannot be told to pick one themselves). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      if (address === null || typeof address === 'string') {
        probe.close();
        reject(new Error('could not read the probe socket address'));
        return;
      }
      const { port } = address;
      probe.close(() => resolve(port));
    });
  });
}

export interface SpawnedServer {
  readonly child: ChildProcess;
  /** Everything the server printed so far (the last few KiB). */
  output(): string;
  /** Resolves with the first output line matching `pattern` (its match), bounded by `timeoutMs`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

const GUARD = fileURLToPath(new URL('./guard.mjs', import.meta.url));

/** Process groups of every server still running, killed when this process exits however it exits. */
const liveGroups = new Set<number>();
let exitHooksInstalled = false;

function killGroupNow(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const pgid of liveGroups) killGroupNow(pgid, 'SIGKILL');
  });
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const pgid of liveGroups) killGroupNow(pgid, 'SIGKILL');
      process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]);
    });
  }
}

/**
 * Bounds a whole test file: after `ms`, print what is still running, kill every server this
 * process started and exit 1. The timer is unref'd: it never keeps a finished process alive.
 * node:test's own timeouts fail a test but cannot end a process that a hung call keeps alive.
 */
export function installWatchdog(name: string, ms: number): void {
  const timer = setTimeout(() => {
    console.error(
      `[e2e watchdog] ${name} still running after ${ms} ms: killing ${liveGroups.size} server(s) and exiting`,
    );
    for (const pgid of liveGroups) killGroupNow(pgid, 'SIGKILL');
    process.exit(1);
  }, ms);
  timer.unref();
}

/**
 * Starts a server in its own process group and keeps the tail of its stdout+stderr. The server
 * runs under guard.mjs, which kills it when this process dies without calling stop().
 */
export function spawnServer(options: SpawnOptions): SpawnedServer {
  installExitHooks();
  const child = spawn(process.execPath, [GUARD, options.command, ...options.args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true, // own process group: stop() kills the server and its children together
    stdio: ['pipe', 'pipe', 'pipe'], // stdin stays open: its EOF tells guard.mjs we are gone
  });
  if (child.pid !== undefined) liveGroups.add(child.pid);
  let tail = '';
  let pending = '';
  const lineWaiters = new Set<(line: string) => void>();
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    tail = (tail + text).slice(-OUTPUT_TAIL_BYTES);
    pending += text;
    const lines = pending.split(/\r?\n/);
    pending = lines.pop() ?? '';
    for (const line of lines) for (const waiter of lineWaiters) waiter(line);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let exited = child.exitCode !== null;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      if (child.pid !== undefined) liveGroups.delete(child.pid);
      resolve();
    });
    child.once('error', (error) => {
      tail += `\n[spawn error] ${error.message}`;
      exited = true;
      resolve();
    });
  });

  const killGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (!exited) killGroup('SIGTERM');
      const graceful = await Promise.race([exitPromise.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
      // Children of the server (e.g. a shell's grandchildren) may outlive the leader: always sweep.
      killGroup('SIGKILL');
      if (!graceful) await Promise.race([exitPromise, sleep(STOP_GRACE_MS)]);
      if (child.pid !== undefined) liveGroups.delete(child.pid);
      child.stdin?.destroy();
      child.stdout?.destroy();
      child.stderr?.destroy();
    })();
    return stopping;
  };

  const waitForLine = (pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${options.name} did not print ${pattern} within ${timeoutMs} ms.\n--- output ---\n${tail}`));
      }, timeoutMs);
      const onLine = (line: string): void => {
        const match = pattern.exec(line);
        if (match) {
          cleanup();
          resolve(match);
        }
      };
      const onExit = (): void => {
        cleanup();
        reject(
          new Error(`${options.name} exited (code ${child.exitCode}) before it was ready.\n--- output ---\n${tail}`),
        );
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        lineWaiters.delete(onLine);
        child.off('exit', onExit);
      };
      lineWaiters.add(onLine);
      child.once('exit', onExit);
      for (const line of tail.split(/\r?\n/)) onLine(line); // already printed before we asked
      if (exited) onExit();
    });

  return { child, output: () => tail, waitForLine, stop };
}

/**
 * Polls `url` until it answers with any HTTP status (the server is accepting requests), bounded
 * by `timeoutMs`. `isAlive` lets the caller stop early when the process died.
 */
export async function waitForHttp(
  url: string,
  timeoutMs: number,
  isAlive: () => boolean = () => true,
  describe: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no attempt';
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`server for ${url} exited before it was ready.\n${describe()}`);
    try {
      const response = await request(url, { headersTimeout: 2_000, bodyTimeout: 2_000 });
      await response.body.dump();
      return;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await sleep(100);
  }
  throw new Error(`server for ${url} not ready after ${timeoutMs} ms (last error: ${lastError}).\n${describe()}`);
}

export interface ListeningSocket {
  readonly address: string;
  readonly port: number;
  readonly pid?: number;
}

/** TCP sockets in LISTEN state, from `ss -ltnpH` (Linux). */
export function listeningSockets(): ListeningSocket[] {
  const text = execFileSync('ss', ['-ltnpH'], { encoding: 'utf8' });
  const sockets: ListeningSocket[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4) continue;
    const local = fields[3]!;
    const colon = local.lastIndexOf(':');
    const address = local.slice(0, colon).replace(/^\[|\]$/g, '');
    const port = Number(local.slice(colon + 1));
    const pidMatch = /pid=(\d+)/.exec(line);
    sockets.push({ address, port, ...(pidMatch ? { pid: Number(pidMatch[1]) } : {}) });
  }
  return sockets;
}

/** Sockets bound to every interface (0.0.0.0, ::, *) by the given process ids. */
export function wildcardListenersOf(pids: readonly number[]): ListeningSocket[] {
  const wildcard = new Set(['0.0.0.0', '*', '::', '']);
  return listeningSockets().filter((s) => s.pid !== undefined && pids.includes(s.pid) && wildcard.has(s.address));
}

/** The pids of a process group (the server and anything it forked). */
export function processGroupPids(pgid: number): number[] {
  const text = execFileSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' });
  const pids: number[] = [];
  for (const line of text.split('\n')) {
    const [pid, group] = line.trim().split(/\s+/).map(Number);
    if (group === pgid && pid !== undefined && !Number.isNaN(pid)) pids.push(pid);
  }
  return pids;
}
