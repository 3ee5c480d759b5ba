/**
 * Hostile input at the runtime: responses that try to pollute prototypes, parameters that try to
 * inject headers or climb out of their path segment. Loopback servers only.
 */
// The runtime's Node entry (the undici transport), as a generated package's Node entry loads it.
import '../../runtime/node.js';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, SdkError, ApiError, type ClientOptions } from '../../runtime/index.js';
import type { OperationDescriptor } from '../../runtime/descriptor.js';
import { json, type Handler, type TestServer } from '../runtime/support/server.js';
import { harness } from '../runtime/support/harness.js';
import { ops, testApi } from '../runtime/support/api.js';

const files = harness();

/** A server with `handler` and a client pointed at it, with this file's short timeouts. */
function setup(handler: Handler, options: ClientOptions = {}): Promise<{ server: TestServer; client: Client }> {
  return files.setup(handler, {
    timeout: { connect: 1_000, read: 1_000, total: 3_000 },
    retry: { maxRetries: 0 },
    ...options,
  });
}

const POLLUTING_BODY =
  '{"__proto__": {"polluted": "yes", "isAdmin": true}, "constructor": {"prototype": {"polluted": "yes"}},' +
  ' "error": {"message": "m", "__proto__": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}}';

function assertClean(): void {
  const probe = {} as Record<string, unknown>;
  assert.equal(probe.polluted, undefined, 'Object.prototype was polluted');
  assert.equal(probe.isAdmin, undefined, 'Object.prototype was polluted');
  assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
  assert.equal((Function.prototype as unknown as Record<string, unknown>).polluted, undefined);
}

/** A body `JSON.parse` made: `__proto__` is an own data property, the prototype is untouched. */
function assertInertOwnKey(value: unknown): void {
  const record = value as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(record), Object.prototype);
  assert.ok(Object.hasOwn(record, '__proto__'), '__proto__ kept as plain data');
  assert.equal(record.isAdmin, undefined, 'the data object did not inherit from the attacker object');
}

const headerOp: OperationDescriptor = {
  id: 'traced',
  method: 'GET',
  path: '/traced/{id}',
  params: [
    { name: 'id', in: 'path', style: 'simple', explode: false, required: true },
    { name: 'X-Trace', in: 'header', style: 'simple', explode: false, required: false },
    { name: 'q', in: 'query', style: 'form', explode: true, required: false },
  ],
  response: { success: [{ status: '200', kind: 'json' }], accept: 'application/json' },
};

describe('prototype pollution from response bodies and headers', () => {
  test('a 2xx JSON body with __proto__ / constructor.prototype keys: kept as data, nothing polluted', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(POLLUTING_BODY);
    });
    const { data, response } = await client.request<Record<string, unknown>>(ops.getPet, { petId: '1' }).withResponse();
    assertInertOwnKey(data);
    assertInertOwnKey(data.error);
    assert.equal(response.status, 200);
    assertClean();
  });

  test('an error body with those keys: ApiError.body is inert data, the message uses the plain field', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' }).end(POLLUTING_BODY);
    });
    const error = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assertInertOwnKey(error.body);
    assert.match(error.message, /: m$/);
    assertClean();
  });

  test('a paginated body and Link pages with those keys: items come through, nothing polluted', async () => {
    const { client } = await setup((req, res) => {
      const page = Number(new URL(req.url!, 'http://x').searchParams.get('page') ?? '1');
      const next = page < 3 ? { link: `</items?page=${page + 1}>; rel="next"` } : {};
      res.writeHead(200, { 'content-type': 'application/json', ...next });
      res.end(`[${POLLUTING_BODY}, ${POLLUTING_BODY}]`);
    });
    const items: unknown[] = [];
    for await (const item of client.paginate(ops.listLinked, {})) items.push(item);
    assert.equal(items.length, 6);
    for (const item of items) assertInertOwnKey(item);
    assertClean();
  });

  test('response headers named __proto__, constructor and hasOwnProperty do not pollute or break the call', async () => {
    const { client } = await setup((_req, res) => {
      res.setHeader('__proto__', 'polluted');
      res.setHeader('constructor', 'polluted');
      res.setHeader('hasOwnProperty', 'polluted');
      json(res, 503, { error: { message: 'down' } });
    });
    const error = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError, String(error));
    assert.equal(error.status, 503);
    assert.equal(typeof error.headers, 'object');
    assertClean();

    const ok = await setup((_req, res) => {
      res.setHeader('__proto__', 'polluted');
      res.setHeader('hasOwnProperty', 'polluted');
      json(res, 200, { fine: true });
    });
    const { data, response } = await ok.client.request(ops.getPet, { petId: '1' }).withResponse();
    assert.deepEqual(data, { fine: true });
    assert.equal(response.header('content-type'), 'application/json');
    assert.equal(response.header('hasOwnProperty'), 'polluted');
    assertClean();
  });
});

