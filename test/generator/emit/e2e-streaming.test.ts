/**
 * The built SDK of fixtures/streaming.yaml against a real node:http server on 127.0.0.1: the
 * OAuth2 client-credentials token is fetched once and reused, an NDJSON export iterates typed
 * lines, and an SSE feed iterates events; the generated types are the runtime's stream types.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile, generateFixture } from './harness.js';

const TOKEN = 'tok-streaming-e2e';
const CLIENT_SECRET = 's3cr3t-streaming';
const MEASUREMENTS = [
  { sensor: 't1', value: 20.5, at: '2026-01-01T00:00:00Z' },
  { sensor: 't1', value: 21, at: '2026-01-01T00:01:00Z' },
  { sensor: 't1', value: 21.25, at: '2026-01-01T00:02:00Z' },
];

type TelemetryModule = {
  Telemetry: new (
    options: object,
  ) => {
    measurements: {
      export(p: { sensor: string }): Promise<AsyncIterable<{ sensor: string; value: number }>>;
      watch(): Promise<AsyncIterable<{ event: string; data: string; id?: string }>>;
    };
    close(): Promise<void>;
  };
};

describe('e2e: NDJSON and SSE through a built SDK with OAuth2 client credentials', () => {
  let server: Server;
  let baseUrl = '';
  let outDir = '';
  const hits = { token: 0, export: 0, live: 0, unauthorised: 0 };
  let sdk: TelemetryModule;

  before(async () => {
    ({ outDir } = await generateFixture('fixtures/streaming.yaml', 'e2e-streaming', { client: { name: 'Telemetry' } }));
    const built = compile(outDir);
    assert.equal(built.output.trim(), '');
    sdk = (await import(pathToFileURL(join(outDir, 'dist/index.node.js')).href)) as TelemetryModule;
    server = createServer((req, res) => {
      const url = new URL(req.url!, 'http://127.0.0.1');
      // tokenUrl `/oauth/token` is an absolute-path reference: RFC 3986 resolves it against the origin.
      if (url.pathname === '/oauth/token') {
        hits.token++;
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ access_token: TOKEN, token_type: 'Bearer', expires_in: 3600 }));
      }
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        hits.unauthorised++;
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end('{"message":"no"}');
      }
      if (url.pathname === '/api/measurements/export') {
        hits.export++;
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        // Lines split across writes, as a real streaming export does.
        const text = MEASUREMENTS.map((m) => JSON.stringify(m)).join('\n') + '\n';
        res.write(text.slice(0, 17));
        res.write(text.slice(17, 60));
        return res.end(text.slice(60));
      }
      if (url.pathname === '/api/measurements/live') {
        hits.live++;
        // The reconnect after the last event: 204 tells an EventSource-style client the feed is over.
        if (req.headers['last-event-id'] === '2') return res.writeHead(204).end();
        // retry: keeps the one reconnect quick (the default reconnection time is 3 s).
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('retry: 50\nid: 1\nevent: reading\ndata: {"value":1}\n\n');
        res.write(': keep-alive comment\n\nid: 2\nevent: reading\ndata: {"value":2}\n\n');
        return res.end();
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });

  after(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  test('the generated types use the runtime stream types and the OAuth2 credential type', () => {
    const resource = readFileSync(join(outDir, 'src/resources/measurements.ts'), 'utf8');
    assert.match(resource, /ApiPromise<JsonLinesStream<Measurement>>/);
    assert.match(resource, /ApiPromise<EventStream>/);
    const client = readFileSync(join(outDir, 'src/client.ts'), 'utf8');
    assert.match(client, /oauth\?: BearerToken \| OAuth2ClientCredentials;/);
  });

  test('one token serves every call; NDJSON lines and SSE events arrive in order', async () => {
    const telemetry = new sdk.Telemetry({
      baseUrl,
      auth: { oauth: { clientId: 'demo', clientSecret: CLIENT_SECRET } },
    });
    try {
      const values: number[] = [];
      for await (const m of await telemetry.measurements.export({ sensor: 't1' })) values.push(m.value);
      assert.deepEqual(
        values,
        MEASUREMENTS.map((m) => m.value),
      );

      const events: Array<{ event: string; data: string; id?: string }> = [];
      for await (const e of await telemetry.measurements.watch())
        events.push({ event: e.event, data: e.data, id: e.id });
      assert.deepEqual(events, [
        { event: 'reading', data: '{"value":1}', id: '1' },
        { event: 'reading', data: '{"value":2}', id: '2' },
      ]);
      // live: the stream, then one reconnect with Last-Event-ID 2 that the server ends with 204.
      assert.deepEqual(hits, { token: 1, export: 1, live: 2, unauthorised: 0 });
    } finally {
      await telemetry.close();
    }
  });
});
