/**
 * The soak: `concurrency` workers call the chaos server for `durationMs`, each call a random
 * fault, a random method (GET, idempotent POST, plain POST) and, sometimes, a random abort.
 * Invariants, reported as figures:
 *
 * - every call settles within its total deadline + 100 ms;
 * - zero unhandled rejections (and zero uncaught exceptions);
 * - no non-idempotent request executed twice (the server counts effects by idempotency key and body);
 * - sockets, timers and handles back to baseline after the client is closed;
 * - RSS flat over the run (after warm-up);
 * - calls per second.
 *
 * Loopback only; bounded in time (the run, then at most a few seconds of settling).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
// The runtime's Node entry (the undici transport), as a generated package's loads it.
import '../../runtime/node.js';
import { AbortError, Client, SdkError } from '../../runtime/index.js';
import { chaosApi, chaosOps, METHODS, type MethodKind } from '../../test/chaos/support/api.js';
import { FAULTS, type ChaosTimings, type Fault } from '../../test/chaos/support/chaos-server.js';
import type { ServerReport } from './server-process.js';
import { seededRandom } from '../lib/seeded-random.js';

export interface SoakOptions {
  readonly durationMs: number;
  readonly concurrency: number;
  /** Share of calls that get an abort signal fired at a random moment. */
  readonly abortRate: number;
  /** Share of calls that go to the 'ok' fault (the rest: a uniformly random fault). */
  readonly okRate: number;
  readonly timeout: { readonly connect: number; readonly read: number; readonly total: number };
  readonly seed?: number;
  /** Progress lines (every ~10 s); silent when undefined. */
  readonly log?: (line: string) => void;
}

export const DEFAULT_SOAK: SoakOptions = {
  durationMs: 60_000,
  concurrency: 64,
  abortRate: 0.1,
  okRate: 0.4,
  timeout: { connect: 500, read: 400, total: 2_500 },
};

const SOAK_TIMINGS: ChaosTimings = {
  slowHeadersMs: 1_000,
  dripEveryMs: 50,
  dripChunks: 200,
  retryAfterSeconds: 1,
  retryAfterDateMs: 1_200,
  retryAfterMs: 100,
};

/** The bound on how late a call may settle. */
export const SETTLE_SLACK_MS = 100;

export interface SoakReport {
  readonly durationS: number;
  readonly concurrency: number;
  readonly calls: number;
  readonly callsPerSecond: number;
  readonly outcomes: Record<string, number>;
  readonly aborted: number;
  readonly settle: {
    readonly maxMs: number;
    readonly p99Ms: number;
    /** Calls that settled later than total + 100 ms. */
    readonly lateCalls: number;
    /** ... of which the lateness beyond the slack is covered by event-loop stalls (the process was not running). */
    readonly lateDuringStalls: number;
    readonly worstOverMs: number;
  };
  readonly unhandledRejections: number;
  readonly uncaughtExceptions: number;
  /** Bodies of plain POSTs the server executed more than once (must be 0). */
  readonly duplicatedNonIdempotentEffects: number;
  /** Idempotent POSTs the server saw more than once under one key (allowed: retries carry the key). */
  readonly replayedIdempotentKeys: number;
  readonly serverHits: number;
  readonly handles: {
    readonly baseline: Record<string, number>;
    readonly after: Record<string, number>;
    readonly leaked: Record<string, number>;
  };
  readonly rss: {
    readonly warmMb: number;
    readonly endMb: number;
    readonly maxMb: number;
    readonly growthMb: number;
    readonly samples: number[];
  };
  readonly eventLoopDelay: { readonly p99Ms: number; readonly maxMs: number };
  readonly violations: string[];
}

/** Resource counts by type (TCPSocketWrap, Timeout, ...); our own interval excluded by the caller. */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

