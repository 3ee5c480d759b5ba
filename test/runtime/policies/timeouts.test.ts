import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client,
  AbortError,
  ConnectTimeoutError,
  DeadlineExceededError,
  ReadTimeoutError,
  TimeoutError,
  SdkError,
} from '../../../runtime/index.js';
import { json, startSilentTcp } from '../support/server.js';
import { ops, testApi } from '../support/api.js';
import { harness } from '../support/harness.js';

/** runtime.md: each timeout fires within 50 ms of its setting. */
const PRECISION_MS = 50;

const { setup } = harness();

/** Times a call from before it starts (the call does synchronous work before its first await). */
async function timed<T>(start: () => Promise<T>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await start();
    return { error: undefined, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

function assertWithin(ms: number, setting: number): void {
  assert.ok(ms >= setting - 1 && ms < setting + PRECISION_MS, `fired after ${ms.toFixed(1)} ms, setting ${setting} ms`);
}

describe('read timeout', () => {
  test('no headers within read: ReadTimeoutError(headers) within 50 ms', async () => {
    const { client } = await setup(() => {
      /* never answers */
    });
    const { error, ms } = await timed(() => client.request(ops.createPet, { name: 'x' }, { timeout: { read: 300 } }));
    assert.ok(error instanceof ReadTimeoutError, String(error));
    assert.ok(error instanceof TimeoutError);
    assert.equal(error.phase, 'headers');
    assert.equal(error.timeoutMs, 300);
    assertWithin(ms, 300);
  });

  test('a body that stalls between chunks: ReadTimeoutError(body) within 50 ms of the gap', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
    });
    const { error, ms } = await timed(() => client.request(ops.createPet, { name: 'x' }, { timeout: { read: 300 } }));
    assert.ok(error instanceof ReadTimeoutError, String(error));
    assert.equal(error.phase, 'body');
    assertWithin(ms, 300);
  });

  test('a body that drips faster than the read timeout is not cut by it', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const parts = ['{"a"', ':', '1', '}'];
      let i = 0;
      const timer = setInterval(() => {
        res.write(parts[i++]);
        if (i === parts.length) {
          clearInterval(timer);
          res.end();
        }
      }, 100);
    });
    const data = await client.request(ops.getPet, { petId: '1' }, { timeout: { read: 250 } });
    assert.deepEqual(data, { a: 1 });
  });

  test('a read timeout on GET is retried (idempotent)', async () => {
    const { server, client } = await setup((_req, res, hit) => {
      if (hit > 1) json(res, 200, { hit });
    });
    const data = await client.request<{ hit: number }>(ops.getPet, { petId: '1' }, { timeout: { read: 200 } });
    assert.equal(data.hit, 2);
    assert.equal(server.requests.length, 2);
  });

  test('a read timeout on POST without a key is not retried', async () => {
    const { server, client } = await setup(() => {});
    await assert.rejects(client.request(ops.createPet, { name: 'x' }, { timeout: { read: 150 } }), ReadTimeoutError);
    assert.equal(server.requests.length, 1);
  });

  test('descriptor timeout applies, per-call options win over it', async () => {
    const { client } = await setup(() => {});
    const op = { ...ops.createPet, timeout: { read: 150 } };
    const a = await timed(() => client.request(op, { name: 'x' }));
    assertWithin(a.ms, 150);
    const b = await timed(() => client.request(op, { name: 'x' }, { timeout: { read: 250 } }));
    assertWithin(b.ms, 250);
  });
});

