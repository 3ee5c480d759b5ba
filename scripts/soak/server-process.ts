/**
 * The soak's chaos server, in a process of its own so that its bookkeeping (every hit, every
 * effect) never shows in the SDK process's RSS or handle counts.
 *
 * Parent -> child: 'report' (answered with the effect counts), 'close'. The child also exits by
 * itself when the parent goes away or after its time limit (argv[2], ms).
 */
import { startChaosServer, type ChaosTimings } from '../../test/chaos/support/chaos-server.js';

export interface ServerReport {
  readonly hits: number;
  /** Plain-POST bodies (no idempotency key) executed more than once. */
  readonly duplicatedNonIdempotent: number;
  /** Idempotency keys seen more than once (retries carrying the key: allowed). */
  readonly replayedIdempotentKeys: number;
  readonly examples: string[];
}

const limitMs = Number(process.argv[2] ?? 600_000);
const timings = JSON.parse(process.argv[3] ?? 'null') as ChaosTimings | null;
const server = await startChaosServer(timings ?? undefined);
const stop = async (): Promise<void> => {
  await server.close();
  process.exit(0);
};
const limit = setTimeout(() => void stop(), limitMs);
limit.unref();
process.on('disconnect', () => void stop());
process.on('message', (message: unknown) => {
  if (message === 'report') {
    let duplicated = 0;
    let replayed = 0;
    const examples: string[] = [];
    for (const [key, count] of server.effects) {
      if (count <= 1) continue;
      if (key.startsWith('-|')) {
        duplicated++;
        if (examples.length < 5) examples.push(`${key} x${count}`);
      } else replayed++;
    }
    const report: ServerReport = {
      hits: server.hits.length,
      duplicatedNonIdempotent: duplicated,
      replayedIdempotentKeys: replayed,
      examples,
    };
    process.send?.(report);
  } else if (message === 'close') {
    void stop();
  }
});
process.send?.({ url: server.url });