function leakedOf(baseline: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const leaked: Record<string, number> = {};
  for (const [type, count] of Object.entries(after)) {
    const extra = count - (baseline[type] ?? 0);
    if (extra > 0) leaked[type] = extra;
  }
  return leaked;
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  gc?.();
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const seed = options.seed ?? Date.now() % 1_000_000;
  const rand = seededRandom(seed);
  const log = options.log;
  let unhandledRejections = 0;
  let uncaughtExceptions = 0;
  const onRejection = (reason: unknown): void => {
    unhandledRejections++;
    log?.(`unhandled rejection: ${String(reason)}`);
  };
  const onException = (error: unknown): void => {
    uncaughtExceptions++;
    log?.(`uncaught exception: ${String(error)}`);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);

  const server = await startServerProcess(options.durationMs + 60_000);
  collectGarbage();
  await sleep(50);
  const baseline = resources();

  const client = new Client(chaosApi(), {
    baseUrl: server.url,
    logLevel: 'off',
    timeout: options.timeout,
    retry: { maxRetries: 2 },
    maxConcurrency: options.concurrency,
  });

  const faults = FAULTS.filter((f) => f !== 'ok');
  const outcomes: Record<string, number> = {};
  const durations: number[] = [];
  let late = 0;
  let worstOverMs = 0;
  let aborted = 0;
  const totalMs = options.timeout.total;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // Event-loop stalls (gaps between 10 ms ticks longer than 30 ms), to tell a late call the runtime
  // caused from one that was late because the process was not scheduled (a loaded CI machine).
  const stalls: Array<{ from: number; to: number }> = [];
  let lastTick = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    if (now - lastTick > 40) stalls.push({ from: lastTick + 10, to: now });
    if (stalls.length > 10_000) stalls.splice(0, 5_000);
    lastTick = now;
  }, 10);
  const stalledWithin = (from: number, to: number): number => {
    let total = 0;
    for (let i = stalls.length - 1; i >= 0 && stalls[i]!.to > from - 1_000; i--) {
      const overlap = Math.min(to, stalls[i]!.to) - Math.max(from, stalls[i]!.from);
      if (overlap > 0) total += overlap;
    }
    return total;
  };
  let lateDuringStalls = 0;

  const started = performance.now();
  const endAt = started + options.durationMs;
  const rssSamples: number[] = [];
  const sampleRss = (): void => {
    rssSamples.push(Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10);
  };
  const sampler = setInterval(sampleRss, Math.max(250, Math.min(5_000, options.durationMs / 20)));
  let lastProgress = started;

  async function oneCall(): Promise<void> {
    const fault: Fault = rand() < options.okRate ? 'ok' : faults[Math.floor(rand() * faults.length)]!;
    const method: MethodKind = METHODS[Math.floor(rand() * METHODS.length)]!;
    const op = chaosOps[method];
    const run = randomUUID();
    const params = method === 'GET' ? { fault, run } : { fault, run, name: `soak-${run}` };
    let controller: AbortController | undefined;
    let abortTimer: NodeJS.Timeout | undefined;
    if (rand() < options.abortRate) {
      controller = new AbortController();
      abortTimer = setTimeout(() => controller!.abort(new Error('soak abort')), Math.floor(rand() * totalMs * 0.6));
    }
    const t0 = performance.now();
    let outcome: string;
    try {
      await client.request(op, params, controller ? { signal: controller.signal } : undefined);
      outcome = 'ok';
    } catch (error) {
      outcome = error instanceof SdkError ? error.constructor.name : `foreign:${String(error)}`;
      if (error instanceof AbortError) aborted++;
    } finally {
      clearTimeout(abortTimer);
    }
    const ms = performance.now() - t0;
    durations.push(ms);
    if (ms > totalMs + SETTLE_SLACK_MS) {
      late++;
      worstOverMs = Math.max(worstOverMs, ms - totalMs);
      // Wait one tick so a stall that is still being measured is recorded.
      await new Promise((resolve) => setTimeout(resolve, 15));
      const stalled = stalledWithin(t0 + totalMs, t0 + ms);
      if (ms - totalMs - stalled <= SETTLE_SLACK_MS) lateDuringStalls++;
      log?.(
        `late: at ${((t0 - started) / 1000).toFixed(1)} s ${fault} ${method} -> ${outcome} settled in ${ms.toFixed(0)} ms (total ${totalMs}); the event loop was stalled for ${stalled.toFixed(0)} ms of the ${(ms - totalMs).toFixed(0)} ms past the deadline`,
      );
    }
    outcomes[`${outcome}`] = (outcomes[`${outcome}`] ?? 0) + 1;
  }

  async function worker(): Promise<void> {
    // Bounded: stops at the end time; each call is itself bounded by its total deadline.
    while (performance.now() < endAt) {
      await oneCall();
      if (log && performance.now() - lastProgress > 10_000) {
        lastProgress = performance.now();
        log(
          `  ${((lastProgress - started) / 1000).toFixed(0)} s: ${durations.length} calls, rss ${rssSamples.at(-1) ?? '?'} MB`,
        );
      }
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  const elapsedS = (performance.now() - started) / 1000;
  clearInterval(sampler);
  clearInterval(ticker);
  sampleRss();
  delay.disable();

  await client.close();
  const serverReport = await server.report();
  await server.close();
  // Let closed sockets and their timers go, then compare with the baseline (bounded wait).
  let after = resources();
  for (let i = 0; i < 40 && Object.keys(leakedOf(baseline, after)).length > 0; i++) {
    await sleep(50);
    after = resources();
  }
  const leaked = leakedOf(baseline, after);
  collectGarbage();
  sampleRss();

  process.off('unhandledRejection', onRejection);
  process.off('uncaughtException', onException);

  const duplicated = serverReport.duplicatedNonIdempotent;
  const replayedKeys = serverReport.replayedIdempotentKeys;

  durations.sort((a, b) => a - b);
  const warmIndex = Math.min(rssSamples.length - 1, Math.max(1, Math.floor(rssSamples.length / 5)));
  const warmMb = rssSamples[warmIndex] ?? 0;
  const endMb = rssSamples.at(-1) ?? 0;
  const maxMb = Math.max(...rssSamples);
  const growthMb = Math.round((endMb - warmMb) * 10) / 10;
  const violations: string[] = [];
  if (late > 0) {
    violations.push(
      `${late} call(s) settled later than total + ${SETTLE_SLACK_MS} ms (worst +${worstOverMs.toFixed(0)} ms); ` +
        `${lateDuringStalls} of them only because the event loop was stalled (process not scheduled), ${late - lateDuringStalls} otherwise`,
    );
  }
  if (unhandledRejections > 0) violations.push(`${unhandledRejections} unhandled rejection(s)`);
  if (uncaughtExceptions > 0) violations.push(`${uncaughtExceptions} uncaught exception(s)`);
  if (duplicated > 0)
    violations.push(
      `${duplicated} non-idempotent request(s) executed more than once: ${serverReport.examples.join('; ')}`,
    );
  if (Object.keys(leaked).length > 0) violations.push(`handles above baseline after close: ${JSON.stringify(leaked)}`);
  // Flat: after warm-up, RSS may wobble with GC but not climb. 25% of the warm figure or 40 MB.
  if (growthMb > Math.max(40, warmMb * 0.25))
    violations.push(`RSS grew ${growthMb} MB after warm-up (${warmMb} -> ${endMb} MB)`);
  const foreign = Object.keys(outcomes).filter((k) => k.startsWith('foreign:'));
  if (foreign.length > 0) violations.push(`errors outside the SdkError tree: ${foreign.join('; ')}`);

  return {
    durationS: Math.round(elapsedS * 10) / 10,
    concurrency: options.concurrency,
    calls: durations.length,
    callsPerSecond: Math.round((durations.length / elapsedS) * 10) / 10,
    outcomes,
    aborted,
    settle: {
      maxMs: Math.round(durations.at(-1) ?? 0),
      p99Ms: Math.round(durations[Math.floor(durations.length * 0.99)] ?? 0),
      lateCalls: late,
      lateDuringStalls,
      worstOverMs: Math.round(worstOverMs),
    },
    unhandledRejections,
    uncaughtExceptions,
    duplicatedNonIdempotentEffects: duplicated,
    replayedIdempotentKeys: replayedKeys,
    serverHits: serverReport.hits,
    handles: { baseline, after, leaked },
    rss: { warmMb, endMb, maxMb, growthMb, samples: rssSamples },
    eventLoopDelay: { p99Ms: Math.round(delay.percentile(99) / 1e6), maxMs: Math.round(delay.max / 1e6) },
    violations,
  };
}

interface ServerHandle {
  readonly url: string;
  report(): Promise<ServerReport>;
  close(): Promise<void>;
}

/** Forks server-process.ts and waits for its URL (bounded: 30 s for a tsx start on a loaded machine). */
function startServerProcess(limitMs: number): Promise<ServerHandle> {
  const child: ChildProcess = fork(
    join(import.meta.dirname, 'server-process.ts'),
    [String(limitMs), JSON.stringify(SOAK_TIMINGS)],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = <T>(what: string, ms: number): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`soak server: no ${what} within ${ms} ms`));
      }, ms);
      const onMessage = (message: unknown): void => {
        clearTimeout(timer);
        resolve(message as T);
      };
      child.once('message', onMessage);
    });
  return next<{ url: string }>('start', 30_000).then(
    ({ url }) => ({
      url,
      report: () => {
        const answer = next<ServerReport>('report', 10_000);
        child.send('report');
        return answer;
      },
      close: async () => {
        child.send('close');
        const killer = setTimeout(() => child.kill(), 5_000);
        await exited;
        clearTimeout(killer);
        if (child.connected) child.disconnect();
      },
    }),
    (error: unknown) => {
      child.kill();
      throw error;
    },
  );
}