describe('total deadline', () => {
  test('spans attempts: DeadlineExceededError within 50 ms of total', async () => {
    const { server, client } = await setup((_req, res, hit) => {
      if (hit === 1) json(res, 503, {}, { 'retry-after-ms': '50' });
      // later attempts never answer
    });
    const { error, ms } = await timed(() =>
      client.request(ops.getPet, { petId: '1' }, { timeout: { read: 5000, total: 400 } }),
    );
    assert.ok(error instanceof DeadlineExceededError, String(error));
    assert.equal(error.timeoutMs, 400);
    assertWithin(ms, 400);
    assert.equal(server.requests.length, 2);
    assert.deepEqual(
      error.attempts.map((a) => a.status ?? a.errorCode),
      [503, 'CANCELLED'],
    );
  });

  test('a retry whose backoff would pass the deadline is not attempted: the real error is raised now', async () => {
    const { server, client } = await setup(() => {});
    const { error, ms } = await timed(() =>
      client.request(ops.getPet, { petId: '1' }, { timeout: { read: 150, total: 400 } }),
    );
    // After a 150 ms read timeout, the 375-500 ms backoff cannot fit in the 250 ms left.
    assert.ok(error instanceof ReadTimeoutError, String(error));
    assertWithin(ms, 150);
    assert.equal(server.requests.length, 1);
  });

  test('a body that drips forever is bounded by total', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
    const { error, ms } = await timed(() =>
      client.request(ops.getPet, { petId: '1' }, { timeout: { read: 200, total: 500 } }),
    );
    assert.ok(error instanceof DeadlineExceededError, String(error));
    assertWithin(ms, 500);
  });

  test('client-level timeouts apply', async () => {
    const { client } = await setup(() => {}, { timeout: { read: 1000, total: 250 } });
    const { error, ms } = await timed(() => client.request(ops.getPet, { petId: '1' }));
    assert.ok(error instanceof DeadlineExceededError);
    assertWithin(ms, 250);
  });

  test('timeouts are never infinite', async () => {
    const { client } = await setup(() => {});
    await assert.rejects(client.request(ops.getPet, { petId: '1' }, { timeout: { total: Infinity } }), SdkError);
    await assert.rejects(client.request(ops.getPet, { petId: '1' }, { timeout: { read: 0 } }), /never infinite/);
    assert.throws(() => new Client(testApi(), { timeout: { connect: -1 } }), SdkError);
  });
});

describe('connect timeout', () => {
  test('TLS that never completes: ConnectTimeoutError within 50 ms, retried (never sent)', async () => {
    const silent = await startSilentTcp();
    const client = new Client(testApi(), {
      baseUrl: `https://127.0.0.1:${silent.port}`,
      timeout: { connect: 300 },
      retry: { maxRetries: 1 },
      logLevel: 'off',
    });
    try {
      const started = performance.now();
      const error = await client.request(ops.createPet, { name: 'x' }).catch((e: unknown) => e);
      const ms = performance.now() - started;
      assert.ok(error instanceof ConnectTimeoutError, String(error));
      assert.equal(error.timeoutMs, 300);
      assert.deepEqual(
        error.attempts.map((a) => a.errorCode),
        ['CONNECT_TIMEOUT', 'CONNECT_TIMEOUT'],
      );
      // Two connect timeouts and one backoff step (375-500 ms) between them.
      assert.ok(ms >= 600 + 375 - 5 && ms < 600 + 500 + 2 * PRECISION_MS, `ms ${ms}`);

      // Per-call override (its own pool, since undici fixes connect timeouts per Agent).
      const one = await timed(() =>
        client.request(ops.getPet, { petId: '1' }, { timeout: { connect: 200 }, retry: { maxRetries: 0 } }),
      );
      assert.ok(one.error instanceof ConnectTimeoutError);
      assertWithin(one.ms, 200);
    } finally {
      await client.close();
      await silent.close();
    }
  });
});

describe('caller abort', () => {
  test('aborting while waiting for headers raises AbortError (not a timeout) at once', async () => {
    const { client } = await setup(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { error, ms } = await timed(() => client.request(ops.getPet, { petId: '1' }, { signal: controller.signal }));
    assert.ok(error instanceof AbortError, String(error));
    assert.ok(!(error instanceof TimeoutError));
    // The abort was scheduled just before timing started: it must end the call at once.
    assert.ok(ms < 100 + PRECISION_MS, `ended ${ms.toFixed(1)} ms after start`);
  });

  test('an already aborted signal sends nothing', async () => {
    const { server, client } = await setup((_req, res) => json(res, 200, {}));
    await assert.rejects(client.request(ops.getPet, { petId: '1' }, { signal: AbortSignal.abort() }), AbortError);
    assert.equal(server.requests.length, 0);
  });

  test('aborting during the body read raises AbortError', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[1,');
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { error, ms } = await timed(() => client.request(ops.getPet, { petId: '1' }, { signal: controller.signal }));
    assert.ok(error instanceof AbortError, String(error));
    // The abort was scheduled just before timing started: it must end the call at once.
    assert.ok(ms < 100 + PRECISION_MS, `ended ${ms.toFixed(1)} ms after start`);
  });
});
