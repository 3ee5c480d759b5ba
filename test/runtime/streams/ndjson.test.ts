/** NDJSON parsing: chunk boundaries anywhere, CRLF, blank lines, errors by line number, releasing the source. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { request } from 'undici';
import { ResponseParseError } from '../../../runtime/errors.js';
import { parseNdjson } from '../../../runtime/streams/index.js';
import {
  TrackedSource,
  bytesOf,
  collect,
  splitAt,
  startStreamServer,
  within,
  writeSlowly,
} from '../support/stream-server.js';

const INPUT = '{"id":1,"name":"crème"}\r\n\n  \n[1,2,{"emoji":"🦊"}]\n"text"\r\n42\nnull\n{"last":true}';
const EXPECTED = [{ id: 1, name: 'crème' }, [1, 2, { emoji: '🦊' }], 'text', 42, null, { last: true }];

describe('parseNdjson', () => {
  test('every two-chunk split (inside multi-byte characters and between \\r and \\n) gives the same values', async () => {
    const bytes = bytesOf(INPUT);
    for (let at = 0; at <= bytes.length; at++) {
      assert.deepEqual(await collect(parseNdjson(new TrackedSource(splitAt(bytes, [at])))), EXPECTED, `split at ${at}`);
    }
  });

  test('one byte per chunk, and a leading BOM', async () => {
    const bytes = bytesOf(`\uFEFF${INPUT}`);
    const chunks = Array.from(bytes, (b) => new Uint8Array([b]));
    assert.deepEqual(await collect(parseNdjson(new TrackedSource(chunks))), EXPECTED);
  });

  test('a malformed line: ResponseParseError with its line number, without quoting the line', async () => {
    const source = new TrackedSource(['{"a":1}\n\n{"b": SECRET-ish-line-content\n{"c":3}\n']);
    const seen: unknown[] = [];
    await assert.rejects(
      (async () => {
        for await (const value of parseNdjson(source, {
          context: { method: 'GET', url: 'https://api.example.com/export' },
        }))
          seen.push(value);
      })(),
      (error: Error) => {
        assert.ok(error instanceof ResponseParseError);
        assert.match(error.message, /^NDJSON line 3 is not valid JSON \(\d+ characters\)$/);
        assert.equal(error.url, 'https://api.example.com/export');
        for (const text of [String(error), JSON.stringify(error), error.stack ?? ''])
          assert.ok(!text.includes('SECRET-ish'));
        return true;
      },
    );
    assert.deepEqual(seen, [{ a: 1 }]);
    assert.equal(source.released, true);
  });

  test('a line beyond maxLineLength fails instead of growing memory', async () => {
    const source = new TrackedSource(['{"a":1}\n', '"', 'x'.repeat(40), 'x'.repeat(40)]);
    await assert.rejects(
      collect(parseNdjson(source, { maxLineLength: 64 })),
      /NDJSON line 2 is longer than 64 characters/,
    );
  });

  test('breaking out of the loop releases the source', async () => {
    const source = new TrackedSource(['1\n2\n', '3\n4\n', '5\n']);
    for await (const value of parseNdjson(source)) {
      if (value === 2) break;
    }
    assert.equal(source.released, true);
    assert.equal(source.pulled, 1);
  });

  test('over HTTP: chunked writes split mid-character and mid-CRLF; breaking early closes the connection', async () => {
    const body = bytesOf('{"n":"é"}\r\n{"n":2}\r\n');
    const server = await startStreamServer(async (_req, res, index) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      if (index === 0) {
        // "é" is 2 bytes: cut after its first byte, and between \r and \n.
        await writeSlowly(res, splitAt(body, [7, 10, 11]));
        res.end();
        return;
      }
      // An endless export: the client must hang up.
      for (let i = 0; i < 2000 && !res.destroyed; i++) await writeSlowly(res, [`{"tick":${i}}\n`], 10);
    });
    try {
      const whole = await request(`${server.origin}/export`);
      assert.deepEqual(await collect(parseNdjson(whole.body)), [{ n: 'é' }, { n: 2 }]);

      const endless = await request(`${server.origin}/export`);
      const ticks: unknown[] = [];
      for await (const value of parseNdjson(endless.body)) {
        ticks.push(value);
        if (ticks.length === 3) break;
      }
      assert.deepEqual(ticks, [{ tick: 0 }, { tick: 1 }, { tick: 2 }]);
      await within(server.closed(1), 2000, 'server sees the connection close');
    } finally {
      await server.close();
    }
  });
});
