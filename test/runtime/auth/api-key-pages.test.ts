/**
 * Item 1: an apiKey-in-query scheme on Link-paginated pages whose next URLs echo the key (as
 * GitHub-style APIs echo the request's query): the key goes exactly once on every request.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Client } from '../../../runtime/index.js';
import type { OperationDescriptor } from '../../../runtime/descriptor.js';
import { ops, testApi } from '../support/api.js';
import { cleanup, sendJson, startRawServer } from '../support/raw-server.js';

const KEY = 'query-key-7f3a';
const PAGES = 3;
const list: OperationDescriptor = { ...ops.listLinked, security: [['apiKeyQuery']] };
const track = cleanup();

describe('apiKey in query on paginated calls', () => {
  test('a next-page URL that already carries api_key does not get it twice', async () => {
    const server = track.server(
      await startRawServer((_req, res, seen) => {
        const query = new URL(seen.url, 'http://x').searchParams;
        // The server's own check: exactly one key, the right one.
        if (query.getAll('api_key').length !== 1 || query.get('api_key') !== KEY)
          return sendJson(res, 400, { message: 'api_key must appear once' });
        const page = Number(query.get('page') ?? '1');
        const headers: Record<string, string> =
          page < PAGES
            ? { link: `<${server.origin}/items?per_page=2&page=${page + 1}&api_key=${KEY}>; rel="next"` }
            : {};
        sendJson(res, 200, [{ id: page * 10 }, { id: page * 10 + 1 }], headers);
      }),
    );
    const client = track.client(
      new Client(testApi(), { baseUrl: server.origin, logLevel: 'off', auth: { apiKeyQuery: KEY } }),
    );
    const ids: number[] = [];
    for await (const item of client.paginate<{ id: number }>(list, { per_page: 2 })) ids.push(item.id);
    assert.deepEqual(ids, [10, 11, 20, 21, 30, 31]);
    assert.equal(server.requests.length, PAGES);
    for (const request of server.requests) {
      assert.equal(request.url.split('api_key=').length - 1, 1, request.url.replace(KEY, '<key>'));
    }
  });
});
