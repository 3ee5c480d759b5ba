/**
 * Request bodies, sent with undici.request to a real node:http server on 127.0.0.1 that reports
 * back what it received (multipart is parsed with undici's Response#formData, like a server would).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { FormData as UndiciFormData, request, Response } from 'undici';
import type { RequestBodyDescriptor } from '../../../runtime/descriptor.js';
import { buildRequest, fileFromPath, toDispatchBody, type EncodedBody } from '../../../runtime/request/index.js';
import { bodyOp, param, startServer, type TestServer } from '../support/descriptors.js';

interface Received {
  contentType: string | undefined;
  contentLength: string | undefined;
  transferEncoding: string | undefined;
  body: Buffer;
}

let server: TestServer;
let lastReceived: Received;

before(async () => {
  server = await startServer((req, res, body) => {
    lastReceived = {
      contentType: req.headers['content-type'],
      contentLength: req.headers['content-length'],
      transferEncoding: req.headers['transfer-encoding'],
      body,
    };
    res.end('ok');
  });
});
after(() => server.close());

async function send(encoded: EncodedBody | undefined): Promise<Received> {
  assert.ok(encoded, 'expected a body');
  const headers: Record<string, string> = { 'content-type': encoded.contentType };
  if (encoded.length !== undefined) headers['content-length'] = String(encoded.length);
  const response = await request(`${server.url}/upload`, {
    method: 'POST',
    headers,
    body: toDispatchBody(encoded.body),
  });
  await response.body.text();
  return lastReceived;
}

async function formDataOf(received: Received): Promise<FormData> {
  return (await new Response(received.body, {
    headers: { 'content-type': received.contentType ?? '' },
  }).formData()) as unknown as FormData;
}

const json = (extra: Partial<RequestBodyDescriptor> = {}): RequestBodyDescriptor => ({
  mediaType: 'application/json',
  required: false,
  placement: 'flat',
  properties: ['name', 'tag'],
  ...extra,
});

describe('JSON bodies', () => {
  test('flat: picks the body properties out of params and sets Content-Type', async () => {
    const o = bodyOp(json(), [param('dryRun', 'query', 'form', true)]);
    const shaped = buildRequest(o, { name: 'Rex', tag: 'dog', dryRun: true, unknown: 1 });
    assert.equal(shaped.query, 'dryRun=true');
    assert.equal(shaped.headers['content-type'], 'application/json');
    const received = await send(shaped.body);
    assert.equal(received.contentType, 'application/json');
    assert.deepEqual(JSON.parse(received.body.toString()), { name: 'Rex', tag: 'dog' });
    assert.equal(shaped.body?.replayable, true);
    assert.equal(shaped.body?.length, received.body.length);
  });
  test('pre-serialised JSON bytes, Blob or stream are sent as they are', async () => {
    const o = bodyOp(json({ placement: 'body', properties: undefined }));
    for (const value of [Buffer.from('{"a":1}'), new Blob(['{"a":1}']), Readable.from([Buffer.from('{"a":1}')])]) {
      const received = await send(buildRequest(o, { body: value }).body);
      assert.equal(received.contentType, 'application/json');
      assert.equal(received.body.toString(), '{"a":1}');
    }
  });
  test('+json media types keep their type', () => {
    const shaped = buildRequest(bodyOp(json({ mediaType: 'application/merge-patch+json' })), { name: 'a' });
    assert.equal(shaped.body?.contentType, 'application/merge-patch+json');
  });
  test("placement 'body': arrays and primitives under params.body", async () => {
    const o = bodyOp(json({ placement: 'body', properties: undefined }));
    assert.deepEqual(JSON.parse((await send(buildRequest(o, { body: [1, 'two', null] }).body)).body.toString()), [
      1,
      'two',
      null,
    ]);
    assert.equal(buildRequest(o, { body: 'text' }).body?.body, '"text"');
  });
  test('an optional body with nothing given is not sent; a required one is sent as {} (flat) or refused (body)', () => {
    assert.equal(buildRequest(bodyOp(json()), {}).body, undefined);
    assert.equal(buildRequest(bodyOp(json()), {}).headers['content-type'], undefined);
    assert.equal(buildRequest(bodyOp(json({ required: true })), {}).body?.body, '{}');
    assert.throws(() => buildRequest(bodyOp(json({ required: true, placement: 'body' })), {}), {
      name: 'InvalidArgumentError',
      message: /missing required request body/,
    });
  });
  test('unicode is sent as UTF-8 and length counts bytes', async () => {
    const shaped = buildRequest(bodyOp(json()), { name: 'café 🐶' });
    const received = await send(shaped.body);
    assert.equal(JSON.parse(received.body.toString('utf8')).name, 'café 🐶');
    assert.equal(received.contentLength, String(Buffer.byteLength('{"name":"café 🐶"}')));
  });
});

describe('application/x-www-form-urlencoded', () => {
  test('fields serialised with the encoding map; arrays explode by default', async () => {
    const o = bodyOp({
      mediaType: 'application/x-www-form-urlencoded',
      required: true,
      placement: 'flat',
      properties: ['user', 'tags', 'filter', 'meta', 'ids'],
      encoding: {
        filter: { style: 'deepObject', explode: true },
        meta: { contentType: 'application/json' },
        ids: { style: 'form', explode: false },
      },
    });
    const shaped = buildRequest(o, {
      user: 'a b&c',
      tags: ['x', 'y'],
      filter: { k: 'v' },
      meta: { n: 1 },
      ids: [1, 2],
    });
    const received = await send(shaped.body);
    assert.equal(received.contentType, 'application/x-www-form-urlencoded');
    assert.equal(received.body.toString(), 'user=a%20b%26c&tags=x&tags=y&filter[k]=v&meta=%7B%22n%22%3A1%7D&ids=1,2');
    const parsed = new URLSearchParams(received.body.toString());
    assert.equal(parsed.get('user'), 'a b&c');
    assert.deepEqual(parsed.getAll('tags'), ['x', 'y']);
    assert.equal(parsed.get('meta'), '{"n":1}');
  });
  test('URLSearchParams given as body is sent as is', () => {
    const o = bodyOp({ mediaType: 'application/x-www-form-urlencoded', required: true, placement: 'body' });
    assert.equal(buildRequest(o, { body: new URLSearchParams({ a: '1 2' }) }).body?.body, 'a=1+2');
  });
});

describe('text and binary', () => {
  test('text/plain gets an explicit UTF-8 charset', async () => {
    const o = bodyOp({ mediaType: 'text/plain', required: true, placement: 'body' });
    const received = await send(buildRequest(o, { body: 'héllo' }).body);
    assert.equal(received.contentType, 'text/plain; charset=utf-8');
    assert.equal(received.body.toString('utf8'), 'héllo');
  });
  const octet = bodyOp({ mediaType: 'application/octet-stream', required: true, placement: 'body' });
  const bytes = Buffer.from([0, 1, 2, 253, 254, 255]);
  for (const [label, value] of [
    ['Buffer', bytes],
    ['Uint8Array', new Uint8Array(bytes)],
    ['ArrayBuffer', bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)],
    ['Blob', new Blob([bytes])],
  ] as const) {
    test(`octet-stream from a ${label}: exact bytes, replayable, length known`, async () => {
      const shaped = buildRequest(octet, { body: value });
      assert.equal(shaped.body?.replayable, true);
      assert.equal(shaped.body?.length, bytes.length);
      assert.deepEqual((await send(shaped.body)).body, bytes);
      // Replayable means the very same value can be sent again.
      assert.deepEqual((await send(shaped.body)).body, bytes);
    });
  }
  test('octet-stream from a Readable and from an async generator: streamed, not replayable', async () => {
    const readable = buildRequest(octet, { body: Readable.from([Buffer.from('ab'), Buffer.from('cd')]) });
    assert.equal(readable.body?.replayable, false);
    assert.equal(readable.body?.length, undefined);
    const received = await send(readable.body);
    assert.equal(received.body.toString(), 'abcd');
    assert.equal(received.transferEncoding, 'chunked');
    async function* chunks(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('x');
      yield Buffer.from('y');
    }
    const generated = buildRequest(octet, { body: chunks() });
    assert.equal(generated.body?.replayable, false);
    assert.equal((await send(generated.body)).body.toString(), 'xy');
  });
  test('a wildcard media type takes the Blob type, else octet-stream', () => {
    const any = bodyOp({ mediaType: 'image/*', required: true, placement: 'body' });
    assert.equal(buildRequest(any, { body: new Blob(['x'], { type: 'image/png' }) }).body?.contentType, 'image/png');
    assert.equal(buildRequest(any, { body: Buffer.from('x') }).body?.contentType, 'application/octet-stream');
  });
  test('a non-binary value for a binary body is a clear error', () => {
    assert.throws(() => buildRequest(octet, { body: { a: 1 } }), {
      name: 'InvalidArgumentError',
      message: /must be a Blob, File, Buffer.*got Object/,
    });
  });
});

describe('multipart/form-data', () => {
  const upload = bodyOp({
    mediaType: 'multipart/form-data',
    required: true,
    placement: 'flat',
    properties: ['name', 'count', 'meta', 'file', 'photos', 'doc', 'note', 'csv'],
    encoding: { csv: { contentType: 'text/csv' } },
  });
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sdkgen-shaping-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('fields, objects as JSON parts, Buffer/Blob/File/path files; replayable composite Blob', async () => {
    const path = join(dir, 'report.txt');
    await writeFile(path, 'from disk');
    const shaped = buildRequest(upload, {
      name: 'Rex "the" dog',
      count: 3,
      meta: { a: [1] },
      file: Buffer.from('buffer bytes'),
      photos: [new File(['p1'], 'one.png', { type: 'image/png' }), new Blob(['p2'], { type: 'image/jpeg' })],
      doc: await fileFromPath(path, { type: 'text/plain' }),
      csv: 'a,b\n1,2',
    });
    const body = shaped.body;
    assert.ok(body);
    assert.match(body.contentType, /^multipart\/form-data; boundary=sdkgen-[0-9a-f]{32}$/);
    assert.equal(body.replayable, true);
    for (let attempt = 0; attempt < 2; attempt++) {
      const received = await send(body);
      assert.equal(received.contentLength, String(body.length));
      const form = await formDataOf(received);
      assert.equal(form.get('name'), 'Rex "the" dog');
      assert.equal(form.get('count'), '3');
      assert.equal(form.get('meta'), '{"a":[1]}');
      const file = form.get('file') as File;
      assert.equal(file.name, 'file');
      assert.equal(file.type, 'application/octet-stream');
      assert.equal(await file.text(), 'buffer bytes');
      const photos = form.getAll('photos') as File[];
      assert.deepEqual(
        photos.map((p) => [p.name, p.type]),
        [
          ['one.png', 'image/png'],
          ['photos', 'image/jpeg'],
        ],
      );
      assert.equal(await photos[1].text(), 'p2');
      const doc = form.get('doc') as File;
      assert.equal(doc.name, 'report.txt');
      assert.equal(await doc.text(), 'from disk');
      const raw = received.body.toString();
      assert.match(raw, /name="meta"\r\nContent-Type: application\/json\r\n\r\n\{"a":\[1\]\}/);
      assert.match(raw, /name="csv"\r\nContent-Type: text\/csv\r\n\r\na,b\n1,2/);
      assert.match(raw, /name="name"\r\n\r\nRex "the" dog/);
    }
  });

  test('a Readable is a streamed file part; the body is not replayable', async () => {
    const stream = new PassThrough();
    const shaped = buildRequest(upload, { name: 'streamed', file: stream });
    assert.equal(shaped.body?.replayable, false);
    assert.equal(shaped.body?.length, undefined);
    stream.end('streamed content');
    const received = await send(shaped.body);
    assert.equal(received.transferEncoding, 'chunked');
    const form = await formDataOf(received);
    assert.equal(form.get('name'), 'streamed');
    assert.equal(await (form.get('file') as File).text(), 'streamed content');
  });

  test('field names with quotes and newlines cannot forge part headers', async () => {
    const o = bodyOp({ mediaType: 'multipart/form-data', required: true, placement: 'body' });
    const received = await send(buildRequest(o, { body: { 'a"\r\nX-Evil: 1': 'v' } }).body);
    assert.match(received.body.toString(), /name="a%22%0D%0AX-Evil: 1"/);
    assert.doesNotMatch(received.body.toString(), /\r\nX-Evil/);
  });

  test('a FormData built by the caller (undici or global) keeps its entries, order and file names', async () => {
    const o = bodyOp({ mediaType: 'multipart/form-data', required: true, placement: 'body' });
    for (const form of [new UndiciFormData(), new FormData()]) {
      form.append('k', 'v1');
      form.append('f', new Blob(['data'], { type: 'text/plain' }), 'a.txt');
      form.append('k', 'v2');
      const shaped = buildRequest(o, { body: form });
      assert.equal(shaped.body?.replayable, true);
      const parsed = await formDataOf(await send(shaped.body));
      assert.deepEqual(parsed.getAll('k'), ['v1', 'v2']);
      assert.equal((parsed.get('f') as File).name, 'a.txt');
      assert.equal(await (parsed.get('f') as File).text(), 'data');
    }
  });
});

describe('unencodable JSON', () => {
  test('BigInt or a cycle is a clear SdkError naming the operation', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.throws(() => buildRequest(bodyOp(json()), { name: 1n }), {
      name: 'InvalidArgumentError',
      message: /testOp: the request body cannot be encoded as JSON/,
    });
    assert.throws(() => buildRequest(bodyOp(json()), { name: cyclic }), { name: 'InvalidArgumentError' });
  });
});
