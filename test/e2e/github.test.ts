/**
 * GitHub: an SDK generated from @octokit/openapi's api.github.com.json against
 * @octokit/fixtures-server, which replays recorded GitHub API traffic (Link headers and every
 * https://api.github.com/ URL rewritten to the local server).
 *
 * The recordings are strict: each scenario must be replayed in order, and a request only matches
 * when its method, path, query, body and the recorded request headers (accept, authorization,
 * content-type, content-length) are exactly those recorded. So a replayed scenario proves the
 * generated SDK serialises path, query and body the way GitHub's own client did.
 *
 * Every recorded request whose route the spec still has goes through the generated method
 * (found by METHOD + path template in the generator's model). Redirect targets and next pages are
 * consumed by the SDK itself (it follows 301/302/307 and Link rel="next"). Routes the current spec
 * no longer has (classic projects, the git/refs list) are replayed with plain undici so the
 * scenario can go on, and counted separately.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { ensureE2eSpecs } from '../../scripts/e2e-fetch.js';
import {
  start,
  listScenarios,
  FIXTURES_HEADERS,
  type FixturesServer,
  type RecordedRequest,
  type Scenario,
} from './harness/octokit-fixtures-server.js';
import {
  generateSdk,
  closeClient,
  describeMethod,
  type GeneratedSdk,
  type ModelOperation,
  type SdkClient,
} from './harness/sdk.js';
import { parseLinks } from './harness/link.js';
import { installWatchdog } from './harness/process.js';

/** Response headers of the recordings the SDK must hand back unchanged. */
const CHECKED_HEADERS = [
  'etag',
  'x-github-media-type',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-resource',
  'cache-control',
];
/** Request headers that the transport sets itself (the recordings still check their values). */
const TRANSPORT_HEADERS = new Set(['host', 'content-length']);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface Stats {
  sdkCalls: number;
  rawRequests: number;
  recordedRequests: number;
  pages: number;
  items: number;
  errors: number;
}

interface PageLike {
  readonly items: readonly unknown[];
  readonly response: {
    readonly status: number;
    readonly headers: Record<string, string | string[] | undefined>;
    readonly requestId?: string;
  };
}
interface ResponseLike {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly requestId?: string;
  readonly url: string;
  bytes(): Promise<Uint8Array>;
}
type WithResponse = { withResponse(): Promise<{ data: unknown; response: ResponseLike }> };

/** What the fixtures server does to every string of a recording (lib/additions.js). */
function rewriteRecorded<T>(value: T, fixturesUrl: string, id: string): T {
  if (typeof value === 'string') return value.replace(/https?:\/\/([^/]+)\//g, `${fixturesUrl}/$1/${id}/`) as T;
  if (Array.isArray(value)) return value.map((v) => rewriteRecorded(v, fixturesUrl, id)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteRecorded(v, fixturesUrl, id)])) as T;
  }
  return value;
}

interface RouteMatch {
  readonly op: ModelOperation;
  readonly pathParams: Record<string, string>;
}

/** Route table: path templates as regexes, most literal segments first (`/x/new` beats `/x/{id}`). */
function buildRouter(sdk: GeneratedSdk): (method: string, path: string) => RouteMatch | undefined {
  const routes = sdk.model.operations.map((op) => {
    const names: string[] = [];
    const pattern = op.path
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const param = /^\{([^}]+)\}$/.exec(part);
        if (!param) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        names.push(param[1]!);
        return '([^/]*)';
      })
      .join('');
    const literal = op.path.split('/').filter((s) => s && !s.startsWith('{')).length;
    return { op, names, regex: new RegExp(`^${pattern}$`), literal };
  });
  routes.sort((a, b) => b.literal - a.literal);
  return (method, path) => {
    for (const route of routes) {
      if (route.op.method.toUpperCase() !== method) continue;
      const match = route.regex.exec(path);
      if (!match) continue;
      const pathParams = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
      return { op: route.op, pathParams };
    }
    return undefined;
  };
}

installWatchdog('github.test.ts', 150_000);

