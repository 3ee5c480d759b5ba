/**
 * Item 2: HTTP Digest (RFC 7616, qop=auth) through the real Client: the first request goes
 * without credentials, the loopback server challenges, the client answers once, and the server
 * recomputes the response hash (MD5 and SHA-256) over method and the request target it received.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { describe, test } from 'node:test';
import { AuthenticationError, Client } from '../../../runtime/index.js';
import type { OperationDescriptor } from '../../../runtime/descriptor.js';
import { ops, testApi } from '../support/api.js';
import { cleanup, sendJson, startRawServer } from '../support/raw-server.js';

const USER = 'Mufasa';
const PASSWORD = 'Circle of Life';
const REALM = 'wiring@sdkgen.test';
const track = cleanup();
const api = testApi({ securitySchemes: { digestAuth: { type: 'http', scheme: 'digest' } } });
const list: OperationDescriptor = { ...ops.listPets, security: [['digestAuth']] };

/** Splits `Digest a="x", b=y` into its parameters (the server side of RFC 7616 §3.4). */
function digestParams(header: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const match of header.replace(/^Digest\s+/i, '').matchAll(/([a-z]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/gi)) {
    params.set(match[1]!.toLowerCase(), match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]!);
  }
  return params;
}

function verify(
  algorithm: 'MD5' | 'SHA-256',
  nonce: string,
  method: string,
  url: string,
  headers: IncomingHttpHeaders,
): boolean {
  const header = headers.authorization;
  if (header === undefined || !/^Digest /i.test(header)) return false;
  const p = digestParams(header);
  const h = (text: string) =>
    createHash(algorithm === 'MD5' ? 'md5' : 'sha256')
      .update(text)
      .digest('hex');
  if (
    p.get('username') !== USER ||
    p.get('realm') !== REALM ||
    p.get('nonce') !== nonce ||
    p.get('uri') !== url ||
    p.get('qop') !== 'auth'
  )
    return false;
  const expected = h(
    `${h(`${USER}:${REALM}:${PASSWORD}`)}:${nonce}:${p.get('nc')}:${p.get('cnonce')}:auth:${h(`${method}:${url}`)}`,
  );
  return p.get('response') === expected && p.get('opaque') === 'opaque-1';
}

async function digestServer(algorithm: 'MD5' | 'SHA-256') {
  const nonce = randomBytes(12).toString('hex');
  return track.server(
    await startRawServer((_req, res, seen) => {
      if (verify(algorithm, nonce, seen.method, seen.url, seen.headers))
        return sendJson(res, 200, { ok: true, algorithm });
      sendJson(
        res,
        401,
        { message: 'digest required' },
        {
          'www-authenticate': `Digest realm="${REALM}", qop="auth", algorithm=${algorithm}, nonce="${nonce}", opaque="opaque-1"`,
        },
      );
    }),
  );
}

describe('http digest through the client', () => {
  for (const algorithm of ['MD5', 'SHA-256'] as const) {
    test(`${algorithm}: challenge answered once, hash verified by the server (uri = path + query)`, async () => {
      const server = await digestServer(algorithm);
      const client = track.client(
        new Client(api, {
          baseUrl: server.origin,
          logLevel: 'off',
          auth: { digestAuth: { username: USER, password: PASSWORD } },
        }),
      );
      assert.deepEqual(await client.request(list, { limit: 5 }), { ok: true, algorithm });
      assert.equal(server.requests.length, 2);
      assert.equal(server.requests[0]!.headers.authorization, undefined);
      assert.equal(server.requests[1]!.url, '/pets?limit=5');
    });
  }

  test('a wrong password: one challenge answered, then the 401 is raised (no loop)', async () => {
    const server = await digestServer('SHA-256');
    const client = track.client(
      new Client(api, {
        baseUrl: server.origin,
        logLevel: 'off',
        auth: { digestAuth: { username: USER, password: 'wrong' } },
      }),
    );
    await assert.rejects(client.request(list, {}), (error: unknown) => {
      assert.ok(error instanceof AuthenticationError);
      assert.ok(!JSON.stringify(error).includes('wrong') && !String(error.stack).includes('wrong'));
      return true;
    });
    assert.equal(server.requests.length, 2);
  });
});
