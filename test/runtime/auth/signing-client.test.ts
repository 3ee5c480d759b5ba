/**
 * Item 5: a sign(request) scheme through the real Client. The loopback server verifies an
 * HMAC-SHA256 over method, path + query (the auth query key included), timestamp and the exact
 * body bytes, on every attempt (a retried attempt is signed again with a new timestamp) and on a
 * same-origin redirect hop (new URL, new signature).
 */
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { describe, test } from 'node:test';
import { Client, type Signer } from '../../../runtime/index.js';
import type { OperationDescriptor } from '../../../runtime/descriptor.js';
import { testApi } from '../support/api.js';
import { cleanup, sendJson, startRawServer } from '../support/raw-server.js';

const KEY = 'hmac-wiring-key-5';
const QUERY_KEY = 'query-key-5';
const track = cleanup();

const api = testApi({
  securitySchemes: {
    hmac: { type: 'apiKey', in: 'header', name: 'X-Signature' },
    key: { type: 'apiKey', in: 'query', name: 'key' },
  },
  security: [['hmac', 'key']],
});

const putThing: OperationDescriptor = {
  id: 'putThing',
  method: 'PUT',
  path: '/things/{id}',
  params: [{ name: 'id', in: 'path', style: 'simple', explode: false, required: true }],
  body: { mediaType: 'application/json', required: true, placement: 'flat', properties: ['name'] },
  response: { success: [{ status: '200', kind: 'json' }], accept: 'application/json' },
};

function mac(method: string, target: string, timestamp: string, body: Uint8Array | string): Buffer {
  return createHmac('sha256', KEY).update(`${method}\n${target}\n${timestamp}\n`).update(body).digest();
}

function validSignature(method: string, target: string, headers: IncomingHttpHeaders, body: Buffer): boolean {
  const given = Buffer.from(String(headers['x-signature'] ?? ''), 'hex');
  const expected = mac(method, target, String(headers['x-timestamp']), body);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What a user writes: a fresh timestamp per signature, the signature over the bytes sent. */
function hmacSigner(): { sign: Signer; timestamps: string[] } {
  const timestamps: string[] = [];
  return {
    timestamps,
    sign: (req) => {
      // Monotonic and distinct per signature even within one millisecond.
      const timestamp = `${Date.now()}.${timestamps.length}`;
      timestamps.push(timestamp);
      const url = new URL(req.url);
      req.headers['X-Timestamp'] = timestamp;
      req.headers['X-Signature'] = mac(req.method, url.pathname + url.search, timestamp, req.body ?? '').toString(
        'hex',
      );
    },
  };
}

describe('request signing through the client', () => {
  test('every attempt is signed over the final URL and body; a retry carries a new timestamp', async () => {
    const server = track.server(
      await startRawServer((_req, res, seen, hit) => {
        if (!validSignature(seen.method, seen.url, seen.headers, seen.body))
          return sendJson(res, 401, { message: 'bad signature' });
        if (hit === 1) return sendJson(res, 503, {}, { 'retry-after-ms': '10' });
        sendJson(res, 200, { ok: true });
      }),
    );
    const signer = hmacSigner();
    const client = track.client(
      new Client(api, { baseUrl: server.origin, logLevel: 'off', auth: { hmac: signer, key: QUERY_KEY } }),
    );
    assert.deepEqual(await client.request(putThing, { id: 'a b', name: 'Ünïcode' }), { ok: true });
    assert.equal(server.requests.length, 2);
    assert.equal(server.requests[0]!.url, `/things/a%20b?key=${QUERY_KEY}`);
    const sent = server.requests.map((r) => r.headers['x-timestamp']);
    assert.deepEqual(sent, signer.timestamps);
    assert.notEqual(sent[0], sent[1]);
  });

  test('a same-origin redirect hop is signed again for its own URL', async () => {
    const server = track.server(
      await startRawServer((_req, res, seen) => {
        if (!validSignature(seen.method, seen.url, seen.headers, seen.body))
          return sendJson(res, 401, { message: 'bad signature' });
        if (seen.url.startsWith('/things/old')) {
          res.writeHead(307, { location: '/things/new' }).end();
          return;
        }
        sendJson(res, 200, { ok: true, url: seen.url });
      }),
    );
    const client = track.client(
      new Client(api, { baseUrl: server.origin, logLevel: 'off', auth: { hmac: hmacSigner(), key: QUERY_KEY } }),
    );
    assert.deepEqual(await client.request(putThing, { id: 'old', name: 'x' }), {
      ok: true,
      url: `/things/new?key=${QUERY_KEY}`,
    });
    assert.equal(server.requests.length, 2);
    assert.equal(server.requests[1]!.body.toString(), '{"name":"x"}');
  });
});
