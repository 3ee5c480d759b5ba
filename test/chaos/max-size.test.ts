/**
 * Huge bodies: a buffered (JSON/text) 2xx body larger than `maxResponseBytes` fails with
 * ResponseTooLargeError instead of being held in memory whole; announced sizes fail before
 * reading, chunked ones as soon as the limit is crossed. Not retried (the next answer would be as large).
 */
// The runtime's Node entry (the undici transport), as a generated package's Node entry loads it.
import '../../runtime/node.js';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { Client, ResponseTooLargeError, type ClientOptions } from '../../runtime/index.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../runtime/index.js';
import type { Handler, TestServer } from '../runtime/support/server.js';
import { harness } from '../runtime/support/harness.js';
import { ops, testApi } from '../runtime/support/api.js';

const files = harness();

/** A server with `handler` and a client pointed at it, with this file's short timeouts. */
function setup(handler: Handler, options: ClientOptions = {}): Promise<{ server: TestServer; client: Client }> {
  return files.setup(handler, { timeout: { read: 2_000, total: 5_000 }, ...options });
}

/** Streams `total` bytes of a JSON array in 64 KiB chunks, chunked or with a Content-Length; counts what it wrote. */
function bigJson(total: number, announce: boolean): Handler & { written: () => number } {
  let written = 0;
  const handler: Handler = (_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(announce ? { 'content-length': String(total) } : {}),
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = (): void => {
      while (written < total) {
        const piece = written + chunk.length <= total ? chunk : chunk.subarray(0, total - written);
        written += piece.length;
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('error', () => {});
    res.socket?.on('close', () => res.removeAllListeners('drain'));
    pump();
  };
  return Object.assign(handler, { written: () => written });
}

describe('maxResponseBytes', () => {
  test('the default is a named constant (64 MiB)', () => {
    assert.equal(DEFAULT_MAX_RESPONSE_BYTES, 64 * 1024 * 1024);
  });

  test('a Content-Length above the limit fails before the body is read; 1 hit, not retried', async () => {
    const handler = bigJson(8 * 1024 * 1024, true);
    const { server, client } = await setup(handler, { maxResponseBytes: 1024 * 1024 });
    const error = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
    assert.ok(error instanceof ResponseTooLargeError, String(error));
    assert.equal(error.limitBytes, 1024 * 1024);
    assert.match(error.message, /larger than maxResponseBytes \(1048576 bytes\)/);
    assert.equal(server.requests.length, 1);
  });

  test('a chunked body crossing the limit fails as soon as it does; the rest is not downloaded', async () => {
    const handler = bigJson(64 * 1024 * 1024, false);
    const { client } = await setup(handler, { maxResponseBytes: 1024 * 1024 });
    const error = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
    assert.ok(error instanceof ResponseTooLargeError, String(error));
    assert.ok(
      handler.written() < 16 * 1024 * 1024,
      `server wrote ${handler.written()} bytes before the client hung up`,
    );
  });

  test('per call: a call may raise or lower the limit', async () => {
    const { client } = await setup(bigJson(2 * 1024 * 1024 + 2, false), { maxResponseBytes: 1024 * 1024 });
    const error = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
    assert.ok(error instanceof ResponseTooLargeError);
    const ok = await client.request(ops.getText, {}, { maxResponseBytes: 4 * 1024 * 1024 }).catch((e: unknown) => e);
    assert.equal(typeof ok, 'string');
  });

  test('a decompression bomb (16 MiB of zeros, gzip) stops at the limit of the decoded size', async () => {
    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024));
    const { client } = await setup(
      (_req, res) => {
        res
          .writeHead(200, {
            'content-type': 'application/json',
            'content-encoding': 'gzip',
            'content-length': bomb.length,
          })
          .end(bomb);
      },
      { maxResponseBytes: 1024 * 1024 },
    );
    const error = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
    assert.ok(error instanceof ResponseTooLargeError, String(error));
    assert.ok(bomb.length < 1024 * 1024, 'the compressed body itself is small');
  });

  test('binary responses stream and are not limited', async () => {
    const { client } = await setup(bigJson(3 * 1024 * 1024, true), { maxResponseBytes: 1024 * 1024 });
    const binary = (await client.request(ops.download, {})) as { arrayBuffer(): Promise<ArrayBuffer> };
    assert.equal((await binary.arrayBuffer()).byteLength, 3 * 1024 * 1024);
  });

  test('a body exactly at the limit is fine', async () => {
    const { client } = await setup(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(`"${'a'.repeat(1022)}"`);
      },
      { maxResponseBytes: 1024 },
    );
    assert.equal(((await client.request(ops.getPet, { petId: '1' })) as string).length, 1022);
  });

  test('invalid limits are refused at construction', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => new Client(testApi(), { maxResponseBytes: bad }), /maxResponseBytes/);
    }
  });
});
