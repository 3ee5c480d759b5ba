import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import type net from 'node:net';
import type { AddressInfo } from 'node:net';
import { MockAgent } from 'undici';
import { Client, SdkError, TlsError, type Logger } from '../../../runtime/index.js';
import { json, startServer } from '../support/server.js';
import { ops, testApi } from '../support/api.js';
import { harness } from '../support/harness.js';
import { makeCertificates } from '../support/tls.js';
import { startConnectProxy } from '../support/connect-proxy.js';

const { setup, track, trackServer } = harness();

function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (message: string): void => {
    lines.push(message);
  };
  return { lines, error: push, warn: push, info: push, debug: push };
}

describe('base URL', () => {
  test('baseUrl option wins; its path prefixes every operation path', async () => {
    const { server } = await setup((req, res) => json(res, 200, { at: req.url }));
    const client = track(new Client(testApi(), { baseUrl: `${server.url}/api/v3/`, logLevel: 'off' }));
    assert.deepEqual(await client.request(ops.getPet, { petId: 'a/b' }), { at: '/api/v3/pets/a%2Fb' });
  });

  test('<PREFIX>_BASE_URL is used when no baseUrl is given', async () => {
    const { server } = await setup((req, res) => json(res, 200, { at: req.url }));
    process.env.TESTAPI_BASE_URL = `${server.url}/env`;
    try {
      const client = track(new Client(testApi(), { logLevel: 'off' }));
      assert.deepEqual(await client.request(ops.getPet, { petId: '1' }), { at: '/env/pets/1' });
    } finally {
      delete process.env.TESTAPI_BASE_URL;
    }
  });

  test('environment picks a server by name, variables filled with defaults', async () => {
    const { server } = await setup((req, res) => json(res, 200, { at: req.url }));
    const port = new URL(server.url).port;
    const api = testApi({
      servers: [
        { url: 'https://api.example.invalid', name: 'production' },
        {
          url: `http://127.0.0.1:{port}/{version}`,
          name: 'local',
          variables: { port: { default: port }, version: { default: 'v9' } },
        },
      ],
    });
    const client = track(new Client(api, { environment: 'local', logLevel: 'off' }));
    assert.deepEqual(await client.request(ops.getPet, { petId: '1' }), { at: '/v9/pets/1' });
    const wrong = track(new Client(api, { environment: 'staging', logLevel: 'off' }));
    await assert.rejects(
      wrong.request(ops.getPet, { petId: '1' }),
      /unknown environment "staging".*"production", "local"/,
    );
  });

  test('a relative server URL without baseUrl is a clear error naming baseUrl', async () => {
    const client = track(new Client(testApi({ servers: [{ url: '/v1', name: 'default' }] }), { logLevel: 'off' }));
    await assert.rejects(client.request(ops.getPet, { petId: '1' }), (error: Error) => {
      assert.ok(error instanceof SdkError);
      assert.match(error.message, /relative.*baseUrl: 'https:\/\/api\.example\.com\/v1'/);
      return true;
    });
  });
});

describe('headers', () => {
  test('User-Agent, Accept from the descriptor, defaultHeaders, per-call headers and null deletion', async () => {
    const { server } = await setup((_req, res) => json(res, 200, {}));
    const client = track(
      new Client(testApi(), {
        baseUrl: server.url,
        logLevel: 'off',
        defaultHeaders: { 'X-Team': 'core', 'X-Gone': 'soon' },
      }),
    );
    await client.request(
      ops.getPet,
      { petId: '1' },
      { headers: { 'x-call': 'yes', 'X-Gone': null, 'user-agent': null } },
    );
    await client.request(ops.getPet, { petId: '1' });
    const [first, second] = server.requests;
    assert.equal(first!.headers['x-team'], 'core');
    assert.equal(first!.headers['x-call'], 'yes');
    assert.equal(first!.headers['x-gone'], undefined);
    assert.equal(first!.headers['user-agent'], undefined);
    assert.equal(second!.headers['user-agent'], `@test/api/1.2.3 sdkgen node/${process.versions.node}`);
    assert.equal(second!.headers.accept, 'application/json');
    assert.equal(second!.headers['x-gone'], 'soon');
  });

  test('header injection through options is refused', async () => {
    const { client } = await setup((_req, res) => json(res, 200, {}));
    await assert.rejects(
      client.request(ops.getPet, { petId: '1' }, { headers: { 'x-a': 'v\r\nx-evil: 1' } }),
      /CR, LF or NUL/,
    );
  });
});

