/**
 * Smoke test of the json-server harness with plain undici (no SDK): 1,000 generated rows,
 * first/prev/next/last Link headers, a create that writes through, loopback only.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import { processGroupPids, installWatchdog } from './harness/process.js';
import { start, makeTodo, type JsonServer } from './harness/json-server.js';
import { assertLoopbackOnly, assertStopped } from './harness/assertions.js';
import { parseLinks } from './harness/link.js';

installWatchdog('harness.json-server.test.ts', 90_000);

describe('harness: json-server 0.17', { timeout: 60_000 }, () => {
  let server: JsonServer;
  before(async () => {
    server = await start();
  });
  after(async () => {
    await server?.stop();
  });

  test('listens on 127.0.0.1 only', () => {
    assertLoopbackOnly(server.pgid, server.port);
  });

  test('pages through 1,000 rows with first/prev/next/last Link headers', async () => {
    let url: string | undefined = `${server.baseUrl}/todos?_page=1&_limit=100`;
    const ids: number[] = [];
    let pages = 0;
    while (url !== undefined && pages < 20) {
      const response: Dispatcher.ResponseData = await request(url, { headersTimeout: 10_000 });
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
    assert.deepEqual(
      ids,
      Array.from({ length: 1_000 }, (_, i) => i + 1),
    );
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
    const { pgid, baseUrl, dir } = server;
    await server.stop();
    await assertStopped(pgid, baseUrl);
    assert.equal(existsSync(dir), false, `${dir} left behind`);
  });

  test('a server does not outlive a test process killed with SIGKILL', async () => {
    const probe = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./harness/orphan-probe.ts', import.meta.url))],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`probe not ready: ${out}`)), 30_000);
        probe.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /PROBE_READY (\d+) (\S+)/.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve(match);
          }
        });
      });
      const pgid = Number(ready[1]);
      assert.ok(processGroupPids(pgid).length > 0, 'the probe server is not running');
      probe.kill('SIGKILL');
      let alive = processGroupPids(pgid);
      for (let i = 0; i < 50 && alive.length > 0; i += 1) {
        await sleep(100);
        alive = processGroupPids(pgid);
      }
      assert.deepEqual(alive, [], `server group ${pgid} survived its test process`);
    } finally {
      probe.kill('SIGKILL');
    }
  });
});
