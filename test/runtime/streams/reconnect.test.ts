/** reconnectingEventStream against real servers: Last-Event-ID, the server's retry:, bounds, abort, release. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { request, type Dispatcher } from 'undici';
import { AbortError, ConnectionError, NotFoundError, ServiceUnavailableError } from '../../../runtime/errors.js';
import { isReconnectable, reconnectingEventStream, type OpenEventStream } from '../../../runtime/streams/index.js';
import { collect, startStreamServer, within, writeSlowly, type StreamServer } from '../support/stream-server.js';

/** What a client's open() does: GET with Last-Event-ID, non-2xx raised (as the client would, as ApiError). */
function opener(server: StreamServer | string, path = '/events'): OpenEventStream {
  const origin = typeof server === 'string' ? server : server.origin;
  return async (lastEventId) => {
    let response: Dispatcher.ResponseData;
    try {
      response = await request(`${origin}${path}`, {
        headers: lastEventId === undefined ? {} : { 'last-event-id': lastEventId },
      });
    } catch (error) {
      throw new ConnectionError('connection failed', { systemCode: (error as { code?: string }).code, cause: error });
    }
    if (response.statusCode === 404 || response.statusCode === 503) {
      await response.body.dump();
      const init = {
        status: response.statusCode,
        headers: {},
        body: undefined,
        method: 'GET',
        url: `${origin}${path}`,
      };
      throw response.statusCode === 404 ? new NotFoundError(init) : new ServiceUnavailableError(init);
    }
    return response.body;
  };
}

describe('reconnectingEventStream', () => {
  test("reconnects after a cut connection and after a normal end, with Last-Event-ID, waiting the server's retry:", async () => {
    const server = await startStreamServer(async (_req, res, index) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (index === 0) {
        await writeSlowly(res, ['retry: 40\nid: 1\ndata: a\n\n', 'data: half-an-ev']);
        res.socket?.destroy(); // cut mid-event: the partial event is discarded
      } else if (index === 1) {
        await writeSlowly(res, ['id: 2\ndata: b\n\n']);
        res.end();
      } else {
        res.end('data: c\n\ndata: [DONE]\n\n');
      }
    });
    try {
      const started = performance.now();
      // retryMs 5000 would blow the test's budget: only the server's retry: 40 keeps it short.
      const events = await collect(reconnectingEventStream(opener(server), { retryMs: 5000, terminator: '[DONE]' }));
      const elapsed = performance.now() - started;
      assert.deepEqual(
        events.map((e) => [e.data, e.id]),
        [
          ['a', '1'],
          ['b', '2'],
          ['c', '2'],
        ],
      );
      assert.deepEqual(
        server.requests.map((r) => r.headers['last-event-id']),
        [undefined, '1', '2'],
      );
      assert.ok(elapsed >= 75 && elapsed < 2000, `two reconnects after retry: 40 took ${elapsed} ms`);
    } finally {
      await server.close();
    }
  });

  test('gives up after maxReconnects in a row without an event (a normal end returns, a failure throws)', async () => {
    const server = await startStreamServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(': nothing today\n\n');
    });
    try {
      assert.deepEqual(await collect(reconnectingEventStream(opener(server), { retryMs: 5, maxReconnects: 2 })), []);
      assert.equal(server.requests.length, 3);
    } finally {
      await server.close();
    }
    // The port is closed now: every open() fails with a ConnectionError.
    await assert.rejects(
      collect(reconnectingEventStream(opener(server.origin), { retryMs: 5, maxReconnects: 2 })),
      (error: Error) => error instanceof ConnectionError,
    );
  });

  test('an event resets the count: a stream that delivers between drops keeps going', async () => {
    const server = await startStreamServer((_req, res, index) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(index < 4 ? `id: ${index}\ndata: n${index}\n\n` : 'data: [DONE]\n\n');
    });
    try {
      const events = await collect(
        reconnectingEventStream(opener(server), { retryMs: 5, maxReconnects: 1, terminator: '[DONE]' }),
      );
      assert.deepEqual(
        events.map((e) => e.data),
        ['n0', 'n1', 'n2', 'n3'],
      );
    } finally {
      await server.close();
    }
  });

  test('what is not worth a reconnect is raised at once: a 404, a parse error', async () => {
    const server = await startStreamServer((req, res) => {
      if (req.url === '/missing') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('data: {not json\n\n');
    });
    try {
      await assert.rejects(
        collect(reconnectingEventStream(opener(server, '/missing'), { retryMs: 5 })),
        (error: Error) => error instanceof NotFoundError,
      );
      await assert.rejects(
        collect(reconnectingEventStream(opener(server), { retryMs: 5, parseJson: true })),
        /not valid JSON/,
      );
      assert.equal(server.requests.length, 2);
    } finally {
      await server.close();
    }
    assert.equal(
      isReconnectable(
        new ServiceUnavailableError({ status: 503, headers: {}, body: undefined, method: 'GET', url: 'x' }),
      ),
      true,
    );
    assert.equal(isReconnectable(new TypeError('terminated')), true);
  });

  test('breaking out closes the connection; abort ends a quiet stream promptly with AbortError', async () => {
    const server = await startStreamServer(async (_req, res, index) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (index === 0) {
        for (let i = 0; i < 2000 && !res.destroyed; i++) await writeSlowly(res, [`data: ${i}\n\n`], 10);
      } else {
        res.write('data: first\n\n'); // then silence
      }
    });
    try {
      for await (const event of reconnectingEventStream(opener(server), { retryMs: 5 })) {
        if (event.data === '2') break;
      }
      await within(server.closed(0), 2000, 'server sees the first connection close');

      const controller = new AbortController();
      const seen: string[] = [];
      const started = performance.now();
      await assert.rejects(
        (async () => {
          for await (const event of reconnectingEventStream(opener(server), {
            retryMs: 5,
            signal: controller.signal,
          })) {
            seen.push(event.data);
            setTimeout(() => controller.abort(), 50);
          }
        })(),
        (error: Error) => error instanceof AbortError,
      );
      assert.deepEqual(seen, ['first']);
      assert.ok(performance.now() - started < 1000);
      await within(server.closed(1), 2000, 'server sees the aborted connection close');
    } finally {
      await server.close();
    }
  });
});
