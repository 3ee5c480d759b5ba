/**
 * Smoke test of the json-server harness with plain undici (no SDK): 1,000 generated rows,
 * first/prev/next/last Link headers, a create that writes through, loopback only.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'undici';
import { start, makeTodo, type JsonServer } from './harness/json-server.js';
import { assertLoopbackOnly, assertStopped } from './harness/assertions.js';
import { parseLinks } from './harness/link.js';

describe('harness: json-server 0.17', { timeout: 60_000 }, () => {
  let server: JsonServer;
  before(async () => {
    server = await start();
  });
  after(async () => {
    await server?.stop();
  });

  test('listens on 127.0.0.1 only', () => {
    assertLoopbackOnly(server.pid, server.port);
  });

  test('pages through 1,000 rows with first/prev/next/last Link headers', async () => {
    let url: string | undefined = `${server.baseUrl}/todos?_page=1&_limit=100`;
    const ids: number[] = [];
    let pages = 0;
    while (url !== undefined && pages < 20) {
      const response = await request(url, { headersTimeout: 10_000 });
      const rows = (await response.body.json()) as { id: number }[];
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['x-total-count'], '1000');
      const links = parseLinks(response.headers.link, url);
      assert.ok(links.first && links.last, `missing first/last: ${response.headers.link}`);
      if (pages > 0) assert.ok(links.prev, 'missing prev');
      ids.push(...rows.map((row) => row.id));
      url = links.next;
      pages += 1;
    }
    assert.equal(pages, 10);
    assert.deepEqual(ids, Array.from({ length: 1_000 }, (_, i) => i + 1));
  });

  test('serves a generated row and creates a new one', async () => {
    const one = await request(`${server.baseUrl}/todos/42`);
    assert.deepEqual(await one.body.json(), makeTodo(42));
    const created = await request(`${server.baseUrl}/todos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'new', completed: false, userId: 1, tags: [] }),
    });
    assert.equal(created.statusCode, 201);
    assert.equal(((await created.body.json()) as { id: number }).id, 1_001);
  });

  test('stop() kills the server and removes its temp dir', async () => {
    const { pid, baseUrl } = server;
    await server.stop();
    await assertStopped(pid, baseUrl);
  });
});
