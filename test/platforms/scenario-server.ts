/**
 * The loopback API every engine calls (test/platforms/fixtures/platforms.yaml), on 127.0.0.1 with
 * CORS so a browser page from another origin may call it. One server per suite; each response is
 * what a scenario in scenarios.mjs expects.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export const SCENARIO_TOKEN = 'platform-token';
/** What the client-credentials endpoint issues and /secure accepts. */
export const OAUTH_TOKEN = 'oauth-access-token';

export interface ScenarioServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Headers a browser may read from our responses (Retry-After and Link drive retries and pages). */
const EXPOSED_HEADERS = 'link, retry-after, retry-after-ms, x-request-id, content-type';

export async function startScenarioServer(): Promise<ScenarioServer> {
  const seenKeys = new Map<string, number>();
  const server = createServer((req, res) => {
    cors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    route(req, res, seenKeys).catch((error: unknown) => json(res, 500, { message: String(error) }));
  });
  // Slow responses stay open past an aborted call; never let them hold the suite.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  // '*' does not cover Authorization: echo what the preflight asks for.
  res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] ?? '*');
  res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
}

async function route(req: IncomingMessage, res: ServerResponse, seenKeys: Map<string, number>): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const authorized = req.headers.authorization === `Bearer ${SCENARIO_TOKEN}`;
  const petMatch = /^\/pets\/([^/]+)$/.exec(url.pathname);
  if (req.method === 'GET' && petMatch)
    return getPet(res, decodeURIComponent(petMatch[1]!), Number(url.searchParams.get('delayMs') ?? 0), authorized);
  if (req.method === 'POST' && url.pathname === '/pets') {
    const body = JSON.parse((await readAll(req)).toString('utf8')) as { name: string; tag?: string };
    return json(res, 201, {
      id: 'new',
      name: body.name,
      tag: `${body.tag ?? ''}:${req.headers['content-type'] ?? ''}`,
    });
  }
  if (req.method === 'GET' && url.pathname === '/flaky') {
    const key = url.searchParams.get('key') ?? '';
    const attempts = (seenKeys.get(key) ?? 0) + 1;
    seenKeys.set(key, attempts);
    if (attempts === 1) return json(res, 503, { message: 'try again' }, { 'retry-after-ms': '20' });
    return json(res, 200, { attempts });
  }
  if (req.method === 'GET' && url.pathname === '/items')
    return itemsPage(req, res, Number(url.searchParams.get('page') ?? 1));
  if (req.method === 'GET' && url.pathname === '/events') return events(req, res);
  if (req.method === 'POST' && url.pathname === '/files') return upload(req, res);
  if (req.method === 'POST' && url.pathname === '/raw') return json(res, 201, { size: (await readAll(req)).length });
  if (req.method === 'GET' && url.pathname.startsWith('/blobs/')) return blob(res);
  if (req.method === 'GET' && url.pathname === '/export') return ndjson(res);
  if (req.method === 'GET' && url.pathname === '/moved') {
    res.writeHead(302, { location: '/pets/9' }).end();
    return;
  }
  if (req.method === 'GET' && url.pathname === '/compressed') return compressed(res);
  if (req.method === 'POST' && url.pathname === '/oauth/token')
    return json(res, 200, { access_token: OAUTH_TOKEN, token_type: 'Bearer', expires_in: 3600 });
  if (req.method === 'GET' && url.pathname === '/secure') {
    const ok = req.headers.authorization === `Bearer ${OAUTH_TOKEN}`;
    return json(res, ok ? 200 : 401, ok ? { ok } : { message: 'no token' });
  }
  json(res, 404, { message: `no route ${req.method} ${url.pathname}` });
}

function getPet(res: ServerResponse, id: string, delayMs: number, authorized: boolean): void {
  if (id === 'missing') {
    json(res, 404, { message: 'no such pet' });
    return;
  }
  const answer = () => json(res, 200, { id, name: 'Rex', tag: authorized ? 'bearer-ok' : 'no-auth' });
  if (delayMs > 0) setTimeout(answer, delayMs).unref();
  else answer();
}

const PAGES = 3;
const PER_PAGE = 3;

function itemsPage(req: IncomingMessage, res: ServerResponse, page: number): void {
  const items = Array.from({ length: PER_PAGE }, (_, i) => ({ id: (page - 1) * PER_PAGE + i + 1 }));
  const headers: Record<string, string> = {};
  if (page < PAGES) headers.link = `<http://${req.headers.host}/items?page=${page + 1}>; rel="next"`;
  json(res, 200, items, headers);
}

/** Three events, then the stream ends; the client's reconnect (Last-Event-ID) gets 204: the feed is over. */
function events(req: IncomingMessage, res: ServerResponse): void {
  if (req.headers['last-event-id'] !== undefined) {
    res.writeHead(204).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
  let sent = 0;
  const timer = setInterval(() => {
    sent += 1;
    // retry: 10 ms, so the reconnect that learns the feed is over (204) does not wait the default 3 s.
    res.write(`${sent === 1 ? 'retry: 10\n' : ''}id: ${sent}\nevent: tick\ndata: {"n":${sent}}\n\n`);
    if (sent === 3) {
      clearInterval(timer);
      res.end();
    }
  }, 10);
}

async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // undici's multipart parser (Response.formData), so the server checks what a real one reads.
  const form = await new Response(new Uint8Array(await readAll(req)), {
    headers: { 'content-type': req.headers['content-type'] ?? '' },
  }).formData();
  const file = form.get('file');
  if (!(file instanceof Blob)) return json(res, 400, { message: 'no file part' });
  json(res, 201, { title: form.get('title'), fileName: (file as File).name ?? '', size: file.size });
}

/** 256 KiB of a known pattern, in chunks (a binary download the client streams). */
export const BLOB_BYTES = 256 * 1024;

function blob(res: ServerResponse): void {
  const bytes = Buffer.alloc(BLOB_BYTES, 0);
  for (let i = 0; i < bytes.length; i++) bytes[i] = i % 251;
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) });
  res.end(bytes);
}

function ndjson(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  res.end('{"id":1}\n{"id":2}\n{"id":3}\n');
}

function compressed(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
  res.end(gzipSync(JSON.stringify({ id: 'z', name: 'Zipped' })));
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
