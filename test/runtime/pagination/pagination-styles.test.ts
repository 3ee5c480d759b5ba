/** cursor, offset, page and url pagination styles, and the items path, against a real server. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from 'undici';
import type { PaginationDescriptor } from '../../../runtime/descriptor.js';
import { PaginationError } from '../../../runtime/errors.js';
import { PagePromise, type PageFetcher, type RawPage } from '../../../runtime/pagination/index.js';
import type { TestServer } from '../support/descriptors.js';
import { simpleFetcher, startPageServer } from '../support/page-server.js';

interface Item {
  id: number;
}

let agent: Agent;
let envelope: TestServer;
let plain: TestServer;
before(async () => {
  agent = new Agent();
  envelope = await startPageServer({ pages: 3, perPage: 10, envelope: true });
  plain = await startPageServer({ pages: 3, perPage: 10 });
});
after(async () => {
  await envelope.close();
  await plain.close();
  await agent.close();
});

async function ids(promise: PagePromise<Item, unknown>): Promise<number[]> {
  const out: number[] = [];
  for await (const item of promise) {
    out.push(item.id);
    if (out.length > 1000) break;
  }
  return out;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

function paginate(
  server: TestServer,
  pagination: PaginationDescriptor,
  params: Record<string, unknown>,
): PagePromise<Item, unknown> {
  return new PagePromise<Item, unknown>(simpleFetcher(`${server.url}/items`, agent, params), pagination, params);
}

describe('body-driven styles', () => {
  test('cursor: next cursor from $.meta.next_cursor into the cursor param, items at $.data', async () => {
    envelope.hits.length = 0;
    const pagination: PaginationDescriptor = {
      style: 'cursor',
      param: 'cursor',
      next: '$.meta.next_cursor',
      items: '$.data',
    };
    const first = await paginate(envelope, pagination, { per_page: 10 });
    assert.equal(first.nextCursor, 'c2');
    assert.deepEqual(first.nextPageParams, { per_page: 10, cursor: 'c2' });
    assert.equal(first.nextPageUrl, undefined);
    assert.deepEqual(await ids(paginate(envelope, pagination, { per_page: 10 })), range(30));
    assert.deepEqual(envelope.hits.slice(-3), [
      '/items?per_page=10',
      '/items?per_page=10&cursor=c2',
      '/items?per_page=10&cursor=c3',
    ]);
  });

  test('url: next page URL from the body, resolved against the page URL', async () => {
    const pagination: PaginationDescriptor = { style: 'url', next: '$.meta.next_url', items: '$.data' };
    const first = await paginate(envelope, pagination, {});
    assert.equal(first.nextPageUrl, `${envelope.url}/items?page=2&per_page=10`);
    assert.deepEqual(await ids(paginate(envelope, pagination, {})), range(30));
  });

  test('offset: advances by the items received until an empty page', async () => {
    plain.hits.length = 0;
    const pagination: PaginationDescriptor = { style: 'offset', param: 'offset', limitParam: 'per_page' };
    assert.deepEqual(await ids(paginate(plain, pagination, { per_page: 10 })), range(30));
    // Three full pages, then an empty one ends it.
    assert.deepEqual(plain.hits, [
      '/items?per_page=10',
      '/items?per_page=10&offset=10',
      '/items?per_page=10&offset=20',
      '/items?per_page=10&offset=30',
    ]);
    plain.hits.length = 0;
    assert.deepEqual(await ids(paginate(plain, pagination, { per_page: 25 })), range(75));
    assert.deepEqual(plain.hits, [
      '/items?per_page=25',
      '/items?per_page=25&offset=25',
      '/items?per_page=25&offset=50',
      '/items?per_page=25&offset=75',
    ]);
  });

  test('page: page number + 1 from 1 until an empty page', async () => {
    plain.hits.length = 0;
    const first = await paginate(plain, { style: 'page', param: 'page' }, { per_page: 10 });
    assert.deepEqual(first.nextPageParams, { per_page: 10, page: 2 });
    assert.deepEqual(await ids(paginate(plain, { style: 'page', param: 'page' }, { per_page: 10 })), range(30));
    assert.equal(plain.hits.at(-1), '/items?per_page=10&page=4');
  });
});

/** A fetcher replaying fixed pages (for server behaviour a loopback server would need contortions to show). */
function scripted(pages: unknown[]): PageFetcher {
  let index = 0;
  const next = async (): Promise<RawPage> => ({
    body: pages[Math.min(index++, pages.length - 1)],
    url: 'https://api.example.com/items',
    headers: {},
    response: undefined,
  });
  return { first: next, next, nextWithParams: next };
}

