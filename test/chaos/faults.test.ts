/**
 * The fault table: every fault of the chaos server x {GET, idempotent POST, plain POST}, each
 * with its exact outcome (error class or data, server hits, duration within the total deadline
 * + 100 ms). Loopback only; every server and client is closed after the file.
 *
 * Client settings: connect 300 ms, read 300 ms, total 5 s (1 s for the dripping body),
 * maxRetries 2. The expectations follow runtime.md "Retries": network failures after sending and
 * 502/503 are retried only when idempotent (GET, or a POST carrying an idempotency key); 429 is
 * retried for every method; a connection that never carried the request is retried always.
 */
// The runtime's Node entry (the undici transport), as a generated package's Node entry loads it.
import '../../runtime/node.js';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AuthenticationError,
  BadGatewayError,
  Client,
  ConnectTimeoutError,
  ConnectionError,
  DeadlineExceededError,
  RateLimitError,
  ReadTimeoutError,
  ResponseParseError,
  ServiceUnavailableError,
  TlsError,
  TooManyRedirectsError,
  UnexpectedContentTypeError,
  type ClientOptions,
  type SdkError,
} from '../../runtime/index.js';
import { makeCertificates } from '../runtime/support/tls.js';
import { chaosApi, chaosOps, securedChaosOps, METHODS, type MethodKind } from './support/api.js';
import {
  DEFAULT_TIMINGS,
  HTML_PAGE,
  startBlackHole,
  startChaosServer,
  startTlsServer,
  type ChaosServer,
  type Fault,
} from './support/chaos-server.js';
import { newRun, timedCall, type Settled } from './support/call.js';

const CONNECT_MS = 300;
const READ_MS = 300;
const TOTAL_MS = 5_000;
const DRIP_TOTAL_MS = 1_000;
/** The bound: every call settles within its total deadline + 100 ms. */
const SLACK_MS = 100;

type Hits = Readonly<Record<MethodKind, number>>;
const all = (n: number): Hits => ({ GET: n, 'idempotent POST': n, 'plain POST': n });
const idempotentOnly = (n: number): Hits => ({ GET: n, 'idempotent POST': n, 'plain POST': 1 });

interface Row {
  readonly fault: Fault;
  /** The error class (exact: `error.constructor === expected`), or undefined for success. */
  readonly error?: abstract new (
    ...args: never[]
  ) => SdkError;
  readonly hits: Hits;
  readonly totalMs?: number;
  /** Minimum gap between consecutive hits (the delay the server asked for). */
  readonly minGapMs?: number;
  /** Minimum duration of the call. */
  readonly minMs?: (hits: number) => number;
  readonly check?: (settled: Settled, method: MethodKind) => void;
}

const TABLE: readonly Row[] = [
  {
    fault: 'slow-headers',
    error: ReadTimeoutError,
    hits: idempotentOnly(3),
    minMs: (hits) => hits * READ_MS - 20,
    check: ({ error }) => assert.equal((error as ReadTimeoutError).phase, 'headers'),
  },
  {
    fault: 'drip-body',
    error: DeadlineExceededError,
    hits: all(1),
    totalMs: DRIP_TOTAL_MS,
    minMs: () => DRIP_TOTAL_MS - 20,
  },
  {
    fault: 'stall-mid-body',
    error: ReadTimeoutError,
    hits: idempotentOnly(3),
    minMs: (hits) => hits * READ_MS - 20,
    check: ({ error }) => assert.equal((error as ReadTimeoutError).phase, 'body'),
  },
  { fault: 'reset-before-headers', error: ConnectionError, hits: idempotentOnly(3) },
  { fault: 'reset-mid-body', error: ConnectionError, hits: idempotentOnly(3) },
  { fault: 'short-body', error: ConnectionError, hits: idempotentOnly(3) },
  { fault: 'bad-chunked', error: ConnectionError, hits: idempotentOnly(3) },
  ...(['seconds', 'date', 'ms', 'none'] as const).flatMap((variant): Row[] => {
    const gap = {
      seconds: DEFAULT_TIMINGS.retryAfterSeconds * 1000 - 50,
      date: DEFAULT_TIMINGS.retryAfterDateMs - 1000 - 50,
      ms: DEFAULT_TIMINGS.retryAfterMs - 20,
      none: 375 - 20,
    }[variant];
    const retryAfter = { seconds: DEFAULT_TIMINGS.retryAfterSeconds * 1000, ms: DEFAULT_TIMINGS.retryAfterMs }[
      variant as 'seconds' | 'ms'
    ];
    return [
      {
        fault: `429-${variant}`,
        error: RateLimitError,
        // A 429 was refused before any work: retried for every method.
        hits: all(3),
        minGapMs: gap,
        check: ({ error }) => {
          const e = error as RateLimitError;
          assert.equal(e.status, 429);
          if (retryAfter !== undefined) assert.equal(e.retryAfterMs, retryAfter);
          if (variant === 'none') assert.equal(e.retryAfterMs, undefined);
          assert.deepEqual(
            e.attempts.map((a) => a.status),
            [429, 429, 429],
          );
        },
      },
      {
        fault: `503-${variant}`,
        error: ServiceUnavailableError,
        hits: idempotentOnly(3),
        minGapMs: gap,
        check: ({ error }) => assert.equal((error as ServiceUnavailableError).status, 503),
      },
    ];
  }),
  {
    fault: 'html-200',
    error: UnexpectedContentTypeError,
    hits: all(1),
    check: ({ error }) => {
      const e = error as UnexpectedContentTypeError;
      assert.equal(e.status, 200);
      assert.match(e.contentType ?? '', /^text\/html/);
      // The first 200 characters, marked as cut.
      assert.equal(e.bodySnippet, `${HTML_PAGE.slice(0, 200)}...`);
    },
  },
  {
    fault: 'html-502',
    error: BadGatewayError,
    hits: idempotentOnly(3),
    check: ({ error }) => {
      const e = error as BadGatewayError;
      assert.equal(e.status, 502);
      assert.equal(e.body, HTML_PAGE, 'the error page is the error body, not data');
    },
  },
  { fault: 'bad-json', error: ResponseParseError, hits: all(1) },
  {
    fault: 'wrong-content-type',
    hits: all(1),
    check: ({ data }) => assert.deepEqual(data, { ok: true, hit: 1 }),
  },
  {
    fault: 'redirect-loop',
    error: TooManyRedirectsError,
    // The first request and 10 redirect hops, never retried.
    hits: all(11),
  },
];

