/** Server-sent events per the WHATWG rules, chunk boundaries anywhere, parseJson, releasing the source. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { request } from 'undici';
import { ResponseParseError } from '../../../runtime/errors.js';
import { SseDecoder, parseSse, type SseEvent } from '../../../runtime/streams/index.js';
import {
  TrackedSource,
  bytesOf,
  collect,
  splitAt,
  startStreamServer,
  within,
  writeSlowly,
} from '../support/stream-server.js';

const parse = (text: string | string[]): Promise<SseEvent[]> =>
  collect(parseSse(new TrackedSource(typeof text === 'string' ? [text] : text)));

const ev = (data: string, extra: Partial<SseEvent> = {}): SseEvent => ({
  event: 'message',
  data,
  id: undefined,
  retry: undefined,
  ...extra,
});

describe('parseSse: the WHATWG interpretation rules', () => {
  test("multi-line data joined with \\n; event types; the spec's own examples", async () => {
    assert.deepEqual(await parse('data: YHOO\ndata: +2\ndata: 10\n\n'), [ev('YHOO\n+2\n10')]);
    assert.deepEqual(await parse('event: add\ndata: 73857293\n\nevent: remove\ndata: 2153\n\n'), [
      ev('73857293', { event: 'add' }),
      ev('2153', { event: 'remove' }),
    ]);
    // One space after the colon is dropped, a second one is data.
    assert.deepEqual(await parse('data:test\n\ndata: test\n\ndata:  two\n\n'), [ev('test'), ev('test'), ev(' two')]);
  });

  test('comments, id persistence, an empty id resetting it, a field without a colon', async () => {
    const events = await parse(': test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata: third\n\n');
    assert.deepEqual(events, [ev('first event', { id: '1' }), ev('second event'), ev('third')]);
    assert.deepEqual(await parse('id: 7\ndata: a\n\ndata: b\n\n'), [ev('a', { id: '7' }), ev('b', { id: '7' })]);
    // `data` alone is an empty data line; `data\ndata` is "\n"; an event type resets after dispatch.
    assert.deepEqual(await parse('data\n\ndata\ndata\n\nevent: x\n\ndata: y\n\n'), [ev(''), ev('\n'), ev('y')]);
  });

  test('an id containing NUL is ignored; unknown fields are ignored; no data means no event', async () => {
    assert.deepEqual(await parse('id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n'), [
      ev('a', { id: '1' }),
      ev('b', { id: '1' }),
    ]);
    assert.deepEqual(await parse('foo: bar\nevent: only-type\nid: 9\n\n'), []);
  });

  test('retry: digits only set the reconnection time, carried on later events', async () => {
    const decoder = new SseDecoder();
    assert.deepEqual(decoder.push('retry: 1500\n\n'), []);
    assert.equal(decoder.retry, 1500);
    decoder.push('retry: 15x\n\nretry: -1\n\nretry:\n\n');
    assert.equal(decoder.retry, 1500);
    assert.deepEqual(decoder.push('data: a\n\n'), [ev('a', { retry: 1500 })]);
    // An id-only block moves the resume point without an event.
    decoder.push('id: 44\n\n');
    assert.equal(decoder.lastEventId, '44');
  });

  test('CRLF, bare CR and LF line endings, mixed; an unterminated last event is discarded', async () => {
    assert.deepEqual(await parse('data: a\r\ndata: b\r\r\ndata: c\rdata: d\n\n: note\r\ndata: e\r\n\r\ndata: lost'), [
      ev('a\nb'),
      ev('c\nd'),
      ev('e'),
    ]);
  });

  test('one leading BOM is stripped, a second is part of the field name', async () => {
    assert.deepEqual(await parse('\uFEFFdata: a\n\n'), [ev('a')]);
    assert.deepEqual(await parse('\uFEFF\uFEFFdata: a\n\n'), []);
  });

  test('every two-chunk split and one byte per chunk give the same events', async () => {
    const text =
      '\uFEFF: hi\r\nevent: upd\r\nid: é1\r\ndata: {"x":"🦊"}\r\ndata:\r\n\r\nretry: 25\rdata: b\r\rdata: c\n\n';
    const expected = [
      ev('{"x":"🦊"}\n', { event: 'upd', id: 'é1' }),
      ev('b', { id: 'é1', retry: 25 }),
      ev('c', { id: 'é1', retry: 25 }),
    ];
    const bytes = bytesOf(text);
    for (let at = 0; at <= bytes.length; at++) {
      assert.deepEqual(await collect(parseSse(new TrackedSource(splitAt(bytes, [at])))), expected, `split at ${at}`);
    }
    assert.deepEqual(
      await collect(parseSse(new TrackedSource(Array.from(bytes, (b) => new Uint8Array([b]))))),
      expected,
    );
  });
});

describe('parseSse: options and resources', () => {
  test('parseJson parses data; empty data is undefined; the terminator ends the stream and releases the source', async () => {
    const source = new TrackedSource([
      'data: {"a":1}\n\nevent: ping\ndata:\n\ndata: [DONE]\n\ndata: {"after":true}\n\n',
    ]);
    const events = await collect(parseSse<{ a: number }>(source, { parseJson: true, terminator: '[DONE]' }));
    assert.deepEqual(events, [
      { event: 'message', data: { a: 1 }, id: undefined, retry: undefined },
      { event: 'ping', data: undefined, id: undefined, retry: undefined },
    ]);
    assert.equal(source.released, true);
  });

  test('bad JSON data: ResponseParseError naming the event, never its data', async () => {
    await assert.rejects(
      collect(parseSse(new TrackedSource(['data: 1\n\nevent: delta\ndata: {oops PRIVATE\n\n']), { parseJson: true })),
      (error: Error) => {
        assert.ok(error instanceof ResponseParseError);
        assert.match(error.message, /the data of event 2 \("delta"\) is not valid JSON/);
        assert.ok(
          !String(error).includes('PRIVATE') &&
            !JSON.stringify(error).includes('PRIVATE') &&
            !(error.stack ?? '').includes('PRIVATE'),
        );
        return true;
      },
    );
  });

  test('an event larger than maxEventLength fails (many data lines, each short)', async () => {
    const lines = Array.from({ length: 20 }, () => 'data: 0123456789\n').join('');
    assert.equal((await parse([lines, '\n'])).length, 1);
    await assert.rejects(
      collect(parseSse(new TrackedSource([lines, '\n']), { maxEventLength: 100 })),
      /an event is longer than 100 characters/,
    );
  });

  test('breaking out releases the source', async () => {
    const source = new TrackedSource(['data: 1\n\ndata: 2\n\n', 'data: 3\n\n']);
    for await (const event of parseSse(source)) {
      if (event.data === '1') break;
    }
    assert.equal(source.released, true);
  });

  test('over HTTP: awkward chunk boundaries; breaking early closes the connection (the server sees close)', async () => {
    const stream = bytesOf('id: 1\r\ndata: héllo\r\n\r\ndata: line1\rdata: line2\r\r');
    const server = await startStreamServer(async (_req, res, index) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      if (index === 0) {
        // Cut inside "é" (2 bytes), between \r and \n, and right after a lone \r.
        await writeSlowly(res, splitAt(stream, [4, 17, 19, 20, 35]));
        res.end();
        return;
      }
      for (let i = 0; i < 2000 && !res.destroyed; i++)
        await writeSlowly(res, [`: keep-alive\n\ndata: tick ${i}\n\n`], 10);
    });
    try {
      const first = await request(`${server.origin}/events`);
      assert.deepEqual(await collect(parseSse(first.body)), [
        ev('héllo', { id: '1' }),
        ev('line1\nline2', { id: '1' }),
      ]);

      const endless = await request(`${server.origin}/events`);
      const seen: string[] = [];
      for await (const event of parseSse(endless.body)) {
        seen.push(event.data);
        if (seen.length === 2) break;
      }
      assert.deepEqual(seen, ['tick 0', 'tick 1']);
      await within(server.closed(1), 2000, 'server sees the connection close');
    } finally {
      await server.close();
    }
  });
});
