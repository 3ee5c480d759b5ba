/** Spawning a measured node process: wall time, peak RSS (of it and any node child), output. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WORK_DIR, ensureDir } from './paths.js';

const RSS_HOOK = join(import.meta.dirname, 'rss-hook.cjs');

export interface Measured {
  readonly code: number | null;
  readonly signal: string | null;
  readonly wallMs: number;
  /** Peak RSS in MiB of the largest node process in the tree, or NaN when none reported. */
  readonly peakRssMb: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

let counter = 0;

const DEFAULT_KEEP_BYTES = 65_536;

export function runNode(
  script: string,
  args: readonly string[],
  options: {
    cwd?: string;
    timeoutMs?: number;
    env?: NodeJS.ProcessEnv;
    nodeArgs?: readonly string[];
    /** Bytes kept of each stream (the last ones); more for a caller that parses the whole stdout. */
    keepBytes?: number;
  } = {},
): Promise<Measured> {
  const rssFile = join(ensureDir(join(WORK_DIR, 'rss')), `${process.pid}-${counter++}.txt`);
  rmSync(rssFile, { force: true });
  const env = {
    ...process.env,
    ...options.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${RSS_HOOK}`.trim(),
    BENCH_RSS_FILE: rssFile,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...args], {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    // By default the last ~64 KiB of each stream: enough for an error, bounded for chatty tools.
    const keepBytes = options.keepBytes ?? DEFAULT_KEEP_BYTES;
    const keep = (list: Buffer[], chunk: Buffer): void => {
      list.push(chunk);
      let size = list.reduce((n, b) => n + b.length, 0);
      while (size > keepBytes && list.length > 1) size -= list.shift()!.length;
    };
    child.stdout.on('data', (c: Buffer) => keep(out, c));
    child.stderr.on('data', (c: Buffer) => keep(err, c));
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        child.kill('SIGKILL');
      },
      options.timeoutMs ?? 15 * 60_000,
    );
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      let peakKb = Number.NaN;
      if (existsSync(rssFile)) {
        for (const line of readFileSync(rssFile, 'utf8').split('\n')) {
          const kb = Number(line.split(' ')[1]);
          if (Number.isFinite(kb)) peakKb = Number.isNaN(peakKb) ? kb : Math.max(peakKb, kb);
        }
        rmSync(rssFile, { force: true });
      }
      resolve({
        code,
        signal,
        wallMs,
        peakRssMb: peakKb / 1024,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
      });
    });
  });
}

/** The last lines of a tool's output, for the report when it failed. */
export function tail(text: string, lines = 6): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
