/**
 * workerd (Cloudflare's Workers runtime, npm `workerd`) serving one worker: the bundled scenario
 * script. Driven by its own config rather than miniflare: miniflare wraps the same binary but
 * brings sharp (native, install scripts), its own undici, ws and youch; the config is a dozen lines.
 * Workers may not reach private addresses by default (SSRF guard): the worker's outbound network
 * allows 127.0.0.1/32 and nothing else. No `nodejs_compat` flag: the SDK must run on the plain
 * Workers platform, as a new project gets it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

/** A recent date (what a new Worker project gets), not after this workerd's build (2026-11-23). */
const COMPATIBILITY_DATE = '2026-11-01';
/** workerd's start on a loaded 2-core machine (well under a second when idle). */
const START_TIMEOUT_MS = 30_000;
/** workerd writes `{"event":"listen","port":N}` here once its socket is bound (port 0: any free one). */
const CONTROL_FD = 3;

export interface Workerd {
  readonly url: string;
  /** What workerd printed so far (uncaught errors of the worker, with --verbose). */
  output(): string;
  close(): Promise<void>;
}

/** Writes the config beside the worker bundle and serves it on 127.0.0.1 (a free port). */
export async function startWorkerd(bin: string, workerScript: string): Promise<Workerd> {
  const config = join(dirname(workerScript), 'workerd.capnp');
  writeFileSync(config, workerdConfig(basename(workerScript)));
  const child = spawn(bin, ['serve', config, `--control-fd=${CONTROL_FD}`, '--verbose'], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => (output += chunk));
  try {
    const port = await listenPort(child, () => output);
    return {
      url: `http://127.0.0.1:${port}`,
      output: () => output,
      close: () => stop(child),
    };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

function workerdConfig(script: string): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "scenarios", worker = .scenarioWorker),
    (name = "loopback", network = (allow = ["127.0.0.1/32"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "scenarios")],
);
const scenarioWorker :Workerd.Worker = (
  modules = [(name = ${JSON.stringify(script)}, esModule = embed ${JSON.stringify(script)})],
  compatibilityDate = ${JSON.stringify(COMPATIBILITY_DATE)},
  globalOutbound = "loopback",
);
`;
}

function listenPort(child: ChildProcess, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`workerd did not listen within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`${why}:\n${output().slice(-4000)}`));
    };
    let control = '';
    (child.stdio[CONTROL_FD] as Readable).on('data', (chunk: Buffer) => {
      control += chunk;
      const port = /"event":"listen".*?"port":(\d+)/.exec(control)?.[1];
      if (port === undefined) return;
      clearTimeout(timer);
      resolve(Number(port));
    });
    child.on('error', (error) => fail(`workerd did not start (${error.message})`));
    child.on('exit', (code) => fail(`workerd exited (${code}) before listening`));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
