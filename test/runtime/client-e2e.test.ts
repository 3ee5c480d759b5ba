/**
 * Shaping, auth and Link pagination end to end through the runtime's Client (runtime/client.ts)
 * against real servers on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client } from '../../runtime/client.js';
import type { ApiDescriptor, OperationDescriptor } from '../../runtime/descriptor.js';
import { PaginationError } from '../../runtime/errors.js';
import { api, op, param, startServer, type TestServer } from './support/descriptors.js';
import { startPageServer } from './support/page-server.js';

interface Item {
  id: number;
}

const shop: ApiDescriptor = api({
  envPrefix: 'SDKGEN_SHAPING_E2E',
  securitySchemes: {
    bearerAuth: { type: 'http', scheme: 'bearer' },
    apiKeyQuery: { type: 'apiKey', in: 'query', name: 'key' },
  },
  security: [['bearerAuth']],
});

const listItems: OperationDescriptor = op(
  '/items',
  [param('page', 'query', 'form', true), param('per_page', 'query', 'form', true)],
  {
    id: 'listItems',
    pagination: { style: 'link' },
  },
);

const updateItem: OperationDescriptor = op(
  '/things/{thingId}',
  [
    param('thingId', 'path', 'simple', false),
    param('ids', 'query', 'form', false),
    param('filter', 'query', 'deepObject', true),
    param('X-Trace', 'header', 'simple', false),
  ],
  {
    id: 'updateItem',
    method: 'PATCH',
    body: { mediaType: 'application/json', required: true, placement: 'flat', properties: ['name'] },
    security: [['apiKeyQuery']],
  },
);

describe('through the Client', () => {
  let pages: TestServer;
  let echo: TestServer;
  const authHeaders: Array<string | undefined> = [];
  before(async () => {
    pages = await startPageServer({ pages: 4, perPage: 25 });
    pages.server.prependListener('request', (req) => authHeaders.push(req.headers.authorization));
    echo = await startServer((req, res, body) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          method: req.method,
          url: req.url,
          contentType: req.headers['content-type'],
          trace: req.headers['x-trace'],
          body: body.toString(),
        }),
      );
    });
  });
  after(async () => {
    await pages.close();
    await echo.close();
  });

  test('paginate: every item across Link pages, credentials on every page, lazily', async () => {
    const client = new Client(shop, { baseUrl: pages.url, auth: { bearerAuth: 'tok' }, retry: { maxRetries: 0 } });
    try {
      pages.hits.length = 0;
      authHeaders.length = 0;
      const ids: number[] = [];
      for await (const item of client.paginate<Item>(listItems, { per_page: 25 })) {
        ids.push(item.id);
        if (ids.length === 30) assert.equal(pages.hits.length, 2);
      }
      assert.deepEqual(
        ids,
        Array.from({ length: 100 }, (_, i) => i),
      );
      assert.deepEqual(pages.hits, [
        '/items?per_page=25',
        '/items?page=2&per_page=25',
        '/items?page=3&per_page=25',
        '/items?page=4&per_page=25',
      ]);
      assert.deepEqual(authHeaders, ['Bearer tok', 'Bearer tok', 'Bearer tok', 'Bearer tok']);

      const first = await client.paginate<Item>(listItems, { per_page: 25 });
      assert.equal(first.items.length, 25);
      assert.equal(first.nextPageUrl, `${pages.url}/items?page=2&per_page=25`);
      let count = 0;
      for await (const page of client.paginate<Item>(listItems, { per_page: 25 }, { maxPages: 2 }).pages())
        count += page.items.length;
      assert.equal(count, 50);
    } finally {
      await client.close();
    }
  });

  test('paginate: a next link to another origin is refused', async () => {
    const elsewhere = await startPageServer({ pages: 2, perPage: 2 });
    const home = await startPageServer({
      pages: 2,
      perPage: 2,
      nextOverride: (page) => (page === 1 ? `${elsewhere.url}/items?page=2` : undefined),
    });
    const client = new Client(shop, { baseUrl: home.url, auth: { bearerAuth: 'tok' }, retry: { maxRetries: 0 } });
    try {
      await assert.rejects(
        (async () => {
          for await (const item of client.paginate<Item>(listItems, {})) assert.ok(item.id < 2);
        })(),
        PaginationError,
      );
      assert.equal(elsewhere.hits.length, 0);
    } finally {
      await client.close();
      await home.close();
      await elsewhere.close();
    }
  });

  test('request: path encoding, query styles, header param, JSON body and query api key on the wire', async () => {
    const client = new Client(shop, { baseUrl: echo.url, auth: { apiKeyQuery: 'k&1' }, retry: { maxRetries: 0 } });
    try {
      const sent = await client.request<{
        method: string;
        url: string;
        contentType: string;
        trace: string;
        body: string;
      }>(updateItem, {
        thingId: 'a/b c',
        ids: [1, 2],
        filter: { state: 'open' },
        'X-Trace': 't-1',
        name: 'New name',
      });
      assert.equal(sent.method, 'PATCH');
      assert.equal(sent.url, '/things/a%2Fb%20c?ids=1,2&filter[state]=open&key=k%261');
      assert.equal(sent.contentType, 'application/json');
      assert.equal(sent.trace, 't-1');
      assert.deepEqual(JSON.parse(sent.body), { name: 'New name' });
    } finally {
      await client.close();
    }
  });

  test('request: refusals happen before anything is sent', async () => {
    const client = new Client(shop, { baseUrl: echo.url, auth: { apiKeyQuery: 'k' }, retry: { maxRetries: 0 } });
    try {
      echo.hits.length = 0;
      await assert.rejects(client.request(updateItem, { name: 'x' }), /missing required path parameter "thingId"/);
      await assert.rejects(
        client.request(updateItem, { thingId: '1', name: 'x', 'X-Trace': 'a\r\nb' }),
        /contains CR, LF, NUL/,
      );
      await assert.rejects(client.request(updateItem, { thingId: '..', name: 'x' }), /"\." or "\.\."/);
      assert.equal(echo.hits.length, 0);
    } finally {
      await client.close();
    }
  });
});
