import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { AbortError, DeadlineExceededError, PoolExhaustedError } from '../../../runtime/index.js';
import { json, sleep } from '../support/server.js';
import { ops } from '../support/api.js';
import { harness } from '../support/harness.js';

const { setup } = harness();

/** A server that holds every response until released, tracking how many are open at once. */
function gate() {
  const held: ServerResponse[] = [];
  let open = 0;
  let maxOpen = 0;
  return {
    handler: (_req: unknown, res: ServerResponse) => {
      open++;
      maxOpen = Math.max(maxOpen, open);
      res.on('close', () => open--);
      held.push(res);
    },
    releaseAll() {
      for (const res of held.splice(0)) json(res, 200, { ok: true });
    },
    get held() {
      return held.length;
    },
    get maxOpen() {
      return maxOpen;
    },
  };
}

async function waitFor(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > until) throw new Error('condition not reached');
    await sleep(5);
  }
}

describe('bulkhead', () => {
  test('at most maxConcurrency in flight; the rest wait and then run', async () => {
    const g = gate();
    const { client } = await setup(g.handler, { maxConcurrency: 2 });
    const calls = Array.from({ length: 5 }, (_, i) => client.request(ops.getPet, { petId: String(i) }));
    await waitFor(() => g.held === 2);
    await sleep(50);
    assert.equal(g.held, 2, 'the other three wait in the queue');
    const timer = setInterval(() => g.releaseAll(), 10);
    try {
      const results = await Promise.all(calls);
      assert.equal(results.length, 5);
    } finally {
      clearInterval(timer);
    }
    assert.equal(g.maxOpen, 2);
  });

  test('beyond maxQueue: PoolExhaustedError at once', async () => {
    const g = gate();
    const { client } = await setup(g.handler, { maxConcurrency: 1, maxQueue: 1 });
    const first = client.request(ops.getPet, { petId: '1' });
    const second = client.request(ops.getPet, { petId: '2' });
    const started = performance.now();
    const error = await client.request(ops.getPet, { petId: '3' }).catch((e: unknown) => e);
    assert.ok(error instanceof PoolExhaustedError, String(error));
    assert.equal(error.maxConcurrency, 1);
    assert.equal(error.maxQueue, 1);
    assert.ok(performance.now() - started < 50);
    await waitFor(() => g.held === 1);
    const timer = setInterval(() => g.releaseAll(), 10);
    try {
      await Promise.all([first, second]);
    } finally {
      clearInterval(timer);
    }
  });

  test('time queued counts against the total deadline', async () => {
    const g = gate();
    const { client } = await setup(g.handler, { maxConcurrency: 1 });
    const first = client.request(ops.getPet, { petId: '1' }, { timeout: { total: 2000 } });
    await waitFor(() => g.held === 1);
    const started = performance.now();
    const error = await client
      .request(ops.getPet, { petId: '2' }, { timeout: { total: 200 } })
      .catch((e: unknown) => e);
    const ms = performance.now() - started;
    assert.ok(error instanceof DeadlineExceededError, String(error));
    assert.ok(ms >= 199 && ms < 250, `ms ${ms}`);
    assert.equal(error.attempts.length, 0, 'never reached the network');
    g.releaseAll();
    await first;
  });

  test('an aborted waiter leaves the queue (its place is not lost for others)', async () => {
    const g = gate();
    const { server, client } = await setup(g.handler, { maxConcurrency: 1, maxQueue: 1 });
    const first = client.request(ops.getPet, { petId: '1' });
    await waitFor(() => g.held === 1);
    const controller = new AbortController();
    const waiting = client.request(ops.getPet, { petId: '2' }, { signal: controller.signal });
    controller.abort();
    await assert.rejects(waiting, AbortError);
    // The queue has room again: this one waits instead of failing with PoolExhaustedError.
    const third = client.request(ops.getPet, { petId: '3' });
    const timer = setInterval(() => g.releaseAll(), 10);
    try {
      await Promise.all([first, third]);
    } finally {
      clearInterval(timer);
    }
    assert.deepEqual(
      server.requests.map((r) => r.url),
      ['/pets/1', '/pets/3'],
    );
  });
});