let server: ChaosServer;
const clients: Client[] = [];
const closers: Array<() => Promise<void>> = [];

function client(options: ClientOptions = {}, baseUrl = server.url): Client {
  const made = new Client(chaosApi(), {
    baseUrl,
    logLevel: 'off',
    timeout: { connect: CONNECT_MS, read: READ_MS, total: TOTAL_MS },
    retry: { maxRetries: 2 },
    ...options,
  });
  clients.push(made);
  return made;
}

before(async () => {
  server = await startChaosServer();
});
after(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(closers.map((c) => c()));
  await server.close();
});

function assertOutcome(settled: Settled, row: Pick<Row, 'error'>, totalMs: number): void {
  if (row.error === undefined) {
    assert.equal(settled.error, undefined, `expected success, got ${String(settled.error)}`);
  } else {
    assert.ok(settled.error !== undefined, 'expected an error, the call succeeded');
    assert.equal(
      (settled.error as object).constructor,
      row.error,
      `expected ${row.error.name}, got ${(settled.error as Error).constructor.name}: ${(settled.error as Error).message}`,
    );
  }
  assert.ok(
    settled.ms <= totalMs + SLACK_MS,
    `settled in ${settled.ms.toFixed(0)} ms > total ${totalMs} + ${SLACK_MS}`,
  );
}

describe('fault table: fault x method -> error class, server hits, duration', { concurrency: 12 }, () => {
  for (const row of TABLE) {
    for (const method of METHODS) {
      const expectedHits = row.hits[method];
      const name = `${row.fault} | ${method} -> ${row.error?.name ?? 'data'}, ${expectedHits} hit(s)`;
      test(name, async () => {
        const run = newRun(`${row.fault}-${method}`);
        const totalMs = row.totalMs ?? TOTAL_MS;
        const settled = await timedCall(client(), chaosOps[method], row.fault, run, { timeout: { total: totalMs } });
        assertOutcome(settled, row, totalMs);
        const hits = server.hitsOf(run);
        assert.equal(hits.length, expectedHits, `server hits`);
        if (settled.error !== undefined)
          assert.equal((settled.error as SdkError).attempts.length, expectedHits === 11 ? 1 : expectedHits, 'attempts');
        if (method === 'idempotent POST') {
          const keys = new Set(hits.map((h) => h.idempotencyKey));
          assert.equal(keys.size, 1, 'one idempotency key per call, the same on every attempt');
          assert.ok([...keys][0], 'the key is sent');
        }
        if (method === 'plain POST')
          assert.ok(
            hits.every((h) => h.idempotencyKey === undefined),
            'no key on a plain POST',
          );
        if (row.minGapMs !== undefined) {
          for (let i = 1; i < hits.length; i++) {
            const gap = hits[i]!.at - hits[i - 1]!.at;
            assert.ok(gap >= row.minGapMs, `gap before hit ${i + 1}: ${gap.toFixed(0)} ms < ${row.minGapMs} ms`);
          }
        }
        if (row.minMs !== undefined) {
          const min = row.minMs(expectedHits);
          assert.ok(settled.ms >= min, `settled in ${settled.ms.toFixed(0)} ms < ${min} ms`);
        }
        row.check?.(settled, method);
      });
    }
  }

  for (const method of METHODS) {
    test(`401 then success | ${method}, static token -> AuthenticationError, 1 hit`, async () => {
      const run = newRun(`401-static-${method}`);
      const settled = await timedCall(
        client({ auth: { bearerAuth: 'stale' } }),
        securedChaosOps[method],
        '401-then-ok',
        run,
      );
      assertOutcome(settled, { error: AuthenticationError }, TOTAL_MS);
      assert.equal(server.hitsOf(run).length, 1);
    });

    test(`401 then success | ${method}, token provider -> data, 2 hits, the replay carries the fresh token`, async () => {
      const run = newRun(`401-provider-${method}`);
      let calls = 0;
      const provider = (): string => `token-${++calls}`;
      const settled = await timedCall(
        client({ auth: { bearerAuth: provider } }),
        securedChaosOps[method],
        '401-then-ok',
        run,
      );
      assertOutcome(settled, {}, TOTAL_MS);
      assert.deepEqual(settled.data, { ok: true, hit: 2 });
      const hits = server.hitsOf(run);
      assert.equal(hits.length, 2);
      assert.equal(hits[0]!.authorization, 'Bearer token-1');
      assert.match(hits[1]!.authorization ?? '', /^Bearer token-\d+$/);
      assert.notEqual(
        hits[1]!.authorization,
        hits[0]!.authorization,
        'the replay asked the provider for a fresh token',
      );
      if (method === 'idempotent POST') assert.equal(hits[0]!.idempotencyKey, hits[1]!.idempotencyKey);
    });
  }
});

