import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Client, TooManyRedirectsError } from '../../../runtime/index.js';
import { json, startServer } from '../support/server.js';
import { ops, testApi } from '../support/api.js';
import { harness } from '../support/harness.js';

const { setup, track, trackServer } = harness();

describe('redirects', () => {
  test('a same-origin redirect is followed with credentials re-applied', async () => {
    const { server, client } = await setup(
      (req, res) => {
        if (req.url === '/secure') res.writeHead(302, { location: '/moved' }).end();
        else json(res, 200, { at: req.url });
      },
      { auth: { bearerAuth: 'tok-123' } },
    );
    assert.deepEqual(await client.request(ops.securedGet), { at: '/moved' });
    assert.deepEqual(
      server.requests.map((r) => [r.url, r.headers.authorization]),
      [
        ['/secure', 'Bearer tok-123'],
        ['/moved', 'Bearer tok-123'],
      ],
    );
  });

  test('303 turns a POST into a GET without a body', async () => {
    const { server, client } = await setup((req, res) => {
      if (req.method === 'POST') res.writeHead(303, { location: '/pets/9' }).end();
      else json(res, 200, { id: 9 });
    });
    assert.deepEqual(await client.request(ops.createPet, { name: 'rex' }), { id: 9 });
    assert.equal(server.requests[1]!.method, 'GET');
    assert.equal(server.requests[1]!.body, '');
    assert.equal(server.requests[1]!.headers['content-type'], undefined);
  });

  test('307 and 308 keep the method and the (replayable) body', async () => {
    for (const status of [307, 308]) {
      const { server, client } = await setup((req, res) => {
        if (req.url === '/pets') res.writeHead(status, { location: '/v2/pets' }).end();
        else json(res, 201, { method: req.method });
      });
      assert.deepEqual(await client.request(ops.createPet, { name: 'rex' }), { method: 'POST' });
      assert.equal(server.requests[1]!.body, '{"name":"rex"}');
      assert.equal(server.requests[1]!.headers['content-type'], 'application/json');
    }
  });

  test('a redirect to another origin drops Authorization, Cookie, API-key headers and query keys', async () => {
    const foreign = trackServer(await startServer((req, res) => json(res, 200, { at: req.url })));
    const home = trackServer(
      await startServer((req, res) => {
        // A careless server echoes the query (with the key) into Location.
        const query = req.url!.split('?')[1] ?? '';
        res.writeHead(302, { location: `${foreign.url}/elsewhere?${query}&page=2` }).end();
      }),
    );
    const client = track(
      new Client(testApi(), {
        baseUrl: home.url,
        logLevel: 'off',
        auth: { apiKeyHeader: 'header-secret', apiKeyQuery: 'query-secret' },
        defaultHeaders: { cookie: 'session=cookie-secret', 'x-trace': 'kept' },
      }),
    );
    assert.deepEqual(await client.request(ops.keyedGet), { at: '/elsewhere?page=2' });
    const sent = foreign.requests[0]!;
    assert.equal(sent.headers['x-api-key'], undefined);
    assert.equal(sent.headers.cookie, undefined);
    assert.equal(sent.headers.authorization, undefined);
    assert.equal(sent.headers['x-trace'], 'kept');
    assert.ok(!JSON.stringify(sent).includes('secret'), JSON.stringify(sent));
    // The home server did get the credentials.
    assert.equal(home.requests[0]!.headers['x-api-key'], 'header-secret');
    assert.match(home.requests[0]!.url, /api_key=query-secret/);
  });

  test('more than maxRedirects hops raise TooManyRedirectsError', async () => {
    const { server, client } = await setup((req, res) => {
      const n = Number(req.url!.split('/').pop()) || 0;
      res.writeHead(302, { location: `/pets/${n + 1}` }).end();
    });
    const error = await client.request(ops.getPet, { petId: '0' }).catch((e: unknown) => e);
    assert.ok(error instanceof TooManyRedirectsError, String(error));
    assert.equal(error.maxRedirects, 10);
    assert.equal(server.requests.length, 11);
  });

  test('maxRedirects: 0 raises the 3xx as an ApiError', async () => {
    const { client } = await setup(
      (_req, res) => {
        res.writeHead(302, { location: '/x' }).end();
      },
      { maxRedirects: 0 },
    );
    await assert.rejects(
      client.request(ops.getPet, { petId: '0' }),
      (error: Error & { status?: number }) => error.status === 302,
    );
  });
});

describe('auth replay', () => {
  test('on 401 a token provider is asked again and the call replayed once', async () => {
    let issued = 0;
    const { server, client } = await setup(
      (req, res, hit) => {
        // token-2 is good only once: the second call is refused even after its refresh.
        if (hit === 2 && req.headers.authorization === 'Bearer token-2') json(res, 200, { ok: true });
        else json(res, 401, { message: 'expired' });
      },
      // A caching provider (as real ones are): a new token only when told the last one was refused.
      {
        auth: {
          bearerAuth: ({ forceRefresh }: { forceRefresh: boolean }) =>
            `token-${forceRefresh || issued === 0 ? ++issued : issued}`,
        },
      },
    );
    assert.deepEqual(await client.request(ops.securedGet), { ok: true });
    assert.deepEqual(
      server.requests.map((r) => r.headers.authorization),
      ['Bearer token-1', 'Bearer token-2'],
    );
    // Still 401 after the refresh: raised, not looped.
    const error = await client.request(ops.securedGet).catch((e: unknown) => e);
    assert.equal((error as { status?: number }).status, 401);
    assert.equal(server.requests.length, 4);
  });

  test('a static token is not replayed on 401', async () => {
    const { server, client } = await setup((_req, res) => json(res, 401, {}), { auth: { bearerAuth: 'static' } });
    await assert.rejects(client.request(ops.securedGet), (error: Error & { status?: number }) => error.status === 401);
    assert.equal(server.requests.length, 1);
  });
});