describe('e2e: GitHub SDK against @octokit/fixtures-server', { timeout: 120_000 }, () => {
  let server: FixturesServer;
  let sdk: GeneratedSdk;
  let route: ReturnType<typeof buildRouter>;
  const scenarios = listScenarios();
  const stats: Stats = { sdkCalls: 0, rawRequests: 0, recordedRequests: 0, pages: 0, items: 0, errors: 0 };
  const suiteStart = performance.now();

  before(async () => {
    const specs = ensureE2eSpecs();
    [server, sdk] = await Promise.all([
      start(),
      generateSdk('github', specs.github, {
        config: { client: { name: 'GitHub' }, package: { name: '@sdkgen-e2e/github', version: '1.0.0' } },
      }),
    ]);
    route = buildRouter(sdk);
  });
  after(async () => {
    await server?.stop();
    const paginated = scenarios.filter((s) => s.paginated).length;
    console.log(
      `# github: ${scenarios.length} scenarios (${paginated} Link-paginated), ${stats.recordedRequests} recorded requests: ` +
        `${stats.sdkCalls} SDK calls, ${stats.rawRequests} raw (route not in the spec), ${stats.pages} pages walked, ` +
        `${stats.items} items, ${stats.errors} typed errors; generate ${Math.round(sdk?.generateMs ?? 0)} ms ` +
        `(${sdk?.result.operations} operations), suite ${Math.round(performance.now() - suiteStart)} ms`,
    );
  });

  /** A client for one scenario: every call carries the recorded request headers. */
  function clientFor(base: string): SdkClient {
    return new sdk.Client({
      baseUrl: base,
      defaultHeaders: { ...FIXTURES_HEADERS },
      // A recording answers each request once: a retry could only hit "does not match next fixture".
      retry: { maxRetries: 0 },
      timeout: { read: 15_000, total: 30_000 },
    });
  }

  function recordedHeaders(recorded: RecordedRequest): Record<string, string> {
    return Object.fromEntries(
      Object.entries(recorded.reqheaders)
        .filter(([name]) => !TRANSPORT_HEADERS.has(name))
        .map(([name, value]) => [name, String(value)]),
    );
  }

  function paramsFor(recorded: RecordedRequest, match: RouteMatch): Record<string, unknown> {
    const url = new URL(recorded.path, 'https://api.github.com');
    const params: Record<string, unknown> = { ...match.pathParams };
    for (const [name, value] of url.searchParams) params[name] = value;
    const body = recorded.body;
    const op = match.op;
    if (body === undefined || body === '' || op.body === undefined) return params;
    if (op.body.binary) params.body = Buffer.from(String(body));
    else if (op.body.placement === 'flat' && body !== null && typeof body === 'object' && !Array.isArray(body))
      Object.assign(params, body);
    else params.body = body;
    return params;
  }

  /** The recorded response the SDK ends at, after following redirects and Link pages. */
  async function replayScenario(scenario: Scenario): Promise<string[]> {
    const base = await server.loadScenario(scenario.name);
    const id = base.slice(base.lastIndexOf('/') + 1);
    const fixturesUrl = server.baseUrl;
    const client = clientFor(base);
    const log: string[] = [];
    const recorded = scenario.requests;
    try {
      let i = 0;
      while (i < recorded.length) {
        const step = recorded[i]!;
        const method = step.method.toUpperCase();
        const url = new URL(step.path, 'https://api.github.com');
        const match = route(method, url.pathname);
        stats.recordedRequests += 1;
        if (!match) {
          // A route the current spec dropped: replay it raw so the rest of the scenario can run.
          const host = new URL(step.scope ?? 'https://api.github.com').hostname;
          const response = await request(`${fixturesUrl}/${host}/${id}${step.path}`, {
            method: method as 'GET',
            headers: recordedHeaders(step),
            ...(step.body !== undefined && step.body !== ''
              ? { body: typeof step.body === 'string' ? step.body : JSON.stringify(step.body) }
              : {}),
          });
          await response.body.dump();
          assert.equal(response.statusCode, step.status, `${scenario.name}#${i} raw ${method} ${step.path}`);
          stats.rawRequests += 1;
          log.push(`${method} ${url.pathname} -> ${step.status} (raw: not in the spec)`);
          i += 1;
          continue;
        }
        const label = `${scenario.name}#${i} ${method} ${step.path} via client.${describeMethod(match.op)}`;
        const host = new URL(step.scope ?? 'https://api.github.com').hostname;
        // Operation-level servers (uploads.github.com) are reached through their own base URL.
        const callClient =
          host === 'api.github.com'
            ? client
            : (client as unknown as { withOptions(o: object): SdkClient }).withOptions({
                baseUrl: `${fixturesUrl}/${host}/${id}`,
              });
        const call = sdk.method(callClient, `${match.op.method.toUpperCase()} ${match.op.path}`);
        const params = paramsFor(step, match);
        const options = { headers: recordedHeaders(step) };

        // Which recorded requests this one SDK call will consume: redirect hops and next pages.
        let last = i;
        while (REDIRECT_STATUSES.has(recorded[last]!.status) && last + 1 < recorded.length) last += 1;
        const final = recorded[last]!;
        const expectedBody = rewriteRecorded(final.response, fixturesUrl, id);
        stats.sdkCalls += 1;

        if (match.op.pagination && final.status < 300) {
          let pages = 0;
          let items = 0;
          const paged = call(params, options) as { pages(): AsyncIterable<PageLike> };
          for await (const page of paged.pages()) {
            const expected = recorded[i + pages]!;
            assert.ok(expected, `${label}: walked more pages than recorded`);
            assert.equal(page.response.status, expected.status);
            assert.deepEqual(
              page.items,
              rewriteRecorded(expected.response, fixturesUrl, id),
              `${label}: page ${pages + 1} items`,
            );
            const links = parseLinks(page.response.headers.link, base);
            for (const target of Object.values(links))
              assert.ok(target.startsWith(`${fixturesUrl}/`), `Link not rewritten: ${target}`);
            pages += 1;
            items += page.items.length;
            if (pages > 20) assert.fail(`${label}: more than 20 pages`);
          }
          stats.pages += pages;
          stats.items += items;
          log.push(
            `${method} ${url.pathname}: client.${describeMethod(match.op)} walked ${pages} pages, ${items} items`,
          );
          i += pages;
          stats.recordedRequests += pages - 1;
          continue;
        }

        if (final.status >= 400) {
          const ErrorClass =
            final.status === 404
              ? sdk.error('NotFoundError')
              : final.status === 422
                ? sdk.error('UnprocessableEntityError')
                : sdk.error('ApiError');
          await assert.rejects(call(params, options) as Promise<unknown>, (error: unknown) => {
            assert.ok(error instanceof ErrorClass, `${label}: expected ${ErrorClass.name}, got ${String(error)}`);
            const apiError = error as unknown as {
              status: number;
              body: unknown;
              requestId?: string;
              headers: Record<string, unknown>;
            };
            assert.equal(apiError.status, final.status);
            assert.deepEqual(apiError.body, expectedBody, `${label}: error body`);
            assert.equal(apiError.requestId, final.headers['x-github-request-id'], `${label}: requestId`);
            return true;
          });
          stats.errors += 1;
          log.push(
            `${method} ${url.pathname}: client.${describeMethod(match.op)} -> ${(ErrorClass as { name: string }).name} ${final.status}`,
          );
        } else {
          // JSON answers are checked as the typed data; anything else (a tarball, GitHub's raw
          // media type asked for by Accept) is read the way a user would: `.asResponse()`, undecoded.
          const recordedType = String(final.headers['content-type'] ?? '');
          const isJson = /json/.test(recordedType) && !final.responseIsBinary;
          const mode = isJson || final.status === 204 || final.status === 205 ? 'withResponse' : 'asResponse';
          let data: unknown;
          let response: ResponseLike;
          try {
            const pending = call(params, options) as WithResponse & { asResponse(): Promise<ResponseLike> };
            if (mode === 'withResponse') ({ data, response } = await pending.withResponse());
            else response = await pending.asResponse();
          } catch (error) {
            const e = error as Error & { status?: number; body?: unknown };
            assert.fail(
              `${label}: expected ${final.status} ${recordedType}, .${mode}() raised ${e.name}: ${e.message.slice(0, 300)}` +
                `${e.body ? ` ${JSON.stringify(e.body).slice(0, 300)}` : ''}`,
            );
          }
          assert.equal(response.status, final.status, `${label}: status`);
          assert.equal(response.requestId, final.headers['x-github-request-id'], `${label}: requestId`);
          for (const name of CHECKED_HEADERS) {
            if (final.headers[name] !== undefined)
              assert.equal(response.headers[name], String(final.headers[name]), `${label}: header ${name}`);
          }
          if (final.responseIsBinary) {
            assert.deepEqual(
              Buffer.from(await response.bytes()),
              Buffer.from(String(final.response), 'hex'),
              `${label}: binary body`,
            );
          } else if (final.status === 204 || final.status === 205 || final.response === '') {
            assert.ok(
              data === undefined || data === '',
              `${label}: expected no body, got ${JSON.stringify(data)?.slice(0, 100)}`,
            );
          } else if (mode === 'asResponse') {
            assert.equal(new TextDecoder().decode(await response.bytes()), expectedBody, `${label}: text body`);
          } else {
            assert.deepEqual(data, expectedBody, `${label}: body`);
          }
          log.push(
            `${method} ${url.pathname}: client.${describeMethod(match.op)} -> ${final.status}${last > i ? ` after ${last - i} redirect(s)` : ''}`,
          );
        }
        stats.recordedRequests += last - i;
        i = last + 1;
      }
    } finally {
      await closeClient(client);
    }
    return log;
  }

  test('the fixtures cover 22 scenarios; paginate-issues is the Link-paginated one', () => {
    assert.equal(scenarios.length, 22);
    assert.deepEqual(
      scenarios.filter((s) => s.paginated).map((s) => s.name),
      ['paginate-issues'],
    );
    assert.equal(sdk.operation('GET /repos/{owner}/{repo}/issues').pagination?.style, 'link');
  });

  test('issues.listForRepo walks all 5 recorded pages (13 issues) with for await', async () => {
    const base = await server.loadScenario('paginate-issues');
    const client = clientFor(base);
    try {
      const list = sdk.method(client, 'GET /repos/{owner}/{repo}/issues');
      const numbers: number[] = [];
      for await (const issue of list({
        owner: 'octokit-fixture-org',
        repo: 'paginate-issues',
        per_page: 3,
      }) as AsyncIterable<{ number: number }>) {
        numbers.push(issue.number);
        assert.ok(numbers.length <= 13, 'more issues than recorded');
      }
      assert.deepEqual(numbers, [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
      stats.sdkCalls += 1;
      stats.pages += 5;
      stats.items += numbers.length;
    } finally {
      await closeClient(client);
    }
  });

  test('repos.getBranchProtection raises a typed NotFoundError with the recorded body and request id', async () => {
    const base = await server.loadScenario('branch-protection');
    const client = clientFor(base);
    try {
      const NotFoundError = sdk.error('NotFoundError');
      const ApiError = sdk.error('ApiError');
      const get = sdk.method(client, 'GET /repos/{owner}/{repo}/branches/{branch}/protection');
      await assert.rejects(
        get({ owner: 'octokit-fixture-org', repo: 'branch-protection', branch: 'main' }) as Promise<unknown>,
        (error: unknown) => {
          assert.ok(error instanceof NotFoundError, `expected NotFoundError, got ${String(error)}`);
          assert.ok(error instanceof ApiError);
          const e = error as unknown as {
            message: string;
            status: number;
            body: { message: string };
            requestId: string;
            headers: Record<string, string>;
            method: string;
            url: string;
          };
          assert.equal(e.status, 404);
          assert.equal(e.body.message, 'Branch not protected');
          assert.equal(e.requestId, '0000:00000:0000000:0000000:00000000');
          assert.equal(e.headers['x-ratelimit-limit'], '5000');
          assert.equal(e.method, 'GET');
          assert.match(e.url, /\/repos\/octokit-fixture-org\/branch-protection\/branches\/main\/protection$/);
          assert.doesNotMatch(
            JSON.stringify({ ...e, message: e.message }),
            /0{39}1/,
            'the token leaked into the error',
          );
          return true;
        },
      );
      stats.sdkCalls += 1;
      stats.errors += 1;
    } finally {
      await closeClient(client);
    }
  });

  for (const scenario of scenarios) {
    test(`replays scenario ${scenario.name} (${scenario.requests.length} recorded requests)`, async () => {
      const log = await replayScenario(scenario);
      assert.ok(log.length > 0);
      console.log(`#   ${scenario.name}: ${log.join('; ')}`);
    });
  }
});
