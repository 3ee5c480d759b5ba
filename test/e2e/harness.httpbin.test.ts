/**
 * Smoke test of the httpbin harness with plain undici (no SDK). Installs python3-httpbin with
 * apt-get first when it is missing and we are root (see harness/debian.ts).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'undici';
import { start, type HttpbinServer } from './harness/httpbin.js';
import { assertLoopbackOnly, assertStopped } from './harness/assertions.js';
import { installWatchdog } from './harness/process.js';

installWatchdog('harness.httpbin.test.ts', 400_000);

describe('harness: httpbin (python3-httpbin)', { timeout: 360_000 /* a first apt-get install */ }, () => {
  let server: HttpbinServer;
  before(async () => {
    server = await start();
  });
  after(async () => {
    await server?.stop();
  });

  test('listens on 127.0.0.1 only', () => {
    assertLoopbackOnly(server.pgid, server.port);
  });

  test('echoes a GET with its query and headers', async () => {
    const response = await request(`${server.baseUrl}/get?a=1&b=two`, { headers: { 'x-probe': 'yes' } });
    const body = (await response.body.json()) as { args: Record<string, string>; headers: Record<string, string> };
    assert.equal(response.statusCode, 200);
    assert.deepEqual(body.args, { a: '1', b: 'two' });
    assert.equal(body.headers['X-Probe'], 'yes');
  });

  test('answers /status/503 with 503', async () => {
    const response = await request(`${server.baseUrl}/status/503`);
    await response.body.dump();
    assert.equal(response.statusCode, 503);
  });

  test('stop() kills the server and frees the port', async () => {
    const { pgid, baseUrl } = server;
    await server.stop();
    await assertStopped(pgid, baseUrl);
  });
});
