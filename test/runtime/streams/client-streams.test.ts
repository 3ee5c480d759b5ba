/**
 * Item 6: NDJSON and SSE operations return async iterators through the real Client: NDJSON over
 * chunked HTTP with lines split across chunks; SSE that reconnects with Last-Event-ID and waits
 * the server's `retry:`; breaking out of the loop closes the connection (the server sees 'close').
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { describe, test } from 'node:test';
import {
  AbortError,
  Client,
  DEFAULT_SSE_RETRY_MS,
  type EventStream,
  type JsonLinesStream,
  type SseEvent,
} from '../../../runtime/index.js';
import type { OperationDescriptor } from '../../../runtime/descriptor.js';
import { testApi } from '../support/api.js';
import { cleanup, startRawServer, within } from '../support/raw-server.js';

const track = cleanup();
/** The server's `retry:` in these tests: far below the 3 s default, so honouring it is visible. */
const SERVER_RETRY_MS = 80;
/** Upper bound for anything a test waits on (a hung stream fails the test instead of the run). */
const WAIT_MS = 5_000;

function streamOp(kind: 'ndjson' | 'sse', method: 'GET' | 'POST' = 'GET'): OperationDescriptor {
  const mediaType = kind === 'sse' ? 'text/event-stream' : 'application/x-ndjson';
  return {
    id: `stream_${kind}_${method}`,
    method,
    path: '/stream',
    params: [],
    response: { success: [{ status: '200', kind, mediaType }], accept: mediaType },
  };
}

function openStream(res: ServerResponse, contentType: string): void {
  // No content-length: node sends the body chunked.
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache' });
  res.flushHeaders();
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('NDJSON', () => {
  test('values arrive parsed from chunked HTTP, lines split across chunks', async () => {
    const server = track.server(
      await startRawServer(async (_req, res) => {
        openStream(res, 'application/x-ndjson');
        for (const piece of ['{"n":1}\n{"n"', ':2}\r\n\n{"n":3,"s":"ü', 'ber"}\n', '{"n":4}']) {
          res.write(piece);
          await tick();
        }
        res.end();
      }),
    );
    const client = track.client(new Client(testApi(), { baseUrl: server.origin, logLevel: 'off' }));
    const stream = await client.request<JsonLinesStream<{ n: number; s?: string }>>(streamOp('ndjson'));
    assert.equal(stream.response.status, 200);
    const values: unknown[] = [];
    for await (const value of stream) values.push(value);
    assert.deepEqual(values, [{ n: 1 }, { n: 2 }, { n: 3, s: 'über' }, { n: 4 }]);
  });
});

describe('SSE', () => {
  test('reconnects with Last-Event-ID after a disconnect, waiting the server retry:', async () => {
    const server = track.server(
      await startRawServer(async (_req, res, _seen, hit) => {
        openStream(res, 'text/event-stream');
        if (hit === 1) {
          res.write(`retry: ${SERVER_RETRY_MS}\n\nid: 1\ndata: one\n\n`);
          await tick();
          res.end('id: 2\nevent: update\ndata: two\ndata: lines\n\n');
          return;
        }
        res.end('id: 3\ndata: three\n\n');
      }),
    );
    const client = track.client(new Client(testApi(), { baseUrl: server.origin, logLevel: 'off' }));
    const stream = await client.request<EventStream>(streamOp('sse'));
    const events: SseEvent<string>[] = [];
    const gotThree = (async () => {
      for await (const event of stream) {
        events.push(event);
        if (event.data === 'three') break;
      }
    })();
    await within(gotThree, WAIT_MS, 'three events');
    assert.deepEqual(
      events.map((e) => [e.event, e.id, e.data]),
      [
        ['message', '1', 'one'],
        ['update', '2', 'two\nlines'],
        ['message', '3', 'three'],
      ],
    );
    assert.equal(server.requests.length, 2);
    assert.equal(server.requests[0]!.headers['last-event-id'], undefined);
    assert.equal(server.requests[1]!.headers['last-event-id'], '2');
    // The server's retry: was waited for (minus timer slack), not our 3 s default.
    const gap = server.requests[1]!.at - server.requests[0]!.at;
    assert.ok(gap >= SERVER_RETRY_MS - 10 && gap < DEFAULT_SSE_RETRY_MS, `reconnected after ${gap} ms`);
  });

  test('breaking out of the loop closes the connection; the server sees close', async () => {
    let closed!: Promise<void>;
    const server = track.server(
      await startRawServer((_req, res) => {
        openStream(res, 'text/event-stream');
        closed = new Promise((resolve) => res.on('close', () => resolve()));
        let n = 0;
        // Endless until the client goes away (bounded by the close that the test waits for).
        const timer = setInterval(() => res.write(`id: ${++n}\ndata: ${n}\n\n`), 10);
        res.on('close', () => clearInterval(timer));
      }),
    );
    const client = track.client(new Client(testApi(), { baseUrl: server.origin, logLevel: 'off' }));
    const stream = await client.request<EventStream>(streamOp('sse'));
    let seen = 0;
    for await (const _event of stream) if (++seen === 2) break;
    await within(closed, WAIT_MS, 'server close');
    assert.equal(server.requests.length, 1);
  });

  test('abort() from outside the loop ends it with AbortError and closes the connection', async () => {
    let closed!: Promise<void>;
    const server = track.server(
      await startRawServer((_req, res) => {
        openStream(res, 'text/event-stream');
        closed = new Promise((resolve) => res.on('close', () => resolve()));
        res.write('data: first\n\n');
      }),
    );
    const client = track.client(new Client(testApi(), { baseUrl: server.origin, logLevel: 'off' }));
    const stream = await client.request<EventStream>(streamOp('sse'));
    const reading = (async () => {
      for await (const event of stream) if (event.data === 'first') stream.abort();
    })();
    await assert.rejects(within(reading, WAIT_MS, 'abort'), AbortError);
    await within(closed, WAIT_MS, 'server close');
  });

  test('a POST event stream is not reconnected (the request must not be sent twice)', async () => {
    const server = track.server(
      await startRawServer((_req, res) => {
        openStream(res, 'text/event-stream');
        res.end('retry: 10\nid: 1\ndata: only\n\n');
      }),
    );
    const client = track.client(new Client(testApi(), { baseUrl: server.origin, logLevel: 'off' }));
    const stream = await client.request<EventStream>(streamOp('sse', 'POST'));
    const data: string[] = [];
    await within(
      (async () => {
        for await (const event of stream) data.push(event.data);
      })(),
      WAIT_MS,
      'stream end',
    );
    assert.deepEqual(data, ['only']);
    assert.equal(server.requests.length, 1);
  });
});
