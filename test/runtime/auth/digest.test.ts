/** HTTP Digest (RFC 7616): the RFC's own example vectors, challenge parsing, and a real 401 round trip. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { request } from 'undici';
import {
  answerDigestChallenge,
  digestAuthorization,
  parseDigestChallenge,
  resolveAuth,
} from '../../../runtime/auth/index.js';
import { api, op, startServer, type TestServer } from '../support/descriptors.js';
// MD5 comes from node:crypto through the runtime's Node entry (WebCrypto has none).
import '../../../runtime/node.js';

// RFC 7616 §3.9.1.
const RFC_CHALLENGES = [
  'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
  'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
];
const MUFASA = { username: 'Mufasa', password: 'Circle of Life' };
const RFC_REQUEST = {
  method: 'GET',
  uri: '/dir/index.html',
  nonceCount: 1,
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
};

describe('RFC 7616 example', () => {
  test('SHA-256 response', async () => {
    const challenge = parseDigestChallenge(RFC_CHALLENGES[0]);
    assert.ok(challenge);
    assert.match(
      await digestAuthorization(challenge, MUFASA, RFC_REQUEST),
      /response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"/,
    );
  });
  test('MD5 response, with every field the RFC shows', async () => {
    const challenge = parseDigestChallenge(RFC_CHALLENGES[1]);
    assert.ok(challenge);
    assert.equal(
      await digestAuthorization(challenge, MUFASA, RFC_REQUEST),
      'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
    );
  });
  test('offered both (as the RFC server does): SHA-256 is preferred', () => {
    assert.equal(parseDigestChallenge([RFC_CHALLENGES[1], RFC_CHALLENGES[0]])?.algorithm, 'SHA-256');
    assert.equal(parseDigestChallenge(`${RFC_CHALLENGES[1]}, ${RFC_CHALLENGES[0]}`)?.algorithm, 'SHA-256');
  });
});

describe('parseDigestChallenge', () => {
  test('next to other schemes, with escapes in quoted values', () => {
    const parsed = parseDigestChallenge(
      'Basic realm="x", Bearer abc==, Digest realm="a \\"b\\", c", nonce=n1, stale=TRUE',
    );
    assert.deepEqual(parsed, {
      realm: 'a "b", c',
      nonce: 'n1',
      algorithm: 'MD5',
      qop: [],
      stale: true,
      userhash: false,
    });
  });
  test('what we cannot answer is undefined: no Digest, auth-int only, unknown algorithm, userhash, garbage', () => {
    for (const header of [
      undefined,
      'Basic realm="x"',
      'Digest realm="r", nonce="n", qop="auth-int"',
      'Digest realm="r", nonce="n", algorithm=SHA-512-256',
      'Digest realm="r", nonce="n", userhash=true',
      'Digest',
      '=,,"',
      'Digest nonce="n"',
    ]) {
      assert.equal(parseDigestChallenge(header), undefined, String(header));
    }
  });
  test('-sess algorithms hash the cnonce into HA1', async () => {
    const challenge = parseDigestChallenge('Digest realm="r", nonce="n", qop=auth, algorithm=MD5-sess');
    assert.ok(challenge);
    const md5 = (s: string): string => createHash('md5').update(s).digest('hex');
    const ha1 = md5(`${md5('u:r:p')}:n:c`);
    const expected = md5(`${ha1}:n:00000002:c:auth:${md5('GET:/x')}`);
    assert.match(
      await digestAuthorization(
        challenge,
        { username: 'u', password: 'p' },
        { method: 'GET', uri: '/x', nonceCount: 2, cnonce: 'c' },
      ),
      new RegExp(`algorithm=MD5-sess, .*response="${expected}"`),
    );
  });
});

describe('a real 401 round trip', () => {
  let server: TestServer;
  const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
  before(async () => {
    server = await startServer((req, res) => {
      const header = req.headers.authorization ?? '';
      const field = (name: string): string | undefined => new RegExp(`${name}="?([^",]+)"?`).exec(header)?.[1];
      const ha1 = sha('ann:api@test:pa"ss');
      const expected = sha(`${ha1}:abc123:${field('nc')}:${field('cnonce')}:auth:${sha(`${req.method}:${req.url}`)}`);
      if (header.startsWith('Digest ') && field('response') === expected && field('uri') === req.url) {
        res.end('welcome');
        return;
      }
      res
        .writeHead(401, {
          'www-authenticate': 'Digest realm="api@test", qop="auth", algorithm=SHA-256, nonce="abc123"',
        })
        .end();
    });
  });
  after(() => server.close());

  test('first request unauthenticated, replay with the answer succeeds', async () => {
    const digestApi = api({ securitySchemes: { digest: { type: 'http', scheme: 'digest' } }, security: [['digest']] });
    const resolved = resolveAuth(op('/secret', []), digestApi, { digest: { username: 'ann', password: 'pa"ss' } }, {});
    const url = `${server.url}/secret?x=1`;
    const first = await request(url);
    await first.body.dump();
    assert.equal(first.statusCode, 401);
    const authorization = await answerDigestChallenge(
      resolved,
      first.headers['www-authenticate'],
      { method: 'GET', uri: '/secret?x=1', nonceCount: 1 },
      url,
    );
    assert.ok(authorization);
    const second = await request(url, { headers: { authorization } });
    assert.equal(second.statusCode, 200);
    assert.equal(await second.body.text(), 'welcome');
  });
  test('no digest scheme resolved: no answer', async () => {
    const resolved = resolveAuth(op('/x', [], { security: [] }), api(), {}, {});
    assert.equal(
      await answerDigestChallenge(
        resolved,
        'Digest realm="r", nonce="n"',
        { method: 'GET', uri: '/x', nonceCount: 1 },
        'https://h/x',
      ),
      undefined,
    );
  });
});
