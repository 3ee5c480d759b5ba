/**
 * json-server 0.17.x through an SDK generated from fixtures/json-server.yaml: walk a
 * 1,000-row collection through first/prev/next/last Link headers, then create, read, replace,
 * update and delete through the generated methods, with typed 404s for what is gone.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { start, makeTodo, type JsonServer, type Todo } from './harness/json-server.js';
import { generateSdk, closeClient, type GeneratedSdk, type SdkClient } from './harness/sdk.js';
import { parseLinks } from './harness/link.js';
import { installWatchdog } from './harness/process.js';

const SPEC = fileURLToPath(new URL('../../fixtures/json-server.yaml', import.meta.url));

interface PageLike<T> {
  readonly items: readonly T[];
  readonly response: { readonly status: number; readonly headers: Record<string, string | string[] | undefined> };
  hasNextPage(): boolean;
}
type Paged<T> = PromiseLike<PageLike<T>> & AsyncIterable<T> & { pages(): AsyncIterable<PageLike<T>> };

installWatchdog('json-server.test.ts', 90_000);

describe('e2e: json-server 0.17 through the generated SDK', { timeout: 60_000 }, () => {
  let server: JsonServer;
  let sdk: GeneratedSdk;
  let client: SdkClient;
  const stats = { operations: 0, pages: 0, items: 0, requests: 0 };
  const suiteStart = performance.now();

  before(async () => {
    [server, sdk] = await Promise.all([start(), generateSdk('json-server', SPEC)]);
    client = new sdk.Client({
      baseUrl: server.baseUrl,
      retry: { maxRetries: 0 },
      timeout: { read: 10_000, total: 30_000 },
      // Counts HTTP requests on the wire (one per page), whatever the SDK call was.
      middleware: [
        (request: unknown, next: (request: unknown) => Promise<unknown>) => ((stats.requests += 1), next(request)),
      ],
    });
  });
  after(async () => {
    await closeClient(client);
    await server?.stop();
    console.log(
      `# json-server: ${stats.operations} operations called, ${stats.pages} pages walked, ${stats.items} items, ` +
        `${stats.requests} HTTP requests; ` +
        `generate ${Math.round(sdk?.generateMs ?? 0)} ms; suite ${Math.round(performance.now() - suiteStart)} ms`,
    );
  });

  test('the listing is Link-paginated in the generated descriptor', () => {
    assert.equal(sdk.operation('GET /todos').pagination?.style, 'link');
  });

  test('for await walks all 1,000 rows across 10 pages of 100, in order', async () => {
    const list = sdk.method(client, 'GET /todos');
    const ids: number[] = [];
    const seen: Todo[] = [];
    const requestsBefore = stats.requests;
    for await (const todo of list({ _page: 1, _limit: 100 }) as Paged<Todo>) {
      ids.push(todo.id);
      if (todo.id % 250 === 0) seen.push(todo);
    }
    assert.equal(stats.requests - requestsBefore, 10, 'one request per page');
    stats.operations += 1;
    stats.pages += 10;
    stats.items += ids.length;
    assert.equal(ids.length, 1_000);
    assert.deepEqual(
      ids,
      Array.from({ length: 1_000 }, (_, i) => i + 1),
    );
    assert.deepEqual(seen, [makeTodo(250), makeTodo(500), makeTodo(750), makeTodo(1_000)]);
  });

  test('.pages() exposes each page with its Link and X-Total-Count headers', async () => {
    const list = sdk.method(client, 'GET /todos');
    let pages = 0;
    let rows = 0;
    for await (const page of (list({ _page: 1, _limit: 100 }) as Paged<Todo>).pages()) {
      pages += 1;
      rows += page.items.length;
      assert.equal(page.response.status, 200);
      assert.equal(page.response.headers['x-total-count'], '1000');
      const links = parseLinks(page.response.headers.link, server.baseUrl);
      assert.ok(links.first && links.last, `page ${pages} lacks first/last: ${page.response.headers.link}`);
      assert.equal(page.hasNextPage(), links.next !== undefined, `page ${pages}: hasNextPage() disagrees with Link`);
      assert.ok(pages <= 10, 'walked past the last page');
    }
    stats.operations += 1;
    stats.pages += pages;
    assert.equal(pages, 10);
    assert.equal(rows, 1_000);
  });

  test('await gives the first page only; filters and sort travel as query params', async () => {
    const list = sdk.method(client, 'GET /todos');
    const first = await (list({ _page: 1, _limit: 7, userId: 3, _sort: 'id', _order: 'desc' }) as Paged<Todo>);
    stats.operations += 1;
    stats.pages += 1;
    assert.equal(first.items.length, 7);
    assert.ok(first.items.every((t) => t.userId === 3));
    assert.equal(first.items[0]!.id, 992); // ids with id % 10 === 2, highest first
    assert.equal(first.response.headers['x-total-count'], '100');
    assert.equal(first.hasNextPage(), true);
  });

  test('create, read, replace, update and delete one row', async () => {
    const create = sdk.method(client, 'POST /todos');
    const get = sdk.method(client, 'GET /todos/{id}');
    const replace = sdk.method(client, 'PUT /todos/{id}');
    const update = sdk.method(client, 'PATCH /todos/{id}');
    const remove = sdk.method(client, 'DELETE /todos/{id}');

    const created = (await create({ title: 'from the SDK', completed: false, userId: 7, tags: ['e2e'] })) as Todo;
    assert.equal(created.id, 1_001);
    assert.deepEqual(created, { id: 1_001, title: 'from the SDK', completed: false, userId: 7, tags: ['e2e'] });
    assert.deepEqual(await get({ id: created.id }), created);

    const replaced = (await replace({ id: created.id, title: 'replaced', completed: true, userId: 8 })) as Todo;
    assert.deepEqual(replaced, { id: 1_001, title: 'replaced', completed: true, userId: 8 });

    const updated = (await update({ id: created.id, title: 'patched' })) as Todo;
    assert.deepEqual(updated, { id: 1_001, title: 'patched', completed: true, userId: 8 });
    assert.deepEqual(await get({ id: created.id }), updated);

    const { response } = await (
      remove({ id: created.id }) as { withResponse(): Promise<{ response: { status: number } }> }
    ).withResponse();
    assert.equal(response.status, 200);
    stats.operations += 6;

    const NotFoundError = sdk.error('NotFoundError');
    await assert.rejects(get({ id: created.id }) as Promise<unknown>, (error: unknown) => {
      assert.ok(error instanceof NotFoundError, `expected NotFoundError, got ${String(error)}`);
      assert.equal((error as unknown as { status: number }).status, 404);
      return true;
    });
    await assert.rejects(remove({ id: created.id }) as Promise<unknown>, NotFoundError);
    stats.operations += 2;

    // The rest of the collection is untouched.
    const first = await (sdk.method(client, 'GET /todos')({ _page: 1, _limit: 1 }) as Paged<Todo>);
    assert.equal(first.response.headers['x-total-count'], '1000');
    stats.operations += 1;
  });

  test('GET /todos/{id} returns the generated row, typed by the spec', async () => {
    const get = sdk.method(client, 'GET /todos/{id}');
    assert.deepEqual(await get({ id: 42 }), makeTodo(42));
    stats.operations += 1;
  });
});
