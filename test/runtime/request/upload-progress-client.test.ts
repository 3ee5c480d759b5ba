/**
 * Item 3: `onUploadProgress` on a 5 MB body through the real Client: callbacks rise monotonically
 * to loaded = total, Content-Length is sent, and the server receives exactly the bytes; a retried
 * attempt reports from 0 again.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { Client, type UploadProgressEvent } from '../../../runtime/index.js';
import { ops, testApi } from '../support/api.js';
import { cleanup, sendJson, startRawServer } from '../support/raw-server.js';

/** Big enough for many progress steps (64 KB slices), small enough for a loaded 2-core machine. */
const BODY_BYTES = 5 * 1024 * 1024;
const track = cleanup();
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('upload progress through the client', () => {
  test('5 MB: monotonic callbacks ending at loaded = total; the server gets the exact bytes', async () => {
    const body = randomBytes(BODY_BYTES);
    const server = track.server(
      await startRawServer((_req, res, seen) =>
        sendJson(res, 200, { bytes: seen.body.length, sha: sha(seen.body), length: seen.headers['content-length'] }),
      ),
    );
    const client = track.client(new Client(testApi(), { baseUrl: server.origin, logLevel: 'off' }));
    const events: UploadProgressEvent[] = [];
    const result = await client.request(
      ops.uploadStream,
      { body },
      { onUploadProgress: (event) => events.push(event) },
    );
    assert.deepEqual(result, { bytes: BODY_BYTES, sha: sha(body), length: String(BODY_BYTES) });
    assert.ok(events.length > 10, `only ${events.length} progress events`);
    for (let i = 1; i < events.length; i++) assert.ok(events[i]!.loaded > events[i - 1]!.loaded);
    assert.deepEqual(events.at(-1), { loaded: BODY_BYTES, total: BODY_BYTES });
    assert.ok(events.every((event) => event.total === BODY_BYTES));
  });

  test('a retried attempt starts again from 0 and sends the whole body again', async () => {
    const body = randomBytes(256 * 1024);
    const server = track.server(
      await startRawServer((_req, res, seen, hit) =>
        hit === 1 ? sendJson(res, 503, {}, { 'retry-after-ms': '10' }) : sendJson(res, 200, { sha: sha(seen.body) }),
      ),
    );
    const client = track.client(new Client(testApi(), { baseUrl: server.origin, logLevel: 'off' }));
    const loaded: number[] = [];
    assert.deepEqual(
      await client.request(ops.uploadStream, { body }, { onUploadProgress: (e) => loaded.push(e.loaded) }),
      { sha: sha(body) },
    );
    const restarts = loaded.filter((value, i) => i > 0 && value < loaded[i - 1]!);
    assert.equal(restarts.length, 1);
    assert.equal(loaded.filter((value) => value === body.length).length, 2);
    assert.equal(server.requests[0]!.body.length, body.length);
  });
});
