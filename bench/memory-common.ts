/**
 * Shared pieces of the memory benches: a loopback server in a child process (so its buffers do
 * not count in our RSS) and an RSS sampler that records the peak.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiDescriptor } from '../runtime/descriptor.js';

/** How often RSS is sampled: often enough to catch a peak of a multi-second run. */
const SAMPLE_EVERY_MS = 20;

export const MB = 1024 * 1024;

/** The API both memory benches call: no servers (the child's origin is the baseUrl), no auth. */
export const MEMORY_BENCH_API: ApiDescriptor = {
  name: 'Bench',
  packageName: 'bench',
  packageVersion: '0.0.0',
  envPrefix: 'BENCH',
  servers: [],
  securitySchemes: {},
};

/** The child's side of startChildServer: listen on loopback, tell the parent the origin, end with it. */
export function serveToParent(server: Server): void {
  server.listen(0, '127.0.0.1', () => process.send!(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  process.on('disconnect', () => process.exit(0));
}

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
