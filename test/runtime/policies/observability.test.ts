import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client,
  ConnectionError,
  AuthenticationError,
  ReadTimeoutError,
  type Logger,
  type Middleware,
} from '../../../runtime/index.js';
import { closedPort, json } from '../support/server.js';
import { ops, testApi } from '../support/api.js';
import { harness } from '../support/harness.js';

const { setup, track } = harness();

const SECRETS = { bearerAuth: 'bearer-SECRET-1', apiKeyHeader: 'header-SECRET-2', apiKeyQuery: 'query-SECRET-3' };

function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (message: string, ...rest: unknown[]): void => {
    lines.push([message, ...rest.map((r) => JSON.stringify(r))].join(' '));
  };
  return { lines, error: push, warn: push, info: push, debug: push };
}

function assertNoSecret(where: string, text: string): void {
  for (const secret of Object.values(SECRETS)) assert.ok(!text.includes(secret), `${where} leaks ${secret}: ${text}`);
}

function assertErrorClean(error: unknown): void {
  assert.ok(error instanceof Error);
  assertNoSecret('String(err)', String(error));
  assertNoSecret('JSON.stringify(err)', JSON.stringify(error));
  assertNoSecret('err.stack', error.stack ?? '');
  assertNoSecret('err.message', error.message);
}

describe('secrets never leak', () => {
  test('a 401 with set-cookie: url, headers, message, stack and log lines are clean', async () => {
    const logger = captureLogger();
    const { client } = await setup(
      (_req, res) => json(res, 401, { message: 'bad key' }, { 'set-cookie': `session=${SECRETS.bearerAuth}` }),
      { auth: SECRETS, logLevel: 'debug', logger },
    );
    const error = await client.request(ops.keyedGet).catch((e: unknown) => e);
    assert.ok(error instanceof AuthenticationError);
    assert.match(error.url, /api_key=\*\*\*/);
    assert.equal(error.headers['set-cookie'], '***');
    assertErrorClean(error);
    assert.ok(logger.lines.length >= 1);
    for (const line of logger.lines) assertNoSecret('log line', line);
  });

  test('connection errors and timeouts carry redacted URLs', async () => {
    const port = await closedPort();
    const logger = captureLogger();
    const refused = track(
      new Client(testApi(), {
        baseUrl: `http://127.0.0.1:${port}`,
        auth: SECRETS,
        retry: { maxRetries: 0 },
        logLevel: 'info',
        logger,
      }),
    );
    const error = await refused.request(ops.keyedGet).catch((e: unknown) => e);
    assert.ok(error instanceof ConnectionError, String(error));
    assertErrorClean(error);

    const { client } = await setup(() => {}, { auth: SECRETS, logLevel: 'info', logger });
    const timeout = await client
      .request(ops.keyedGet, undefined, { timeout: { read: 100 }, retry: { maxRetries: 0 } })
      .catch((e: unknown) => e);
    assert.ok(timeout instanceof ReadTimeoutError);
    assertErrorClean(timeout);
    for (const line of logger.lines) assertNoSecret('log line', line);
  });
});

describe('logging', () => {
  test('info logs one line per attempt: operation, method, redacted URL, status, ms, attempt, request id', async () => {
    const logger = captureLogger();
    const { client } = await setup(
      (_req, res, hit) => json(res, hit === 1 ? 503 : 200, {}, { 'x-request-id': `req-${hit}`, 'retry-after-ms': '1' }),
      { logLevel: 'info', logger, auth: SECRETS },
    );
    await client.request(ops.keyedGet);
    assert.equal(logger.lines.length, 2);
    assert.match(
      logger.lines[0]!,
      /keyedGet GET http:\/\/127\.0\.0\.1:\d+\/keyed\?api_key=\*\*\* -> 503 in \d+ ms \(attempt 1, request id req-1\); retrying in 1 ms/,
    );
    // The line, then the structured fields a passed logger gets as its second argument.
    assert.match(
      logger.lines[1]!,
      /-> 200 in \d+ ms \(attempt 2, request id req-2\) \{"operation":"keyedGet","method":"GET","url":"http:\/\/127\.0\.0\.1:\d+\/keyed\?api_key=\*\*\*","attempt":2,"status":200,"durationMs":\d+,"requestId":"req-2"\}$/,
    );
  });

  test('<PREFIX>_LOG sets the level; default warn logs nothing for a success', async () => {
    const logger = captureLogger();
    const { server } = await setup((_req, res) => json(res, 200, {}));
    const quiet = track(new Client(testApi(), { baseUrl: server.url, logger }));
    await quiet.request(ops.getPet, { petId: '1' });
    assert.equal(logger.lines.length, 0);
    process.env.TESTAPI_LOG = 'info';
    try {
      const loud = track(new Client(testApi(), { baseUrl: server.url, logger }));
      await loud.request(ops.getPet, { petId: '1' });
      assert.equal(logger.lines.length, 1);
    } finally {
      delete process.env.TESTAPI_LOG;
    }
  });
});

