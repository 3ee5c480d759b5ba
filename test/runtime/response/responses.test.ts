import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync, brotliCompressSync, deflateSync } from 'node:zlib';
import {
  ApiError,
  ApiResponse,
  AuthenticationError,
  BadRequestError,
  BinaryResponse,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  ServiceUnavailableError,
  UnexpectedContentTypeError,
  UnprocessableEntityError,
  InternalServerError,
} from '../../../runtime/index.js';
import { apiErrorForStatus } from '../../../runtime/errors.js';
import { json } from '../support/server.js';
import { ops, testApi } from '../support/api.js';
import { harness } from '../support/harness.js';

const { setup } = harness();

describe('success bodies', () => {
  test('JSON is parsed; 204 and empty bodies are undefined', async () => {
    const { client } = await setup((req, res) => {
      if (req.method === 'DELETE') {
        res.writeHead(204).end();
      } else if (req.url === '/pets/empty') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 0 }).end();
      } else json(res, 200, { name: 'Rex' });
    });
    assert.deepEqual(await client.request(ops.getPet, { petId: '1' }), { name: 'Rex' });
    assert.equal(await client.request(ops.deletePet, { petId: '1' }), undefined);
    assert.equal(await client.request(ops.getPet, { petId: 'empty' }), undefined);
  });

  test('text is decoded by its declared charset', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' });
      res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9])); // "café" in Latin-1
    });
    assert.equal(await client.request(ops.getText), 'café');
  });

  test('an HTML page under 200 is an UnexpectedContentTypeError quoting the first 200 characters', async () => {
    const page = `<html><body>${'Please log in to the captive portal. '.repeat(20)}</body></html>`;
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    const error = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
    assert.ok(error instanceof UnexpectedContentTypeError, String(error));
    assert.equal(error.status, 200);
    assert.equal(error.contentType, 'text/html; charset=utf-8');
    assert.equal(error.bodySnippet, `${page.slice(0, 200)}...`);
  });

  test('malformed JSON is a ResponseParseError', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"name": "Rex"');
    });
    const error = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
    assert.ok(error instanceof ResponseParseError, String(error));
    assert.equal(error.status, 200);
    assert.equal(error.attempts.length, 1);
  });

  test('JSON under text/plain still parses (many APIs mislabel)', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('{"ok":true}');
    });
    assert.deepEqual(await client.request(ops.getPet, { petId: '1' }), { ok: true });
  });

  for (const [coding, encode] of [
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
    ['deflate', deflateSync],
  ] as const) {
    test(`${coding} bodies are decoded transparently; Accept-Encoding offers gzip and br`, async () => {
      const payload = { items: Array.from({ length: 200 }, (_, i) => ({ i, name: `pet ${i}` })) };
      const { server, client } = await setup((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': coding });
        res.end(encode(Buffer.from(JSON.stringify(payload))));
      });
      assert.deepEqual(await client.request(ops.getPet, { petId: '1' }), payload);
      assert.equal(server.requests[0]!.headers['accept-encoding'], 'gzip, br');
    });
  }

  test('errorEnvelope: a 2xx body carrying the envelope is raised as ApiError', async () => {
    const { server } = await setup((_req, res) => json(res, 200, { error: { message: 'quota exceeded', code: 'Q1' } }));
    const { Client } = await import('../../../runtime/index.js');
    const client = new Client(testApi({ errorEnvelope: '$.error' }), { baseUrl: server.url, logLevel: 'off' });
    try {
      const error = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
      assert.ok(error instanceof ApiError, String(error));
      assert.equal(error.status, 200);
      assert.match(error.message, /quota exceeded/);
    } finally {
      await client.close();
    }
  });
});

describe('raw response access', () => {
  test('withResponse() gives data and the response (status, headers, request id)', async () => {
    const { client } = await setup((_req, res) => json(res, 201, { id: 7 }, { 'x-request-id': 'req_123' }));
    const { data, response } = await client.request<{ id: number }>(ops.createPet, { name: 'a' }).withResponse();
    assert.deepEqual(data, { id: 7 });
    assert.ok(response instanceof ApiResponse);
    assert.equal(response.status, 201);
    assert.equal(response.requestId, 'req_123');
    assert.equal(response.header('Content-Type'), 'application/json');
    assert.equal(response.attempts, 1);
  });

  test('asResponse() gives the response with the body still readable', async () => {
    const { client } = await setup((_req, res) => json(res, 200, { id: 7 }));
    const response = await client.request(ops.getPet, { petId: '1' }).asResponse();
    assert.deepEqual(await response.json(), { id: 7 });
    assert.equal(await response.text(), '{"id":7}');
  });

  test('the request id comes from the API-specific header when configured', async () => {
    const { server } = await setup((_req, res) => json(res, 404, {}, { 'x-trace': 'trace-9', 'request-id': 'other' }));
    const { Client } = await import('../../../runtime/index.js');
    const client = new Client(testApi({ requestIdHeader: 'X-Trace' }), { baseUrl: server.url, logLevel: 'off' });
    try {
      const error = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
      assert.ok(error instanceof NotFoundError);
      assert.equal(error.requestId, 'trace-9');
    } finally {
      await client.close();
    }
  });
});

