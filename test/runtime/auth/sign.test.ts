/**
 * The sign(request) hook: a loopback server that verifies an HMAC-SHA256 over method, path+query,
 * timestamp and the exact body bytes, the way an HMAC-signed API (and a requests `auth=` callable)
 * does. `sendSigned` is the order the client's attempt uses: applyAuth, then signRequest on the
 * final URL and headers, then send.
 */
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { request } from 'undici';
import type { ApiDescriptor } from '../../../runtime/descriptor.js';
import {
  applyAuth,
  needsSigning,
  resolveAuth,
  signRequest,
  signableBody,
  type ResolvedAuth,
  type Signer,
} from '../../../runtime/auth/index.js';
import { SdkError } from '../../../runtime/errors.js';
import { api, op, startServer, type TestServer } from '../support/descriptors.js';

const KEY = 'hmac-signing-key-0123456789';
const KEY_ID = 'key-1';

function mac(method: string, pathAndQuery: string, timestamp: string, body: Uint8Array | string): Buffer {
  return createHmac('sha256', KEY).update(`${method}\n${pathAndQuery}\n${timestamp}\n`).update(body).digest();
}

/** The signer a user writes: timestamp + signature headers, over the bytes that will be sent. */
const hmacSigner: Signer = (req) => {
  const url = new URL(req.url);
  const timestamp = '1700000000';
  req.headers['X-Timestamp'] = timestamp;
  req.headers['X-Signature'] =
    `${KEY_ID}:${mac(req.method, url.pathname + url.search, timestamp, req.body ?? '').toString('hex')}`;
};

const signedApi: ApiDescriptor = api({
  securitySchemes: {
    hmac: { type: 'apiKey', in: 'header', name: 'X-Signature' },
    key: { type: 'apiKey', in: 'query', name: 'key' },
  },
  security: [['hmac', 'key']],
});

async function sendSigned(
  auth: ResolvedAuth,
  method: string,
  url: string,
  body?: string | Uint8Array | Blob,
): Promise<{ status: number; text: string }> {
  const parts = await applyAuth(auth, url);
  const finalUrl = parts.query === '' ? url : `${url}${url.includes('?') ? '&' : '?'}${parts.query}`;
  const headers = await signRequest(auth, {
    method,
    url: finalUrl,
    headers: { 'content-type': 'application/json', ...parts.headers },
    body,
  });
  const response = await request(finalUrl, {
    method: method as 'POST',
    headers,
    ...(body === undefined ? {} : { body: body as string }),
  });
  return { status: response.statusCode, text: await response.body.text() };
}

describe('sign(request): HMAC verified by a loopback server', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer((req, res, body) => {
      const [keyId, hex] = String(req.headers['x-signature'] ?? '').split(':');
      const expected = mac(req.method ?? '', req.url ?? '', String(req.headers['x-timestamp']), body);
      const given = Buffer.from(hex ?? '', 'hex');
      const ok = keyId === KEY_ID && given.length === expected.length && timingSafeEqual(given, expected);
      res.writeHead(ok ? 200 : 401, { 'content-type': 'text/plain' });
      res.end(ok ? `ok ${body.length}` : 'bad signature');
    });
  });
  after(() => server.close());

  const auth = (): ResolvedAuth =>
    resolveAuth(op('/orders', []), signedApi, { hmac: { sign: hmacSigner }, key: 'k 1' }, {});

  test('a JSON string body (non-ASCII: signed as UTF-8 bytes), with the auth query parameter in the signed URL', async () => {
    const result = await sendSigned(
      auth(),
      'POST',
      `${server.origin}/orders?x=1`,
      JSON.stringify({ item: 'crème brûlée', qty: 2 }),
    );
    assert.deepEqual(result, {
      status: 200,
      text: `ok ${Buffer.byteLength(JSON.stringify({ item: 'crème brûlée', qty: 2 }))}`,
    });
    assert.match(server.hits.at(-1)!, /^\/orders\?x=1&key=k%201$/);
  });

  test('bytes, a Blob and no body at all', async () => {
    const bytes = new Uint8Array([0, 255, 13, 10, 1]);
    assert.equal((await sendSigned(auth(), 'PUT', `${server.origin}/orders/1`, bytes)).status, 200);
    assert.equal((await sendSigned(auth(), 'PUT', `${server.origin}/orders/2`, new Blob([bytes, 'tail']))).status, 200);
    assert.equal((await sendSigned(auth(), 'GET', `${server.origin}/orders`)).status, 200);
  });

  test('the server really checks: a body changed after signing is rejected', async () => {
    const resolved = auth();
    const url = `${server.origin}/orders?key=k%201`;
    const headers = await signRequest(resolved, { method: 'POST', url, headers: {}, body: '{"amount":1}' });
    const response = await request(url, { method: 'POST', headers, body: '{"amount":1000}' });
    assert.equal(response.statusCode, 401);
    assert.equal(await response.body.text(), 'bad signature');
  });
});

