/**
 * Smoke test of the octokit fixtures-server harness with plain undici (no SDK): it starts on
 * 127.0.0.1 only, replays a recorded paginated listing across every page with Link headers
 * rewritten to itself, answers a recorded 404, and is gone after stop().
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request, type Dispatcher } from 'undici';
import { start, listScenarios, FIXTURES_HEADERS, type FixturesServer } from './harness/octokit-fixtures-server.js';
import { assertLoopbackOnly, assertStopped } from './harness/assertions.js';
import { parseLinks } from './harness/link.js';
import { installWatchdog } from './harness/process.js';

installWatchdog('harness.octokit-fixtures.test.ts', 90_000);

describe('harness: @octokit/fixtures-server', { timeout: 60_000 }, () => {
  let server: FixturesServer;
  before(async () => {
    server = await start();
  });
  after(async () => {
    await server?.stop();
  });

  test('lists the recorded scenarios; paginate-issues is the one with Link pagination', () => {
    const scenarios = listScenarios();
    assert.ok(scenarios.length >= 20, `only ${scenarios.length} scenarios`);
    const paginated = scenarios.filter((s) => s.paginated).map((s) => s.name);
    assert.deepEqual(paginated, ['paginate-issues']);
    const requests = scenarios.reduce((n, s) => n + s.requests.length, 0);
    console.log(
      `# ${scenarios.length} scenarios, ${requests} recorded requests; Link-paginated: ${paginated.join(', ')}`,
    );
  });

  test('listens on 127.0.0.1 only', () => {
    assertLoopbackOnly(server.pgid, Number(new URL(server.baseUrl).port));
  });

  test('walks all 5 recorded pages of paginate-issues through rewritten Link headers', async () => {
    const base = await server.loadScenario('paginate-issues');
    assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/api\.github\.com\/\w+$/);
    let url: string | undefined = `${base}/repos/octokit-fixture-org/paginate-issues/issues?per_page=3`;
    const numbers: number[] = [];
    let pages = 0;
    while (url !== undefined && pages < 10) {
      const response: Dispatcher.ResponseData = await request(url, {
        headers: FIXTURES_HEADERS,
        headersTimeout: 10_000,
      });
      const body = (await response.body.json()) as { number: number }[];
      assert.equal(response.statusCode, 200, JSON.stringify(body));
      numbers.push(...body.map((issue) => issue.number));
      const links = parseLinks(response.headers.link, url);
      for (const target of Object.values(links))
        assert.ok(target.startsWith(`${base}/`), `Link not rewritten: ${target}`);
      url = links.next;
      pages += 1;
    }
    assert.equal(pages, 5);
    assert.deepEqual(numbers, [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  test('answers the recorded 404 of branch-protection with its recorded headers', async () => {
    const base = await server.loadScenario('branch-protection');
    const response = await request(`${base}/repos/octokit-fixture-org/branch-protection/branches/main/protection`, {
      headers: FIXTURES_HEADERS,
      headersTimeout: 10_000,
    });
    const body = (await response.body.json()) as { message: string };
    assert.equal(response.statusCode, 404);
    assert.equal(body.message, 'Branch not protected');
    assert.equal(response.headers['x-github-request-id'], '0000:00000:0000000:0000000:00000000');
    assert.equal(response.headers['x-ratelimit-limit'], '5000');
  });

  test('stop() kills the server and frees the port', async () => {
    const { pgid, baseUrl } = server;
    await server.stop();
    await assertStopped(pgid, baseUrl);
  });
});
