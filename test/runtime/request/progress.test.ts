/** Upload progress wrappers, sent to a real server. */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { request } from 'undici';
import {
  buildRequest,
  UPLOAD_PROGRESS_CHUNK_BYTES,
  toDispatchBody,
  withUploadProgress,
  type EncodedBody,
  type UploadProgressEvent,
} from '../../../runtime/request/index.js';
import { bodyOp, startServer, type TestServer } from '../support/descriptors.js';

let server: TestServer;
let received: { length: number; contentLength: string | undefined } = { length: 0, contentLength: undefined };
before(async () => {
  server = await startServer((req, res, body) => {
    received = { length: body.length, contentLength: req.headers['content-length'] };
    res.end();
  });
});
after(() => server.close());

async function sendWithProgress(encoded: EncodedBody): Promise<UploadProgressEvent[]> {
  const events: UploadProgressEvent[] = [];
  const wrapped = withUploadProgress(encoded, (event) => events.push(event));
  const headers: Record<string, string> = { 'content-type': encoded.contentType };
  if (wrapped.contentLength !== undefined) headers['content-length'] = String(wrapped.contentLength);
  const response = await request(`${server.url}/up`, { method: 'POST', headers, body: toDispatchBody(wrapped.body) });
  await response.body.dump();
  return events;
}

const octet = bodyOp({ mediaType: 'application/octet-stream', required: true, placement: 'body' });
const SIZE = UPLOAD_PROGRESS_CHUNK_BYTES * 3 + 100;

describe('withUploadProgress', () => {
  test('bytes: chunked progress up to the total, Content-Length kept, fresh per attempt', async () => {
    const encoded = buildRequest(octet, { body: Buffer.alloc(SIZE, 7) }).body!;
    for (let attempt = 0; attempt < 2; attempt++) {
      const events = await sendWithProgress(encoded);
      assert.deepEqual(
        events.map((e) => e.loaded),
        [1, 2, 3].map((n) => n * UPLOAD_PROGRESS_CHUNK_BYTES).concat(SIZE),
      );
      assert.ok(events.every((e) => e.total === SIZE));
      assert.deepEqual(received, { length: SIZE, contentLength: String(SIZE) });
    }
  });
  test('a multipart Blob body reports up to its exact size', async () => {
    const upload = bodyOp({ mediaType: 'multipart/form-data', required: true, placement: 'body' });
    const encoded = buildRequest(upload, { body: { file: new Blob([Buffer.alloc(SIZE)]) } }).body!;
    const events = await sendWithProgress(encoded);
    assert.equal(events.at(-1)?.loaded, encoded.length);
    assert.equal(received.length, encoded.length);
  });
  test('a stream: total unknown, loaded counts what went out; a throwing callback does not fail the upload', async () => {
    const encoded = buildRequest(octet, { body: Readable.from([Buffer.alloc(10), Buffer.alloc(20)]) }).body!;
    const events = await sendWithProgress(encoded);
    assert.deepEqual(events, [
      { loaded: 10, total: undefined },
      { loaded: 30, total: undefined },
    ]);
    const again = buildRequest(octet, { body: 'abc' }).body!;
    const wrapped = withUploadProgress(again, () => {
      throw new Error('bad progress bar');
    });
    const response = await request(`${server.url}/up`, { method: 'POST', body: toDispatchBody(wrapped.body) });
    await response.body.dump();
    assert.equal(received.length, 3);
  });
});