describe('sign(request): contract', () => {
  const hmacOnly = api({
    securitySchemes: { hmac: { type: 'apiKey', in: 'header', name: 'X-Signature' } },
    security: [['hmac']],
  });
  const resolved = (signer: Signer): ResolvedAuth =>
    resolveAuth(op('/x', []), hmacOnly, { hmac: { sign: signer } }, {});

  test('applyAuth renders nothing for a signing scheme; needsSigning tells the client to call signRequest', async () => {
    const auth = resolved(() => undefined);
    assert.deepEqual(await applyAuth(auth, 'https://api.example.com/x'), { headers: {}, query: '', cookies: [] });
    assert.equal(needsSigning(auth), true);
    assert.equal(needsSigning(resolveAuth(op('/x', []), hmacOnly, { hmac: 'plain-key' }, {})), false);
  });

  test('the signer sees method, final URL, headers and body; header names come back lower-case; input not mutated', async () => {
    let seen: unknown;
    const input = { 'x-existing': '1' };
    const headers = await signRequest(
      resolved(async (req) => {
        seen = { method: req.method, url: req.url, headers: { ...req.headers }, body: req.body };
        req.headers['X-Date'] = 'now';
      }),
      { method: 'PATCH', url: 'https://api.example.com/x?a=1', headers: input, body: 'payload' },
    );
    assert.deepEqual(seen, {
      method: 'PATCH',
      url: 'https://api.example.com/x?a=1',
      headers: { 'x-existing': '1' },
      body: 'payload',
    });
    assert.deepEqual(headers, { 'x-existing': '1', 'x-date': 'now' });
    assert.deepEqual(input, { 'x-existing': '1' });
  });

  test('without a signer the headers pass through untouched (no body read)', async () => {
    const headers = { a: 'b' };
    const auth = resolveAuth(op('/x', []), hmacOnly, { hmac: 'k' }, {});
    assert.equal(
      await signRequest(auth, {
        method: 'POST',
        url: 'https://x.test/',
        headers,
        body: Readable.from([Buffer.from('x')]),
      }),
      headers,
    );
  });

  test('streamed and multipart bodies cannot be signed: a clear SdkError', async () => {
    const auth = resolved(() => undefined);
    await assert.rejects(
      signRequest(auth, {
        method: 'POST',
        url: 'https://x.test/',
        headers: {},
        body: Readable.from([Buffer.from('x')]),
      }),
      (error: Error) => error instanceof SdkError && /cannot sign a streamed body/.test(error.message),
    );
    await assert.rejects(signableBody(new FormData()), /multipart \(FormData\)/);
    assert.deepEqual(await signableBody(new Uint8Array([1, 2]).buffer), new Uint8Array([1, 2]));
    assert.equal(await signableBody(null), undefined);
  });

  test('a failing signer is wrapped with its cause; a CR/LF header value is refused without echoing it', async () => {
    const boom = new Error('kms down');
    await assert.rejects(
      signRequest(
        resolved(() => Promise.reject(boom)),
        { method: 'GET', url: 'https://x.test/', headers: {} },
      ),
      (error: Error) => /"hmac": the request signer failed/.test(error.message) && error.cause === boom,
    );
    await assert.rejects(
      signRequest(
        resolved((req) => {
          req.headers['x-signature'] = 'sig\r\nX-Evil: 1';
        }),
        { method: 'GET', url: 'https://x.test/', headers: {} },
      ),
      (error: Error) => /contains CR, LF, NUL/.test(error.message) && !error.message.includes('X-Evil'),
    );
  });

  test('a signing scheme counts as a credential for the plain-http refusal', async () => {
    await assert.rejects(
      applyAuth(
        resolved(() => undefined),
        'http://api.example.com/x',
      ),
      /refusing to send credentials \(hmac\) over plain http/,
    );
  });
});