describe('middleware', () => {
  test('runs around every attempt, client-level outside per-call, and may change the request', async () => {
    const seen: string[] = [];
    const outer: Middleware = async (request, next) => {
      seen.push(`outer ${request.attempt}`);
      return next({ ...request, headers: { ...request.headers, 'x-outer': '1' } });
    };
    const inner: Middleware = async (request, next) => {
      seen.push(`inner ${request.attempt} ${request.signal.aborted}`);
      const response = await next(request);
      seen.push(`inner got ${response.status}`);
      return response;
    };
    const { server, client } = await setup(
      (_req, res, hit) => json(res, hit === 1 ? 502 : 200, { hit }, { 'retry-after-ms': '1' }),
      {
        middleware: [outer],
      },
    );
    assert.deepEqual(await client.request(ops.getPet, { petId: '1' }, { middleware: [inner] }), { hit: 2 });
    assert.deepEqual(seen, ['outer 1', 'inner 1 false', 'inner got 502', 'outer 2', 'inner 2 false', 'inner got 200']);
    assert.equal(server.requests[1]!.headers['x-outer'], '1');
  });

  test('an error thrown by middleware is raised as is and not retried', async () => {
    class Refused extends Error {}
    let calls = 0;
    const { server, client } = await setup((_req, res) => json(res, 200, {}), {
      middleware: [
        async () => {
          calls++;
          throw new Refused('policy says no');
        },
      ],
    });
    await assert.rejects(client.request(ops.getPet, { petId: '1' }), Refused);
    assert.equal(calls, 1);
    assert.equal(server.requests.length, 0);
  });
});

describe('pagination', () => {
  test('paginate() follows Link rel=next with auth on every page; for await yields every item', async () => {
    const { server, client } = await setup(
      (req, res) => {
        const url = new URL(req.url!, 'http://x');
        const page = Number(url.searchParams.get('page') ?? '1');
        const headers: Record<string, string> = {};
        if (page < 3) headers.link = `</items?page=${page + 1}&per_page=2>; rel="next"`;
        json(res, 200, [page * 10 + 1, page * 10 + 2], headers);
      },
      { auth: SECRETS },
    );
    const items: number[] = [];
    for await (const item of client.paginate<number>(
      { ...ops.listLinked, security: [['bearerAuth']] },
      { per_page: 2 },
    ))
      items.push(item);
    assert.deepEqual(items, [11, 12, 21, 22, 31, 32]);
    assert.deepEqual(
      server.requests.map((r) => [r.url, r.headers.authorization]),
      [
        ['/items?per_page=2', `Bearer ${SECRETS.bearerAuth}`],
        ['/items?page=2&per_page=2', `Bearer ${SECRETS.bearerAuth}`],
        ['/items?page=3&per_page=2', `Bearer ${SECRETS.bearerAuth}`],
      ],
    );
  });

  test('an API-key query credential is not duplicated into next-page URLs', async () => {
    const { server, client } = await setup(
      (req, res) => {
        const url = new URL(req.url!, 'http://x');
        const page = Number(url.searchParams.get('page') ?? '1');
        const headers: Record<string, string> = {};
        if (page < 2) headers.link = `</items?page=2>; rel="next"`;
        json(res, 200, [page], headers);
      },
      { auth: SECRETS },
    );
    const first = await client.paginate<number>({ ...ops.listLinked, security: [['apiKeyQuery']] });
    assert.deepEqual(first.items, [1]);
    const second = await first.getNextPage();
    assert.deepEqual(second.items, [2]);
    assert.equal(server.requests[1]!.url, `/items?page=2&api_key=${SECRETS.apiKeyQuery}`);
  });
});

describe('stats()', () => {
  test('per operation: calls, errors by class, retries and latency percentiles', async () => {
    const { client } = await setup((req, res, hit) => {
      if (req.url === '/pets/missing') json(res, 404, {});
      else json(res, hit === 1 ? 503 : 200, {}, { 'retry-after-ms': '1' });
    });
    await client.request(ops.getPet, { petId: '1' });
    await client.request(ops.getPet, { petId: '2' });
    await client.request(ops.getPet, { petId: 'missing' }).catch(() => undefined);
    await client.request(ops.listPets).catch(() => undefined);
    const derived = client.withOptions({ defaultHeaders: { 'x-a': '1' } });
    await derived.request(ops.listPets);
    const stats = client.stats();
    assert.equal(stats.getPet!.calls, 3);
    assert.equal(stats.getPet!.retries, 1);
    assert.deepEqual(stats.getPet!.errors, { NotFoundError: 1 });
    assert.equal(stats.listPets!.calls, 2, 'derived clients share the stats');
    const { p50, p95, p99 } = stats.getPet!.latencyMs;
    assert.ok(p50 > 0 && p50 <= p95 && p95 <= p99, JSON.stringify(stats.getPet));
  });
});
