/**
 * Proxies and TLS proven against real servers: HTTPS through a CONNECT forward proxy to a server
 * whose certificate comes from a private CA (tls.ca), and mutual TLS (tls.cert / tls.key) against
 * a server that requires a client certificate. Certificates are made per run (support/pki.ts).
 */
import assert from 'node:assert/strict';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { Client, TlsError } from '../../../runtime/index.js';
import { ops, testApi } from '../support/api.js';
import { cleanup } from '../support/raw-server.js';
import { startConnectProxy } from '../support/connect-proxy.js';
import { makePki } from '../support/pki.js';

const track = cleanup();
const pki = makePki();

/** An https server on 127.0.0.1 answering JSON with the client certificate's CN (if any). */
async function startHttps(requireClientCert: boolean) {
  let handshakes = 0;
  const server = https.createServer(
    {
      cert: pki.server.cert,
      key: pki.server.key,
      ca: pki.ca,
      requestCert: requireClientCert,
      rejectUnauthorized: requireClientCert,
    },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ client: peer?.subject?.CN ?? null }));
    },
  );
  server.on('secureConnection', () => handshakes++);
  server.on('tlsClientError', () => handshakes++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const handle = {
    origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    handshakes: () => handshakes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return track.server(handle);
}

describe('https through a CONNECT proxy', () => {
  test('tls.ca trusts the private CA end to end through the tunnel; the proxy saw one tunnel per connection', async () => {
    const target = await startHttps(false);
    const proxy = track.server(await startConnectProxy());
    const client = track.client(
      new Client(testApi(), { baseUrl: target.origin, proxy: proxy.url, tls: { ca: pki.ca }, logLevel: 'off' }),
    );
    assert.deepEqual(await client.request(ops.getPet, { petId: '1' }), { client: null });
    assert.deepEqual(await client.request(ops.getPet, { petId: '2' }), { client: null });
    // Each tunnel went to the target; a later call may reuse the kept-alive tunnel or open a new one.
    assert.ok(
      proxy.tunnels.length >= 1 && proxy.tunnels.every((t) => t === new URL(target.origin).host),
      proxy.tunnels.join(),
    );
  });

  test('without the CA the tunnelled TLS handshake fails verification: TlsError, not retried', async () => {
    const target = await startHttps(false);
    const proxy = track.server(await startConnectProxy());
    const client = track.client(new Client(testApi(), { baseUrl: target.origin, proxy: proxy.url, logLevel: 'off' }));
    await assert.rejects(client.request(ops.getPet, { petId: '1' }), TlsError);
    assert.equal(proxy.tunnels.length, 1);
  });
});

describe('mutual TLS', () => {
  test('tls: { ca, cert, key } presents the client certificate', async () => {
    const server = await startHttps(true);
    const client = track.client(
      new Client(testApi(), { baseUrl: server.origin, tls: { ca: pki.ca, ...pki.client }, logLevel: 'off' }),
    );
    assert.deepEqual(await client.request(ops.getPet, { petId: '1' }), { client: 'sdkgen-client' });
  });

  test('without a client certificate: TlsError at once, not retried (the TLS 1.3 alert is not a reset)', async () => {
    const server = await startHttps(true);
    const client = track.client(
      new Client(testApi(), { baseUrl: server.origin, tls: { ca: pki.ca }, retry: { maxRetries: 2 }, logLevel: 'off' }),
    );
    const error = await client.request(ops.getPet, { petId: '1' }).then(
      () => assert.fail('the server requires a client certificate'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof TlsError, String(error));
    assert.match((error as TlsError).systemCode ?? '', /CERTIFICATE_REQUIRED/);
    assert.equal((error as TlsError).attempts.length, 1);
    assert.equal(server.handshakes(), 1);
  });
});
