/**
 * `cookies` takes tough-cookie's CookieJar (duck-typed: getCookieString / setCookie): cookies
 * set on a redirect hop are sent on the next hop and on later calls, a cookie the jar refuses is
 * dropped without failing the call, and the user's jar holds what the server set.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CookieJar } from 'tough-cookie';
import { Client, SdkError } from '../../../runtime/index.js';
import { ops, testApi } from '../support/api.js';
import { cleanup, sendJson, startRawServer } from '../support/raw-server.js';

const track = cleanup();

describe('cookies: a tough-cookie jar', () => {
  test('set on a redirect, sent back on the next hop and the next call; refused cookies are dropped', async () => {
    const server = track.server(
      await startRawServer((req, res, seen) => {
        if (seen.url === '/pets/login') {
          res.writeHead(302, {
            location: '/pets/1',
            // The second one claims a domain 127.0.0.1 cannot set: tough-cookie rejects it.
            'set-cookie': ['sid=s3ss10n; Path=/; HttpOnly', 'evil=1; Domain=example.com; Path=/'],
          });
          return void res.end();
        }
        sendJson(res, req.headers.cookie === 'sid=s3ss10n' ? 200 : 401, { cookie: req.headers.cookie ?? null });
      }),
    );
    const jar = new CookieJar();
    const client = track.client(new Client(testApi(), { baseUrl: server.origin, cookies: jar, logLevel: 'off' }));
    assert.deepEqual(await client.request(ops.getPet, { petId: 'login' }), { cookie: 'sid=s3ss10n' });
    assert.deepEqual(await client.request(ops.getPet, { petId: '2' }), { cookie: 'sid=s3ss10n' });
    // A derived client keeps the user's jar.
    assert.deepEqual(await client.withOptions({ retry: { maxRetries: 0 } }).request(ops.getPet, { petId: '3' }), {
      cookie: 'sid=s3ss10n',
    });
    assert.deepEqual(await jar.getCookieString(`${server.origin}/`), 'sid=s3ss10n');
    assert.equal(server.requests[0]!.headers.cookie, undefined);
    assert.equal(server.requests.length, 4);
  });

  test('a cookies value that is neither a boolean nor a jar is refused at construction', () => {
    assert.throws(() => new Client(testApi(), { cookies: {} as never, logLevel: 'off' }), SdkError);
  });
});
