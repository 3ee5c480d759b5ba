import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import {
  Client,
  AbortError,
  ConnectionError,
  InternalServerError,
  RateLimitError,
  ServiceUnavailableError,
  BadGatewayError,
} from '../../../runtime/index.js';
import { backoffDelayMs, retryAfterMs } from '../../../runtime/policies/retry.js';
import { closedPort, json } from '../support/server.js';
import { ops, testApi } from '../support/api.js';
import { harness } from '../support/harness.js';

const { setup, track } = harness();

/** Fails `failures` times with `status` (asking for a 5 ms retry), then answers 200. */
function failThenOk(failures: number, status: number, headers: Record<string, string> = { 'retry-after-ms': '5' }) {
  return (_req: unknown, res: import('node:http').ServerResponse, hit: number) => {
    if (hit <= failures) json(res, status, { error: { message: `fail ${hit}` } }, headers);
    else json(res, 200, { ok: true, hit });
  };
}

describe('retries by status', () => {
  for (const status of [408, 429, 502, 503, 504]) {
    test(`GET ${status} is retried, then succeeds`, async () => {
      const { server, client } = await setup(failThenOk(2, status));
      const data = await client.request<{ hit: number }>(ops.getPet, { petId: '1' });
      assert.equal(data.hit, 3);
      assert.equal(server.requests.length, 3);
    });
  }

  test('500 is not retried (it usually repeats)', async () => {
    const { server, client } = await setup(failThenOk(5, 500));
    const error = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
    assert.ok(error instanceof InternalServerError);
    assert.equal(server.requests.length, 1);
    assert.equal(error.attempts.length, 1);
  });

  test('maxRetries bounds the attempts; the error lists every attempt', async () => {
    const { server, client } = await setup(failThenOk(10, 503));
    const error = await client
      .request(ops.getPet, { petId: '1' }, { retry: { maxRetries: 3 } })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ServiceUnavailableError);
    assert.equal(server.requests.length, 4);
    assert.deepEqual(
      error.attempts.map((a) => a.status),
      [503, 503, 503, 503],
    );
    assert.equal(error.attempts[0]!.delayMs, 0);
    assert.equal(error.attempts[1]!.delayMs, 5);
  });

  test('maxRetries: 0 disables retries', async () => {
    const { server, client } = await setup(failThenOk(1, 503));
    await assert.rejects(
      client.request(ops.getPet, { petId: '1' }, { retry: { maxRetries: 0 } }),
      ServiceUnavailableError,
    );
    assert.equal(server.requests.length, 1);
  });

  test('x-should-retry: false wins over a retryable status; true over a non-retryable one', async () => {
    const noRetry = await setup(failThenOk(1, 503, { 'x-should-retry': 'false' }));
    await assert.rejects(noRetry.client.request(ops.getPet, { petId: '1' }), ServiceUnavailableError);
    assert.equal(noRetry.server.requests.length, 1);
    const retry = await setup(failThenOk(1, 500, { 'x-should-retry': 'true', 'retry-after-ms': '1' }));
    await retry.client.request(ops.getPet, { petId: '1' });
    assert.equal(retry.server.requests.length, 2);
  });
});