describe('listener faults', { concurrency: 6 }, () => {
  let certs: ReturnType<typeof makeCertificates>;
  let other: ReturnType<typeof makeCertificates>;
  before(() => {
    certs = makeCertificates();
    other = makeCertificates();
  });

  for (const method of METHODS) {
    test(`TLS server with an unknown CA | ${method} -> TlsError, 0 requests, 1 connection, not retried`, async () => {
      const tls = await startTlsServer(certs.cert, certs.key);
      closers.push(() => tls.close());
      const settled = await timedCall(client({}, tls.url), chaosOps[method], 'ok', newRun('tls'));
      assertOutcome(settled, { error: TlsError }, TOTAL_MS);
      assert.equal(tls.requests(), 0, 'no request reached the server');
      assert.equal(tls.connections(), 1, 'verification failures are not retried');
      assert.ok(settled.ms < TOTAL_MS / 2, 'fails fast');
    });

    test(`TLS server, a CA configured that is not its issuer | ${method} -> TlsError, 0 requests`, async () => {
      const tls = await startTlsServer(certs.cert, certs.key);
      closers.push(() => tls.close());
      const settled = await timedCall(
        client({ tls: { ca: other.ca } }, tls.url),
        chaosOps[method],
        'ok',
        newRun('tls-ca'),
      );
      assertOutcome(settled, { error: TlsError }, TOTAL_MS);
      assert.equal(tls.requests(), 0);
    });

    test(`http listener that accepts and never reads | ${method} -> ReadTimeoutError (headers)`, async () => {
      const hole = await startBlackHole('http');
      closers.push(() => hole.close());
      const settled = await timedCall(client({}, hole.url), chaosOps[method], 'ok', newRun('hole'));
      assertOutcome(settled, { error: ReadTimeoutError }, TOTAL_MS);
      assert.equal((settled.error as ReadTimeoutError).phase, 'headers');
      // Idempotent calls are retried after a read timeout; a plain POST is not (it may have been processed).
      const attempts = method === 'plain POST' ? 1 : 3;
      assert.deepEqual(
        (settled.error as ReadTimeoutError).attempts.map((a) => a.errorCode),
        Array(attempts).fill('READ_TIMEOUT'),
      );
      // Every attempt used a connection of its own. undici also re-dials once right after an
      // in-flight request is aborted (an idle spare, closed with the pool), so up to 2 per attempt.
      assert.ok(
        hole.connections() >= attempts && hole.connections() <= 2 * attempts,
        `${hole.connections()} connections`,
      );
    });

    test(`https listener that accepts and never reads | ${method} -> ConnectTimeoutError, retried for every method`, async () => {
      const hole = await startBlackHole('https');
      closers.push(() => hole.close());
      // read (counted from hand-over to the pool, so it includes the handshake) longer than connect.
      const settled = await timedCall(client({}, hole.url), chaosOps[method], 'ok', newRun('hole-tls'), {
        timeout: { read: 3 * CONNECT_MS },
      });
      assertOutcome(settled, { error: ConnectTimeoutError }, TOTAL_MS);
      // The handshake never completed: the request was never sent, so a retry is safe for any method.
      assert.deepEqual(
        (settled.error as ConnectTimeoutError).attempts.map((a) => a.errorCode),
        ['CONNECT_TIMEOUT', 'CONNECT_TIMEOUT', 'CONNECT_TIMEOUT'],
      );
      assert.equal(hole.connections(), 3);
      assert.ok(settled.ms >= 3 * CONNECT_MS - 20);
    });
  }

  test('TLS server with the CA configured | GET -> data (the control case)', async () => {
    const tls = await startTlsServer(certs.cert, certs.key);
    closers.push(() => tls.close());
    const settled = await timedCall(client({ tls: { ca: certs.ca } }, tls.url), chaosOps.GET, 'ok', newRun('tls-ok'));
    assertOutcome(settled, {}, TOTAL_MS);
    assert.deepEqual(settled.data, { ok: true });
  });
});