describe('header injection: CR/LF in values is refused before anything is sent', () => {
  const payloads = ['ok\r\nx-injected: 1', 'ok\nx-injected: 1', 'ok\rx', 'a\u0000b'];
  for (const payload of payloads) {
    const label = JSON.stringify(payload);
    test(`header parameter ${label} -> SdkError naming the parameter, 0 requests`, async () => {
      const { server, client } = await setup((_req, res) => json(res, 200, {}));
      const error = await client.request(headerOp, { id: '1', 'X-Trace': payload }).catch((e: unknown) => e);
      assert.ok(error instanceof SdkError, String(error));
      assert.match(error.message, /header parameter "X-Trace"/);
      assert.match(error.message, /CR, LF/);
      assert.ok(!error.message.includes('x-injected'), 'the value is not echoed');
      assert.equal(server.requests.length, 0);
    });

    test(`per-call header ${label} -> SdkError naming the header, 0 requests`, async () => {
      const { server, client } = await setup((_req, res) => json(res, 200, {}));
      const error = await client
        .request(ops.getPet, { petId: '1' }, { headers: { 'x-note': payload } })
        .catch((e: unknown) => e);
      assert.ok(error instanceof SdkError, String(error));
      assert.match(error.message, /"x-note"/);
      assert.equal(server.requests.length, 0);
    });
  }

  test('defaultHeaders with CR/LF -> the client refuses to be built', async () => {
    assert.throws(
      () =>
        new Client(testApi(), { baseUrl: 'http://127.0.0.1:1', defaultHeaders: { 'x-team': 'a\r\nx-injected: 1' } }),
      (error: unknown) => error instanceof SdkError && /"x-team"/.test(error.message) && /CR, LF/.test(error.message),
    );
  });

  test('an idempotencyKey with CR/LF -> SdkError naming the header, 0 requests', async () => {
    const { server, client } = await setup((_req, res) => json(res, 201, {}));
    const error = await client
      .request(ops.createPetIdempotent, { name: 'a' }, { idempotencyKey: 'k\r\nx-injected: 1' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof SdkError, String(error));
    assert.match(error.message, /idempotency key \(header "idempotency-key"\) contains CR, LF or NUL/);
    assert.ok(!error.message.includes('x-injected'), 'the value is not echoed');
    assert.equal(server.requests.length, 0);
    assert.deepEqual((error as SdkError).attempts, [], 'refused before any attempt');
  });

  for (const [what, auth, op] of [
    ['bearer token', { bearerAuth: 'tok\r\nx-injected: 1' }, ops.securedGet],
    ['bearer token provider', { bearerAuth: () => 'tok\r\nx-injected: 1' }, ops.securedGet],
    ['API key header', { apiKeyHeader: 'k\r\nx-injected: 1', apiKeyQuery: 'q' }, ops.keyedGet],
  ] as const) {
    test(`a ${what} with CR/LF -> SdkError naming the scheme (not the secret), 0 requests`, async () => {
      const { server, client } = await setup((_req, res) => json(res, 200, {}), { auth });
      const error = await client.request(op, {}).catch((e: unknown) => e);
      assert.ok(error instanceof SdkError, String(error));
      assert.match(error.message, /auth scheme "\w+": the credential contains CR, LF/);
      assert.ok(!error.message.includes('tok') && !error.message.includes('x-injected'), 'the secret is not echoed');
      assert.equal(server.requests.length, 0);
    });
  }

  test('query and path parameters with CR/LF are percent-encoded, never raw', async () => {
    const { server, client } = await setup((_req, res) => json(res, 200, {}));
    await client.request(headerOp, { id: 'a\r\nHost: evil', q: 'x\r\nSet-Cookie: a=b' });
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]!.url, '/traced/a%0D%0AHost%3A%20evil?q=x%0D%0ASet-Cookie%3A%20a%3Db');
    assert.equal(server.requests[0]!.headers['set-cookie'], undefined);
  });
});

describe('path traversal: ../ in path parameters stays inside its segment', () => {
  const cases: Array<[string, string]> = [
    ['../admin', '/pets/..%2Fadmin'],
    ['../../etc/passwd', '/pets/..%2F..%2Fetc%2Fpasswd'],
    ['..\\admin', '/pets/..%5Cadmin'],
    ['%2e%2e%2fadmin', '/pets/%252e%252e%252fadmin'],
    ['a/b', '/pets/a%2Fb'],
    ['x?admin=1#frag', '/pets/x%3Fadmin%3D1%23frag'],
  ];
  for (const [value, wire] of cases) {
    test(`${JSON.stringify(value)} -> ${wire}`, async () => {
      const { server, client } = await setup((_req, res) => json(res, 200, {}));
      await client.request(ops.getPet, { petId: value });
      assert.equal(server.requests[0]!.url, wire);
    });
  }

  for (const value of ['..', '.']) {
    test(`a bare ${JSON.stringify(value)} segment is refused (servers would resolve it away), 0 requests`, async () => {
      const { server, client } = await setup((_req, res) => json(res, 200, {}));
      const error = await client.request(ops.getPet, { petId: value }).catch((e: unknown) => e);
      assert.ok(error instanceof SdkError);
      assert.match(error.message, /"\." or "\.\."/);
      assert.equal(server.requests.length, 0);
    });
  }
});