describe('POST without idempotency key', () => {
  test('a 503 is not retried (the server may have processed it)', async () => {
    const { server, client } = await setup(failThenOk(1, 503));
    await assert.rejects(client.request(ops.createPet, { name: 'rex' }), ServiceUnavailableError);
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]!.headers['idempotency-key'], undefined);
  });

  test('a 429 is retried (rejected before any work)', async () => {
    const { server, client } = await setup(failThenOk(1, 429));
    await client.request(ops.createPet, { name: 'rex' });
    assert.equal(server.requests.length, 2);
  });

  test('a connection reset after sending is not retried', async () => {
    const { server, client } = await setup((req, res, hit) => {
      if (hit === 1) req.socket.destroy();
      else json(res, 201, {});
    });
    const error = await client.request(ops.createPet, { name: 'rex' }).catch((e: unknown) => e);
    assert.ok(error instanceof ConnectionError, String(error));
    assert.equal(server.requests.length, 1);
  });

  test('a refused connection is retried (it never opened)', async () => {
    const port = await closedPort();
    const client = new Client(testApi(), { baseUrl: `http://127.0.0.1:${port}`, logLevel: 'off' });
    track(client);
    const started = performance.now();
    const error = await client
      .request(ops.createPet, { name: 'rex' }, { retry: { maxRetries: 1 } })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ConnectionError);
    assert.equal(error.systemCode, 'ECONNREFUSED');
    assert.deepEqual(
      error.attempts.map((a) => a.errorCode),
      ['ECONNREFUSED', 'ECONNREFUSED'],
    );
    // One backoff step of 0.5 s * (1 - U[0, 0.25)) happened between the two attempts.
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 375 - 5, `elapsed ${elapsed}`);
  });
});

describe('idempotency keys', () => {
  test('an idempotent operation gets one generated key, reused on every attempt, so its 503 is retried', async () => {
    const { server, client } = await setup(failThenOk(2, 503));
    await client.request(ops.createPetIdempotent, { name: 'rex' });
    assert.equal(server.requests.length, 3);
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    assert.match(String(keys[0]), /^[0-9a-f-]{36}$/);
    assert.deepEqual(keys, [keys[0], keys[0], keys[0]]);
  });

  test('each call gets its own key', async () => {
    const { server, client } = await setup((_req, res) => json(res, 201, {}));
    await client.request(ops.createPetIdempotent, { name: 'a' });
    await client.request(ops.createPetIdempotent, { name: 'b' });
    assert.notEqual(server.requests[0]!.headers['idempotency-key'], server.requests[1]!.headers['idempotency-key']);
  });

  test('a caller key makes a POST retryable and is sent unchanged', async () => {
    const { server, client } = await setup(failThenOk(1, 502));
    await client.request(ops.createPet, { name: 'rex' }, { idempotencyKey: 'order-42' });
    assert.deepEqual(
      server.requests.map((r) => r.headers['idempotency-key']),
      ['order-42', 'order-42'],
    );
  });

  test('the descriptor names the header', async () => {
    const { server, client } = await setup((_req, res) => json(res, 201, {}));
    await client.request({ ...ops.createPetIdempotent, idempotencyHeader: 'X-Request-Key' }, { name: 'a' });
    assert.match(String(server.requests[0]!.headers['x-request-key']), /^[0-9a-f-]{36}$/);
  });
});