describe('body-driven guards', () => {
  test('a cursor repeating an earlier one is a loop', async () => {
    const pagination: PaginationDescriptor = { style: 'cursor', param: 'after', next: '$.next', items: '$.data' };
    const fetcher = scripted([
      { data: [{ id: 1 }], next: 'a' },
      { data: [{ id: 2 }], next: 'b' },
      { data: [{ id: 3 }], next: 'a' },
    ]);
    await assert.rejects(
      ids(new PagePromise<Item, unknown>(fetcher, pagination)),
      (error: Error) => error instanceof PaginationError && /loop/.test(error.message),
    );
  });
  test('items that are not an array raise PaginationError; a missing items key is an empty page', async () => {
    await assert.rejects(
      ids(new PagePromise<Item, unknown>(scripted([{ data: 'nope' }]), { style: 'link', items: '$.data' })),
      (error: Error) => error instanceof PaginationError && /\$\.data to be an array/.test(error.message),
    );
    await assert.rejects(
      ids(new PagePromise<Item, unknown>(scripted([{ data: [] }]), { style: 'link' })),
      PaginationError,
    );
    assert.deepEqual(
      await ids(new PagePromise<Item, unknown>(scripted([{ other: 1 }]), { style: 'link', items: '$.data' })),
      [],
    );
  });
  test('offset: a page shorter than the limit the caller passed is the last one', async () => {
    let fetches = 0;
    const base = scripted([Array.from({ length: 10 }, (_, id) => ({ id })), [{ id: 10 }, { id: 11 }], [{ id: 99 }]]);
    const counting: PageFetcher = {
      first: () => {
        fetches++;
        return base.first();
      },
      next: base.next,
      nextWithParams: (p) => {
        fetches++;
        return base.nextWithParams(p);
      },
    };
    const pagination: PaginationDescriptor = { style: 'offset', param: 'offset', limitParam: 'limit' };
    assert.deepEqual(await ids(new PagePromise<Item, unknown>(counting, pagination, { limit: 10 })), range(12));
    assert.equal(fetches, 2);
  });
  test('pagination errors never carry a query string (it may hold an API key)', async () => {
    const fetcher: PageFetcher = {
      first: async () => ({
        body: 'oops',
        url: 'https://api.example.com/items?key=SECRET',
        headers: {},
        response: undefined,
      }),
      next: () => Promise.reject(new Error('unused')),
      nextWithParams: () => Promise.reject(new Error('unused')),
    };
    await assert.rejects(ids(new PagePromise<Item, unknown>(fetcher, { style: 'link' })), (error: Error) => {
      assert.ok(error instanceof PaginationError);
      assert.equal(error.url, 'https://api.example.com/items');
      assert.ok(!JSON.stringify({ ...error, message: error.message }).includes('SECRET'));
      return true;
    });
  });
  test('cursor: an empty or null next cursor ends the walk', async () => {
    const pagination: PaginationDescriptor = { style: 'cursor', param: 'after', next: '$.next', items: '$.data' };
    assert.deepEqual(
      await ids(
        new PagePromise<Item, unknown>(
          scripted([
            { data: [{ id: 1 }], next: 'x' },
            { data: [{ id: 2 }], next: '' },
          ]),
          pagination,
        ),
      ),
      [1, 2],
    );
  });
});