describe('binary responses', () => {
  test('stream chunk by chunk without buffering, and read as text/arrayBuffer', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      let sent = 0;
      const write = (): void => {
        while (sent < 16) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
        res.end();
      };
      write();
    });
    const download = await client.request<BinaryResponse>(ops.download);
    assert.ok(download instanceof BinaryResponse);
    let total = 0;
    let chunks = 0;
    for await (const piece of download) {
      total += piece.byteLength;
      chunks++;
    }
    assert.equal(total, 16 * chunk.length);
    assert.ok(chunks > 1, 'arrived in several chunks');
    assert.throws(() => download.stream(), /already read/);

    const again = await client.request<BinaryResponse>(ops.download);
    const bytes = await again.arrayBuffer();
    assert.equal(bytes.byteLength, 16 * chunk.length);
  });

  test('a stalled download raises ReadTimeoutError to the reader, and frees the slot', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write('partial');
    });
    const started = performance.now();
    const download = await client.request<BinaryResponse>(ops.download, undefined, { timeout: { read: 200 } });
    await assert.rejects(download.text(), (error: Error) => error.name === 'ReadTimeoutError');
    assert.ok(performance.now() - started < 200 + 50 + 50);
  });
});

describe('error mapping', () => {
  const cases: Array<[number, new (...args: never[]) => ApiError]> = [
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, ServiceUnavailableError],
    [599, InternalServerError],
  ];
  test('every non-2xx raises its typed ApiError with status, body, headers, method and url', async () => {
    const { client } = await setup((req, res) => {
      const status = Number(req.url!.split('/').pop());
      json(
        res,
        status,
        { error: { message: `status ${status}` } },
        { 'x-request-id': `r${status}`, 'x-should-retry': 'false' },
      );
    });
    for (const [status, ctor] of cases) {
      const error = await client.request(ops.getPet, { petId: String(status) }).catch((e: unknown) => e);
      assert.ok(error instanceof ctor, `${status}: ${String(error)}`);
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, status);
      assert.deepEqual(error.body, { error: { message: `status ${status}` } });
      assert.equal(error.requestId, `r${status}`);
      assert.equal(error.headers['content-type'], 'application/json');
      assert.equal(error.method, 'GET');
      assert.match(error.url, new RegExp(`/pets/${status}$`));
      assert.equal(error.name, ctor.name);
    }
  });

  test('a text error body is kept as text, capped', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/plain', 'x-should-retry': 'false' });
      res.end('x'.repeat(200_000));
    });
    const error = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(typeof error.body, 'string');
    assert.ok((error.body as string).length < 70_000);
    assert.match(error.body as string, /truncated/);
  });

  test('apiErrorForStatus picks the most specific class', () => {
    const init = { headers: {}, body: undefined, method: 'GET', url: 'https://x' };
    assert.ok(apiErrorForStatus({ ...init, status: 429 }) instanceof RateLimitError);
    assert.ok(apiErrorForStatus({ ...init, status: 503 }) instanceof ServiceUnavailableError);
    assert.ok(apiErrorForStatus({ ...init, status: 507 }) instanceof InternalServerError);
    assert.equal(apiErrorForStatus({ ...init, status: 418 }).constructor, ApiError);
  });
});

describe('decoding by the Content-Type that arrived', () => {
  test('a binary media type where JSON was declared streams as a BinaryResponse', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-gzip' });
      res.end(gzipSync(Buffer.from('tarball')));
    });
    const data = await client.request<unknown>(ops.getPet, { petId: '1' });
    assert.ok(data instanceof BinaryResponse);
    assert.equal((await data.bytes()).byteLength > 0, true);
  });

  test('a raw text media type where JSON was declared comes back as text; asResponse never parses', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.github.v3.raw; charset=utf-8' });
      res.end('# hello-world\n');
    });
    assert.equal(await client.request(ops.getPet, { petId: '1' }), '# hello-world\n');
    const response = await client.request(ops.getPet, { petId: '1' }).asResponse();
    assert.equal(await response.text(), '# hello-world\n');
  });

  test('a body where the spec declared none is decoded by its Content-Type', async () => {
    const { client } = await setup((_req, res) => json(res, 200, { url: '/get' }));
    const op = { ...ops.getPet, response: { success: [{ status: '200', kind: 'empty' as const }] } };
    assert.deepEqual(await client.request(op, { petId: '1' }), { url: '/get' });
  });

  test('asResponse() on an HTML page resolves; awaiting the data raises UnexpectedContentTypeError', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>login</html>');
    });
    const call = client.request(ops.getPet, { petId: '1' });
    const response = await call.asResponse();
    assert.equal(await response.text(), '<html>login</html>');
    await assert.rejects(call, UnexpectedContentTypeError);
  });
});

describe('binary responses and the caller signal', () => {
  test('aborting an unread download releases it without an uncaught error', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write('partial');
    });
    const controller = new AbortController();
    const download = await client.request<BinaryResponse>(ops.download, undefined, {
      signal: controller.signal,
      retry: { maxRetries: 0 },
    });
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await assert.rejects(download.text(), (error: Error) => error.name === 'AbortError');
  });
});
