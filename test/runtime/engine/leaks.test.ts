import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Client, AbortError, ReadTimeoutError, DeadlineExceededError } from '../../../runtime/index.js';
import { json, sleep, startServer } from '../support/server.js';
import { ops, testApi } from '../support/api.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const CALLS = 1_000;
const CONCURRENCY = 25;

function resourceCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** One mixed batch: successes, 503s, read timeouts, deadlines and caller aborts. */
async function batch(client: Client): Promise<Record<string, number>> {
  const outcomes: Record<string, number> = {};
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < CALLS) {
      const i = next++;
      const kind = i % 5;
      const controller = new AbortController();
      const timer = kind === 4 ? setTimeout(() => controller.abort(), 3) : undefined;
      try {
        await client.request(
          ops.getPet,
          { petId: `${kind}-${i}` },
          {
            timeout: { read: 20, total: kind === 3 ? 15 : 1000 },
            // A retried read timeout would sleep the 0.5 s backoff: keep the batch fast.
            retry: { maxRetries: kind === 2 ? 0 : 1 },
            signal: controller.signal,
          },
        );
        outcomes.ok = (outcomes.ok ?? 0) + 1;
      } catch (error) {
        const name = error instanceof Error ? error.name : 'unknown';
        outcomes[name] = (outcomes[name] ?? 0) + 1;
      } finally {
        clearTimeout(timer);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

test('1,000 calls with timeouts and aborts leave no timers or listeners behind and the heap flat', async () => {
  const baseline = resourceCounts();
  const server = await startServer((req, res) => {
    const kind = Number(req.url!.split('/').pop()!.split('-')[0]);
    if (kind === 0) json(res, 200, { ok: true });
    else if (kind === 1) json(res, 503, {}, { 'retry-after-ms': '1', 'x-should-retry': 'true' });
    // kinds 2, 3, 4: never answer (read timeout, deadline, abort)
  });
  // A small pool: its sockets reach their steady state in the first batch (so the heap comparison
  // measures the calls, not the pool growing), and 25 workers over 10 slots also exercise the
  // bulkhead queue under timeouts and aborts.
  const client = new Client(testApi(), { baseUrl: server.url, logLevel: 'off', connections: 10 });
  try {
    const first = await batch(client);
    // On a loaded machine a few fast calls may hit the short read timeout: check the mix, not exact counts.
    console.log('outcomes of the first batch:', first);
    assert.equal(
      Object.values(first).reduce((a, b) => a + b, 0),
      CALLS,
    );
    for (const name of [
      'ok',
      ReadTimeoutError.name,
      DeadlineExceededError.name,
      AbortError.name,
      'ServiceUnavailableError',
    ]) {
      assert.ok((first[name] ?? 0) >= CALLS / 10, `${name}: ${first[name]}`);
    }
    assert.deepEqual(Object.keys(first).sort(), [
      'AbortError',
      'DeadlineExceededError',
      'ReadTimeoutError',
      'ServiceUnavailableError',
      'ok',
    ]);

    // The test server records every request; forget them so only the client's memory is measured.
    await batch(client);
    server.requests.length = 0;
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    await batch(client);
    server.requests.length = 0;
    await sleep(20);
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    const growth = heapAfter - heapBefore;
    console.log(
      `heap before ${(heapBefore / 1e6).toFixed(2)} MB, after 1,000 more calls ${(heapAfter / 1e6).toFixed(2)} MB, growth ${(growth / 1e3).toFixed(0)} kB`,
    );
    assert.ok(growth < 1_000_000, `heap grew by ${growth} bytes`);

    // Every call's timers are gone: only keep-alive sockets (and their undici housekeeping) remain.
    const during = resourceCounts();
    const timeouts = (during.get('Timeout') ?? 0) - (baseline.get('Timeout') ?? 0);
    console.log('active resources after the calls:', Object.fromEntries(during));
    assert.ok(timeouts <= 1, `${timeouts} timers outlived their calls`);
  } finally {
    await client.close();
    await server.close();
  }
  await sleep(20);
  const after = resourceCounts();
  for (const [kind, count] of after) {
    assert.ok(
      count <= (baseline.get(kind) ?? 0),
      `${kind}: ${count} active after close, ${baseline.get(kind) ?? 0} before`,
    );
  }
});
