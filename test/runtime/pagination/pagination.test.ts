/** PagePromise / Page with Link pagination against a real server on 127.0.0.1. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from 'undici';
import { PaginationError } from '../../../runtime/errors.js';
import { Page, PagePromise, type PaginationOptions } from '../../../runtime/pagination/index.js';
import type { TestServer } from '../support/descriptors.js';
import { simpleFetcher, startPageServer, type PageResponse } from '../support/page-server.js';

interface Item {
  id: number;
  name: string;
}

let agent: Agent;
before(() => {
  agent = new Agent();
});
after(() => agent.close());

function list(server: TestServer, options: PaginationOptions = {}, perPage = 100): PagePromise<Item, PageResponse> {
  return new PagePromise<Item, PageResponse>(
    simpleFetcher(`${server.url}/items?page=1&per_page=${perPage}`, agent),
    { style: 'link' },
    {},
    options,
  );
}

async function collect(iterable: AsyncIterable<Item>, limit = 100_000): Promise<number[]> {
  const ids: number[] = [];
  for await (const item of iterable) {
    ids.push(item.id);
    if (ids.length >= limit) break;
  }
  return ids;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('Link pagination', () => {
  let server: TestServer;
  before(async () => {
    server = await startPageServer({ pages: 5, perPage: 100 });
  });
  after(() => server.close());
  const reset = (): void => {
    server.hits.length = 0;
  };

  test('await gives the first page', async () => {
    reset();
    const page = await list(server);
    assert.ok(page instanceof Page);
    assert.deepEqual(
      page.items.map((i) => i.id),
      range(100),
    );
    assert.deepEqual(page.response, { status: 200 });
    assert.equal(page.hasNextPage(), true);
    assert.equal(page.nextPageUrl, `${server.url}/items?page=2&per_page=100`);
    assert.equal(page.pageNumber, 1);
    assert.deepEqual(server.hits, ['/items?page=1&per_page=100']);
  });

  test('nothing is fetched until awaited or iterated', async () => {
    reset();
    const pending = list(server);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(server.hits.length, 0);
    assert.equal((await pending).items.length, 100);
    assert.equal(server.hits.length, 1);
  });

  test('for await iterates every item across pages, in order, without awaiting first', async () => {
    reset();
    assert.deepEqual(await collect(list(server)), range(500));
    assert.equal(server.hits.length, 5);
  });

  test('lazy: pages are fetched only as the loop reaches them; breaking out stops fetching', async () => {
    reset();
    const seenHitsAt: number[] = [];
    let count = 0;
    for await (const item of list(server)) {
      assert.equal(item.id, count);
      seenHitsAt.push(server.hits.length);
      if (++count === 150) break;
    }
    assert.equal(seenHitsAt[0], 1);
    assert.equal(seenHitsAt[99], 1);
    assert.equal(seenHitsAt[100], 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(server.hits.length, 2);
  });

  test('an awaited first page is reused by a later loop', async () => {
    reset();
    const promise = list(server);
    await promise;
    assert.deepEqual(await collect(promise), range(500));
    assert.equal(server.hits.length, 5);
  });

  test('.pages() yields each page once', async () => {
    reset();
    const sizes: number[] = [];
    for await (const page of list(server).pages()) sizes.push(page.items.length);
    assert.deepEqual(sizes, [100, 100, 100, 100, 100]);
    assert.equal(server.hits.length, 5);
  });

  test('manual getNextPage; past the end it throws PaginationError', async () => {
    let page = await list(server);
    let pages = 1;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      pages++;
    }
    assert.equal(pages, 5);
    assert.equal(page.nextPageUrl, undefined);
    await assert.rejects(
      page.getNextPage(),
      (error: Error) => error instanceof PaginationError && /no next page/.test(error.message),
    );
  });

  test('getNextPage twice on the same page is not a loop', async () => {
    const first = await list(server);
    const a = await first.getNextPage();
    const b = await first.getNextPage();
    assert.deepEqual(a.items, b.items);
  });

  test('a page is itself iterable from that page on', async () => {
    const second = await (await list(server)).getNextPage();
    assert.deepEqual(
      await collect(second),
      range(400).map((i) => i + 100),
    );
  });

  test('maxPages and maxItems stop fetching', async () => {
    reset();
    assert.deepEqual(await collect(list(server, { maxPages: 2 })), range(200));
    assert.equal(server.hits.length, 2);
    reset();
    assert.deepEqual(await collect(list(server, { maxItems: 150 })), range(150));
    assert.equal(server.hits.length, 2);
    reset();
    assert.deepEqual(await collect(list(server, { maxItems: 100 })), range(100));
    assert.equal(server.hits.length, 1);
    const capped = await list(server, { maxPages: 1 });
    assert.equal(capped.hasNextPage(), false);
    assert.ok(capped.nextPageUrl, 'the next URL stays visible for resuming later');
  });

  test('maxPages / maxItems must be positive integers', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      assert.throws(() => list(server, { maxPages: bad }), /maxPages must be a positive integer/);
      assert.throws(() => list(server, { maxItems: bad }), /maxItems must be a positive integer/);
    }
  });

  test('fetch errors reject the loop', async () => {
    const fetcher = simpleFetcher(`${server.url}/items?page=1&per_page=10`, agent);
    const failing = { ...fetcher, next: () => Promise.reject(new Error('boom')) };
    await assert.rejects(collect(new PagePromise<Item, unknown>(failing, { style: 'link' })), /boom/);
  });
});

describe('guards', () => {
  test('a next link on another origin raises PaginationError and is never requested', async () => {
    const other = await startPageServer({ pages: 2, perPage: 3 });
    const home = await startPageServer({
      pages: 2,
      perPage: 3,
      nextOverride: (page) => (page === 1 ? `${other.url}/items?page=2&per_page=3` : undefined),
    });
    try {
      const ids: number[] = [];
      await assert.rejects(
        (async () => {
          for await (const item of list(home, {}, 3)) ids.push(item.id);
        })(),
        (error: Error) =>
          error instanceof PaginationError &&
          /another origin/.test(error.message) &&
          error.message.includes(other.origin),
      );
      assert.deepEqual(ids, [0, 1, 2]);
      assert.equal(other.hits.length, 0);
      assert.deepEqual(await collect(list(home, { allowCrossOriginPagination: true }, 3)), [0, 1, 2, 3, 4, 5]);
      assert.equal(other.hits.length, 1);
    } finally {
      await other.close();
      await home.close();
    }
  });

  test('a next link back to a visited page raises PaginationError (loop)', async () => {
    const looping = await startPageServer({
      pages: 3,
      perPage: 2,
      nextOverride: (page) => (page === 3 ? '/items?page=1&per_page=2' : undefined),
    });
    try {
      await assert.rejects(
        collect(list(looping, {}, 2)),
        (error: Error) =>
          error instanceof PaginationError &&
          error.message.includes(`loop: page 4 would repeat page 1 (${looping.url}/items)`),
      );
      assert.equal(looping.hits.length, 3);
    } finally {
      await looping.close();
    }
  });

  test('a self-link is a loop too', async () => {
    const self = await startPageServer({ pages: 3, perPage: 2, nextOverride: () => '/items?page=1&per_page=2' });
    try {
      await assert.rejects(collect(list(self, {}, 2)), PaginationError);
      assert.equal(self.hits.length, 1);
    } finally {
      await self.close();
    }
  });
});

describe('memory', () => {
  test('200 pages x 100 items: heap stays flat while iterating', async () => {
    const { setFlagsFromString } = await import('node:v8');
    const { runInNewContext } = await import('node:vm');
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const big = await startPageServer({ pages: 200, perPage: 100, padding: 200 });
    try {
      let count = 0;
      let baseline = 0;
      let peakGrowth = 0;
      for await (const item of list(big)) {
        count++;
        if (item.id === 1000) {
          gc();
          baseline = process.memoryUsage().heapUsed;
        } else if (item.id > 1000 && item.id % 5000 === 0) {
          gc();
          peakGrowth = Math.max(peakGrowth, process.memoryUsage().heapUsed - baseline);
        }
      }
      assert.equal(count, 20_000);
      // Holding every page would retain 20k items of ~250 bytes: > 5 MB. One page is ~40 kB.
      assert.ok(peakGrowth < 1_500_000, `heap grew by ${peakGrowth} bytes`);
      console.log(`pagination memory: heap growth over 200 pages = ${(peakGrowth / 1024).toFixed(0)} kB`);
    } finally {
      await big.close();
    }
  });
});
