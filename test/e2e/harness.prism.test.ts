/**
 * Smoke test of the Prism harness with plain undici (no SDK): a valid request has no
 * `sl-violations`; a request that breaks the spec is refused with them.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { start, violationsOf, type PrismServer } from './harness/prism.js';
import { assertLoopbackOnly, assertStopped } from './harness/assertions.js';
import { installWatchdog } from './harness/process.js';

const PETSTORE = fileURLToPath(new URL('../../fixtures/petstore.yaml', import.meta.url));

installWatchdog('harness.prism.test.ts', 90_000);

describe('harness: prism mock', { timeout: 60_000 }, () => {
  let server: PrismServer;
  before(async () => {
    server = await start({ spec: PETSTORE });
  });
  after(async () => {
    await server?.stop();
  });

  test('listens on 127.0.0.1 only', () => {
    assertLoopbackOnly(server.pgid, server.port);
  });

  test('a valid request: 200 and no violations', async () => {
    const response = await request(`${server.baseUrl}/pets?limit=5`, {
      headers: { authorization: 'Bearer token', accept: 'application/json' },
    });
    await response.body.dump();
    assert.equal(response.statusCode, 200);
    assert.deepEqual(violationsOf(response.headers), []);
  });

  test('a request breaking the spec: 4xx with sl-violations', async () => {
    const response = await request(`${server.baseUrl}/pets?limit=500`, {
      method: 'POST',
      headers: { authorization: 'Bearer token', 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ wrong: true }),
    });
    await response.body.dump();
    assert.ok(response.statusCode >= 400 && response.statusCode < 500, `status ${response.statusCode}`);
    const violations = violationsOf(response.headers);
    assert.ok(violations.length > 0, 'no sl-violations header');
    assert.ok(
      violations.every((v) => v.location[0] === 'request'),
      JSON.stringify(violations),
    );
  });

  test('stop() kills the server and frees the port', async () => {
    const { pgid, baseUrl } = server;
    await server.stop();
    await assertStopped(pgid, baseUrl);
  });
});
