/**
 * The load loop both runtime benchmarks use (bench/src/runtime.ts, bench/runtime-throughput.ts):
 * `total` calls with `concurrency` of them in flight, measuring wall time and this process's CPU.
 */

export interface LoopResult {
  /** Wall time of the whole loop. */
  readonly ms: number;
  /** User + system CPU of this process over the loop, in microseconds. */
  readonly cpuUs: number;
}

/** @param latencies when given, receives each call's latency in ms */
export async function runCalls(
  concurrency: number,
  total: number,
  call: () => Promise<unknown>,
  latencies?: number[],
): Promise<LoopResult> {
  let next = 0;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total) {
      next++;
      if (latencies === undefined) {
        await call();
      } else {
        const t0 = performance.now();
        await call();
        latencies.push(performance.now() - t0);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpuUs: cpu.user + cpu.system };
}