describe('delays', () => {
  test('Retry-After in seconds is honoured', async () => {
    const { server, client } = await setup(failThenOk(1, 503, { 'retry-after': '1' }));
    await client.request(ops.getPet, { petId: '1' });
    const gap = server.requests[1]!.at - server.requests[0]!.at;
    assert.ok(gap >= 990, `gap ${gap}`);
  });

  test('Retry-After as an HTTP-date is honoured', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }, now), 3000);
    assert.equal(retryAfterMs({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }, now), 0);
  });

  test('Retry-After as an HTTP-date from a real server', async () => {
    const { server, client } = await setup((_req, res, hit) => {
      if (hit === 1) json(res, 503, {}, { 'retry-after': new Date(Date.now() + 1500).toUTCString() });
      else json(res, 200, {});
    });
    await client.request(ops.getPet, { petId: '1' });
    // HTTP-dates have one-second resolution: the wait is between 0.5 s and 1.5 s.
    const gap = server.requests[1]!.at - server.requests[0]!.at;
    assert.ok(gap >= 450 && gap < 1600, `gap ${gap}`);
  });

  test('retry-after-ms wins over Retry-After', () => {
    assert.equal(retryAfterMs({ 'retry-after-ms': '250', 'retry-after': '30' }), 250);
    assert.equal(retryAfterMs({ 'retry-after': 'soon' }), undefined);
  });

  test('backoff is min(0.5 s * 2^n, 8 s) shortened by up to 25 %', () => {
    for (let n = 0; n < 8; n++) {
      const base = Math.min(500 * 2 ** n, 8000);
      for (let i = 0; i < 50; i++) {
        const delay = backoffDelayMs(n);
        assert.ok(delay <= base && delay > base * 0.75, `n=${n} delay=${delay}`);
      }
    }
  });

  test('a Retry-After above maxRetryAfter is raised at once with retryAfterMs', async () => {
    const { server, client } = await setup(failThenOk(1, 429, { 'retry-after': '120' }));
    const started = performance.now();
    const error = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfterMs, 120_000);
    assert.equal(server.requests.length, 1);
    assert.ok(performance.now() - started < 1000);
  });

  test('never sleeps past the total deadline: raises the real error now', async () => {
    const { server, client } = await setup(failThenOk(1, 503, { 'retry-after': '5' }));
    const started = performance.now();
    const error = await client
      .request(ops.getPet, { petId: '1' }, { timeout: { total: 2000 } })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ServiceUnavailableError);
    assert.equal(error.retryAfterMs, 5000);
    assert.equal(server.requests.length, 1);
    assert.ok(performance.now() - started < 1000);
  });

  test('an abort during backoff ends the sleep at once', async () => {
    const { server, client } = await setup(failThenOk(1, 502, { 'retry-after': '10' }));
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 100);
    const error = await client
      .request(ops.getPet, { petId: '1' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    assert.ok(error instanceof AbortError, String(error));
    assert.ok(elapsed >= 95 && elapsed < 150, `elapsed ${elapsed}`);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(
      error.attempts.map((a) => a.status),
      [502],
    );
  });
});

describe('bodies', () => {
  test('a streamed (non-replayable) body is never retried', async () => {
    const { server, client } = await setup(failThenOk(1, 503));
    const body = Readable.from([Buffer.from('abc'), Buffer.from('def')]);
    await assert.rejects(client.request(ops.uploadStream, { body }), ServiceUnavailableError);
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]!.body, 'abcdef');
  });

  test('a byte body is sent again, whole, on a retry', async () => {
    const { server, client } = await setup(failThenOk(1, 502));
    await client.request(ops.uploadStream, { body: Buffer.from('payload') });
    assert.deepEqual(
      server.requests.map((r) => r.body),
      ['payload', 'payload'],
    );
  });

  test('the error keeps the last status class and body', async () => {
    const { client } = await setup(failThenOk(9, 502));
    const error = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
    assert.ok(error instanceof BadGatewayError);
    assert.deepEqual(error.body, { error: { message: 'fail 3' } });
    assert.match(error.message, /502 GET http:\/\/127\.0\.0\.1:\d+\/pets\/1: fail 3/);
  });
});

describe('where retry settings come from', () => {
  test('descriptor retry and api.defaults apply; per-call options win', async () => {
    const { server, client } = await setup(failThenOk(10, 503));
    await assert.rejects(
      client.request({ ...ops.getPet, retry: { maxRetries: 0 } }, { petId: '1' }),
      ServiceUnavailableError,
    );
    assert.equal(server.requests.length, 1);
    await assert.rejects(
      client.request({ ...ops.getPet, retry: { maxRetries: 0 } }, { petId: '1' }, { retry: { maxRetries: 1 } }),
      ServiceUnavailableError,
    );
    assert.equal(server.requests.length, 3);

    const defaults = track(
      new Client(testApi({ defaults: { retry: { maxRetries: 0 } } }), { baseUrl: server.url, logLevel: 'off' }),
    );
    await assert.rejects(defaults.request(ops.getPet, { petId: '1' }), ServiceUnavailableError);
    assert.equal(server.requests.length, 4);
    const overridden = track(
      new Client(testApi({ defaults: { retry: { maxRetries: 0 } } }), {
        baseUrl: server.url,
        logLevel: 'off',
        retry: { maxRetries: 1 },
      }),
    );
    await assert.rejects(overridden.request(ops.getPet, { petId: '1' }), ServiceUnavailableError);
    assert.equal(server.requests.length, 6);
  });
});
