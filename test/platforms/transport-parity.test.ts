/**
 * What the scenario list does not cover, on both Node transports alike (undici request() and the
 * fetch transport): binary downloads, uploads from a ReadableStream and a Blob, NDJSON, a
 * redirect followed by the engine, a gzip body, middleware, debug logging with the token
 * redacted, and stats.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildScenarioSdk } from './build-sdk.js';
import { BLOB_BYTES, SCENARIO_TOKEN, startScenarioServer, type ScenarioServer } from './scenario-server.js';

interface Binary {
  bytes(): Promise<Uint8Array>;
}
type Call = (params?: object, options?: object) => Promise<unknown>;
interface Sdk {
  Platforms: new (
    options: object,
  ) => {
    pets: Record<string, Call>;
    items: Record<string, Call>;
    files: Record<string, Call>;
    stats(): Record<string, { calls: number; retries: number }>;
    close(): Promise<void>;
  };
}

/** Exchanges that went through the fetch option (proves the fetch run did not use undici request()). */
let fetchCalls = 0;
const countingFetch = (input: string, init: RequestInit) => {
  fetchCalls += 1;
  return globalThis.fetch(input, init);
};

const TRANSPORTS: [string, object][] = [
  ['undici', {}],
  ['fetch', { fetch: countingFetch }],
];

describe('the same behaviour on both Node transports', () => {
  let server: ScenarioServer;
  let sdk: Sdk;
  let op: Record<string, Call>;
  before(async () => {
    const dir = await buildScenarioSdk();
    sdk = (await import(pathToFileURL(join(dir, 'dist', 'index.node.js')).href)) as Sdk;
    op = (await import(pathToFileURL(join(dir, 'dist', 'functions.node.js')).href)) as Record<string, Call>;
    server = await startScenarioServer();
  });
  after(() => server?.close());

  for (const [name, transport] of TRANSPORTS) {
    test(name, async () => {
      const lines: string[] = [];
      const seenByMiddleware: string[] = [];
      const logger = { error: () => {}, warn: () => {}, info: () => {}, debug: (line: string) => lines.push(line) };
      const client = new sdk.Platforms({
        baseUrl: server.url,
        auth: { token: SCENARIO_TOKEN, oauth: { clientId: 'app', clientSecret: 'app-secret' } },
        logLevel: 'debug',
        logger,
        middleware: [
          async (request: { method: string; url: string }, next: (r: unknown) => Promise<{ status: number }>) => {
            const response = await next(request);
            seenByMiddleware.push(`${request.method} ${new URL(request.url).pathname} ${response.status}`);
            return response;
          },
        ],
        ...transport,
      });
      try {
        const download = (await op.downloadBlob!(client, { name: 'a.bin' })) as Binary;
        const bytes = await download.bytes();
        assert.equal(bytes.length, BLOB_BYTES);
        assert.equal(bytes[BLOB_BYTES - 1], (BLOB_BYTES - 1) % 251);

        const chunks = [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])];
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            const next = chunks.shift();
            if (next) controller.enqueue(next);
            else controller.close();
          },
        });
        assert.deepEqual(await op.uploadRaw!(client, { body: stream }), { size: 5 });
        assert.deepEqual(await op.uploadRaw!(client, { body: new Blob(['abcdef']) }), { size: 6 });

        const records: unknown[] = [];
        for await (const record of (await op.exportItems!(client)) as AsyncIterable<unknown>) records.push(record);
        assert.deepEqual(records, [{ id: 1 }, { id: 2 }, { id: 3 }]);

        assert.deepEqual(await op.getMoved!(client), { id: '9', name: 'Rex', tag: 'bearer-ok' });
        assert.deepEqual(await op.getCompressed!(client), { id: 'z', name: 'Zipped' });
        // OAuth2 client credentials: the token request, then the call with the token.
        assert.deepEqual(await op.getSecure!(client), { ok: true });

        assert.ok(
          seenByMiddleware.includes('GET /moved 302') && seenByMiddleware.includes('GET /pets/9 200'),
          seenByMiddleware.join(', '),
        );
        assert.ok(lines.length > 0, 'debug lines were logged');
        assert.ok(!lines.join('\n').includes(SCENARIO_TOKEN), 'the token never reaches a log line');
        assert.equal(client.stats().getCompressed?.calls, 1);
        // download, 2 uploads, export, moved + its redirect, compressed, the token request and secure
        // (the token request goes through the client's transport: here the caller's fetch)
        assert.equal(fetchCalls, name === 'fetch' ? 9 : 0);
      } finally {
        await client.close();
      }
    });
  }
});
