/**
 * Shared pieces of the memory benches: a loopback server in a child process (so its buffers do
 * not count in our RSS) and an RSS sampler that records the peak.
 */
import { fork, type ChildProcess } from 'node:child_process';

/** How often RSS is sampled: often enough to catch a peak of a multi-second run. */
const SAMPLE_EVERY_MS = 20;

export const MB = 1024 * 1024;

/** Forks `script server` and resolves with the child and the origin it printed. */
export async function startChildServer(script: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = fork(script, ['server'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve(String(m)));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, origin };
}

export function rssSampler(): { stop(): { baselineMb: number; peakMb: number; growthMb: number } } {
  globalThis.gc?.();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, SAMPLE_EVERY_MS);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return { baselineMb: baseline / MB, peakMb: peak / MB, growthMb: (peak - baseline) / MB };
    },
  };
}
