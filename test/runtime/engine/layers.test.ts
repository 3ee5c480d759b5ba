/**
 * The engine's layers, each alone: a fake `next` below it and a minimal call state, no server.
 * (The whole pipeline is exercised through the client by the other runtime suites.)
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import type { IncomingHttpHeaders } from 'node:http';
import { compose, type Layer } from '../../../runtime/engine/compose.js';
import { followRedirects } from '../../../runtime/engine/layers/redirects.js';
import { cookieJarLayer } from '../../../runtime/engine/layers/cookies.js';
import { retryAttempts } from '../../../runtime/engine/layers/retry.js';
import type {
  AttemptContext,
  AttemptResult,
  CallRun,
  CallState,
  Exchange,
  Hop,
} from '../../../runtime/engine/types.js';
import { CookieJar } from '../../../runtime/transport/cookie-jar.js';
import { RuntimeLog } from '../../../runtime/policies/logging.js';
import type { OutgoingRequest } from '../../../runtime/transport/types.js';

const ORIGIN = 'https://api.test';

function fakeCall(overrides: Partial<CallState> = {}): CallState {
  const scope = { remaining: () => 60_000, sleep: async () => undefined };
  return {
    method: 'GET',
    target: { origin: ORIGIN, path: '/a', url: `${ORIGIN}/a` },
    headers: {},
    body: null,
    replayable: true,
    maxRedirects: 5,
    secrets: { headers: new Set(['authorization']), query: new Set() },
    log: new RuntimeLog('off', console),
    idempotent: true,
    maxRetries: 2,
    maxRetryAfterMs: 60_000,
    scope,
    ...overrides,
  } as unknown as CallState;
}

function context(call: CallState): AttemptContext {
  return {
    call,
    attempt: 1,
    readTimer: { refresh: () => undefined },
    currentUrl: call.target.url,
  } as unknown as AttemptContext;
}

function hopOf(call: CallState, headers: Record<string, string> = {}): Hop {
  return { method: call.method, target: call.target, url: call.target.url, headers, body: null, sameOrigin: true };
}

function exchange(hop: Hop, status: number, headers: IncomingHttpHeaders = {}): Exchange {
  const request = { method: hop.method, url: hop.url, headers: hop.headers } as OutgoingRequest;
  return { request, response: { status, headers, url: hop.url, body: Readable.from([]) } };
}

describe('compose', () => {
  it('runs the first layer outermost and skips undefined entries', async () => {
    const seen: string[] = [];
    const tag =
      (name: string): Layer<(x: string) => Promise<string>> =>
      (next) =>
      async (x) => {
        seen.push(`${name} in`);
        const out = await next(`${x}>${name}`);
        seen.push(`${name} out`);
        return out;
      };
    const handler = compose(async (x: string) => x, [tag('a'), undefined, tag('b')]);
    assert.equal(await handler('start'), 'start>a>b');
    assert.deepEqual(seen, ['a in', 'b in', 'b out', 'a out']);
  });
});

describe('redirect layer alone', () => {
  it('follows a same-origin 302 as GET and keeps the headers', async () => {
    const call = fakeCall();
    const hops: Hop[] = [];
    const send = followRedirects(async (hop) => {
      hops.push(hop);
      return hops.length === 1 ? exchange(hop, 302, { location: '/b' }) : exchange(hop, 200);
    });
    const result = await send(hopOf(call, { 'x-trace': '1' }), context(call));
    assert.equal(result.response.status, 200);
    assert.deepEqual(
      hops.map((h) => [h.method, h.url, h.sameOrigin, h.headers['x-trace']]),
      [
        ['GET', `${ORIGIN}/a`, true, '1'],
        ['GET', `${ORIGIN}/b`, true, '1'],
      ],
    );
  });

  it('drops credentials when the redirect leaves the origin', async () => {
    const call = fakeCall();
    const hops: Hop[] = [];
    const send = followRedirects(async (hop) => {
      hops.push(hop);
      return hops.length === 1 ? exchange(hop, 307, { location: 'https://elsewhere.test/x' }) : exchange(hop, 200);
    });
    await send(hopOf(call, { authorization: 'Bearer secret', accept: 'application/json' }), context(call));
    assert.equal(hops[1]!.sameOrigin, false);
    assert.equal(hops[1]!.headers.authorization, undefined);
    assert.equal(hops[1]!.headers.accept, 'application/json');
  });

  it('more than maxRedirects hops: a TooManyRedirectsError outcome, not a retry', async () => {
    const call = fakeCall({ maxRedirects: 2 });
    const send = followRedirects(async (hop) => exchange(hop, 302, { location: '/loop' }));
    await assert.rejects(send(hopOf(call), context(call)), (failure: { result: AttemptResult }) => {
      assert.equal(failure.result.kind, 'failed');
      assert.equal(failure.result.kind === 'failed' && failure.result.code, 'TOO_MANY_REDIRECTS');
      return true;
    });
  });
});

describe('cookie layer alone', () => {
  it("adds the jar's cookies to the call's own and stores Set-Cookie", async () => {
    const jar = new CookieJar();
    jar.store(['session=abc; Path=/'], `${ORIGIN}/login`);
    const call = fakeCall();
    let sent: Hop | undefined;
    const send = cookieJarLayer(jar)(async (hop) => {
      sent = hop;
      return exchange(hop, 200, { 'set-cookie': ['next=2; Path=/'] });
    });
    await send(hopOf(call, { cookie: 'own=1' }), context(call));
    assert.equal(sent!.headers.cookie, 'own=1; session=abc');
    assert.equal(jar.header(`${ORIGIN}/x`), 'session=abc; next=2');
  });
});

describe('retry layer alone', () => {
  it('retries a 503 after the decided delay, then returns the success', async () => {
    const call = fakeCall();
    const run: CallRun = { call, attempts: [], delayMs: 0, attemptStartedAt: 0, authRefreshLeft: false };
    const results: AttemptResult[] = [
      {
        kind: 'status',
        status: 503,
        headers: { 'retry-after': '0' },
        url: `${ORIGIN}/a`,
        body: undefined,
        sentHeaders: {},
      },
      {
        kind: 'success',
        status: 200,
        headers: {},
        url: `${ORIGIN}/a`,
        bodyKind: 'json',
        bytes: new Uint8Array(),
        stream: undefined,
      },
    ];
    const delays: number[] = [];
    const handler = retryAttempts(async (r) => {
      delays.push(r.delayMs);
      r.attempts.push({ attempt: r.attempts.length + 1, delayMs: r.delayMs });
      return results.shift()!;
    });
    const result = await handler(run);
    assert.equal(result.kind, 'success');
    assert.deepEqual(delays, [0, 0]);
    assert.equal(run.attempts.length, 2);
  });

  it('a non-idempotent call is not retried after a read timeout (maybe sent)', async () => {
    const call = fakeCall({ idempotent: false, method: 'POST' });
    const run: CallRun = { call, attempts: [], delayMs: 0, attemptStartedAt: 0, authRefreshLeft: false };
    let calls = 0;
    const handler = retryAttempts(async () => {
      calls++;
      return { kind: 'failed', error: new Error('timeout'), sent: 'maybe-sent', code: 'READ_TIMEOUT' };
    });
    assert.equal((await handler(run)).kind, 'failed');
    assert.equal(calls, 1);
  });
});