describe('pool ownership', () => {
  test('withOptions() derives a client that shares the pool; only the owner closes it', async () => {
    const sockets = new Set<net.Socket>();
    // One connection per origin: a derived client with its own pool would have to open a second.
    const { server, client } = await setup((_req, res) => json(res, 200, {}), { connections: 1 });
    server.server.on('connection', (socket) => sockets.add(socket));
    const derived = client.withOptions({ defaultHeaders: { 'x-derived': '1' }, retry: { maxRetries: 0 } });
    assert.ok(derived instanceof Client);
    await client.request(ops.getPet, { petId: '1' });
    await derived.request(ops.getPet, { petId: '2' });
    await derived.request(ops.getPet, { petId: '3' });
    assert.equal(sockets.size, 1, 'one keep-alive connection served both clients');
    assert.equal(server.requests[1]!.headers['x-derived'], '1');
    assert.equal(server.requests[0]!.headers['x-derived'], undefined);
    await derived.close();
    await client.request(ops.getPet, { petId: '4' });
    await client.close();
    await assert.rejects(derived.request(ops.getPet, { petId: '5' }), /closed/);
    await assert.rejects(client.request(ops.getPet, { petId: '5' }), /closed/);
  });

  test('withOptions() on a generated subclass returns the subclass', async () => {
    const api = testApi();
    class PetStore extends Client {
      readonly kind = 'petstore';
      constructor(options = {}) {
        super(api, options);
      }
    }
    const store = track(new PetStore({ baseUrl: 'http://127.0.0.1:1' }));
    const derived = store.withOptions({ timeout: { read: 1000 } });
    assert.ok(derived instanceof PetStore);
    assert.equal(derived.kind, 'petstore');
    assert.equal(derived.options.baseUrl, 'http://127.0.0.1:1');
    assert.equal(derived.options.timeout?.read, 1000);
  });

  test('await using closes the pool', async () => {
    const { server } = await setup((_req, res) => json(res, 200, {}));
    let closedClient: Client;
    {
      await using client = new Client(testApi(), { baseUrl: server.url, logLevel: 'off' });
      closedClient = client;
      await client.request(ops.getPet, { petId: '1' });
    }
    await assert.rejects(closedClient.request(ops.getPet, { petId: '1' }), /closed/);
  });

  test('a caller-supplied dispatcher (MockAgent) is used and not closed by us', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    mock
      .get('https://api.example.invalid')
      .intercept({ path: '/v1/pets/7', method: 'GET' })
      .reply(200, { id: 7 }, { headers: { 'content-type': 'application/json' } });
    const client = new Client(testApi(), { dispatcher: mock, logLevel: 'off' });
    assert.deepEqual(await client.request(ops.getPet, { petId: '7' }), { id: 7 });
    await client.close();
    mock
      .get('https://api.example.invalid')
      .intercept({ path: '/v1/pets/8', method: 'GET' })
      .reply(200, { id: 8 }, { headers: { 'content-type': 'application/json' } });
    const again = new Client(testApi(), { dispatcher: mock, logLevel: 'off' });
    assert.deepEqual(await again.request(ops.getPet, { petId: '8' }), { id: 8 });
    await mock.close();
  });
});

describe('TLS', () => {
  const certs = makeCertificates();
  let port = 0;
  const server = https.createServer({ cert: certs.cert, key: certs.key }, (_req, res) =>
    json(res, 200, { secure: true }),
  );
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('verification is on: an unknown CA is a TlsError, not retried', async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    const client = track(new Client(testApi(), { baseUrl: `https://127.0.0.1:${port}`, logLevel: 'off' }));
    const error = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
    assert.ok(error instanceof TlsError, String(error));
    assert.equal(error.attempts.length, 1);
  });

  test('tls.ca trusts a private CA', async () => {
    const client = track(
      new Client(testApi(), { baseUrl: `https://127.0.0.1:${port}`, tls: { ca: certs.ca }, logLevel: 'off' }),
    );
    assert.deepEqual(await client.request(ops.getPet, { petId: '1' }), { secure: true });
  });

  test('dangerouslyDisableTlsVerification works and warns once', async () => {
    const logger = captureLogger();
    const client = track(
      new Client(testApi(), { baseUrl: `https://127.0.0.1:${port}`, dangerouslyDisableTlsVerification: true, logger }),
    );
    await client.request(ops.getPet, { petId: '1' });
    await client.withOptions({ timeout: { read: 5000 } }).request(ops.getPet, { petId: '1' });
    assert.equal(logger.lines.filter((l) => /verification is DISABLED/.test(l)).length, 1);
  });
});

describe('proxies', () => {
  test('proxy option routes through the proxy; proxy: false ignores HTTP_PROXY', async () => {
    const target = trackServer(await startServer((_req, res) => json(res, 200, { ok: true })));
    const proxy = await startConnectProxy();
    try {
      const viaOption = track(new Client(testApi(), { baseUrl: target.url, proxy: proxy.url, logLevel: 'off' }));
      assert.deepEqual(await viaOption.request(ops.getPet, { petId: '1' }), { ok: true });
      assert.equal(proxy.tunnels.length, 1);

      process.env.HTTP_PROXY = proxy.url;
      try {
        const viaEnv = track(new Client(testApi(), { baseUrl: target.url, logLevel: 'off' }));
        await viaEnv.request(ops.getPet, { petId: '1' });
        assert.equal(proxy.tunnels.length, 2);
        const direct = track(new Client(testApi(), { baseUrl: target.url, proxy: false, logLevel: 'off' }));
        await direct.request(ops.getPet, { petId: '1' });
        assert.equal(proxy.tunnels.length, 2);
        process.env.NO_PROXY = '127.0.0.1';
        const noProxy = track(new Client(testApi(), { baseUrl: target.url, logLevel: 'off' }));
        await noProxy.request(ops.getPet, { petId: '1' });
        assert.equal(proxy.tunnels.length, 2);
      } finally {
        delete process.env.HTTP_PROXY;
        delete process.env.NO_PROXY;
      }
      assert.equal(target.requests.length, 4);
    } finally {
      await proxy.close();
    }
  });
});

describe('request targets', () => {
  test('non-ASCII literal path segments from the spec are percent-encoded as UTF-8', async () => {
    const { server, client } = await setup((req, res) => json(res, 200, { at: req.url }));
    const op = { ...ops.getText, path: '/unicode/ключ', response: ops.getPet.response };
    assert.deepEqual(await client.request(op), { at: '/unicode/%D0%BA%D0%BB%D1%8E%D1%87' });
    assert.equal(server.requests.length, 1);
  });
});
