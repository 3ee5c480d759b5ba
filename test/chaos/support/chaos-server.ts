/**
 * The chaos server: one node:http listener on 127.0.0.1 whose every request picks its own fault
 * from the path, `/chaos/<fault>/<run>`. `<run>` isolates one test's (or one soak call's) hits.
 *
 * Every request that reaches the handler is recorded (method, fault, run, idempotency key, body,
 * time) and counted as an *effect* keyed by idempotency key and body: the soak checks that no
 * non-idempotent request was executed twice.
 *
 * Everything is bounded: stalls and drips stop by themselves (MAX_HOLD_MS), timers are cleared
 * when the client goes away, close() destroys every socket.
 *
 * Also here: a TLS server whose certificate comes from a CA nobody trusts, and a TCP listener
 * that accepts and never reads (both count connections).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { CountingListener } from '../../runtime/support/server.js';

export { startBlackHole } from '../../runtime/support/server.js';

export const FAULTS = [
  'ok',
  'slow-headers',
  'drip-body',
  'stall-mid-body',
  'reset-before-headers',
  'reset-mid-body',
  'short-body',
  'bad-chunked',
  '429-seconds',
  '429-date',
  '429-ms',
  '429-none',
  '503-seconds',
  '503-date',
  '503-ms',
  '503-none',
  'html-200',
  'html-502',
  'bad-json',
  'wrong-content-type',
  'redirect-loop',
  '401-then-ok',
] as const;
export type Fault = (typeof FAULTS)[number];

/** Knobs of the faults (ms); tests pick client timeouts around them. */
export interface ChaosTimings {
  /** slow-headers waits this long before answering. */
  readonly slowHeadersMs: number;
  /** drip-body sends one chunk every this many ms ... */
  readonly dripEveryMs: number;
  /** ... at most this many chunks. */
  readonly dripChunks: number;
  /** Retry-After in seconds for *-seconds. */
  readonly retryAfterSeconds: number;
  /** Offset of the HTTP-date for *-date (truncated to the second by the date format). */
  readonly retryAfterDateMs: number;
  /** retry-after-ms for *-ms. */
  readonly retryAfterMs: number;
}

export const DEFAULT_TIMINGS: ChaosTimings = {
  slowHeadersMs: 1_000,
  dripEveryMs: 30,
  dripChunks: 400,
  retryAfterSeconds: 1,
  retryAfterDateMs: 1_500,
  retryAfterMs: 200,
};

/** Nothing the server holds open outlives this (stalls, drips, slow answers). */
const MAX_HOLD_MS = 15_000;

export const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>' +
  '<hr><center>nginx</center>' +
  '<!-- padding so the page is longer than the 200-character snippet -->'.repeat(8) +
  '</body></html>\n';

export interface Hit {
  readonly method: string;
  readonly fault: string;
  readonly run: string;
  readonly idempotencyKey: string | undefined;
  readonly authorization: string | undefined;
  readonly body: string;
  readonly at: number;
}

export interface ChaosServer {
  readonly url: string;
  readonly hits: Hit[];
  /** Hits of one run. */
  hitsOf(run: string): Hit[];
  /** Times each effect (idempotency key + body, for non-GET requests) was executed. */
  readonly effects: Map<string, number>;
  /** Sockets currently open on the server side. */
  openSockets(): number;
  close(): Promise<void>;
}

/**
 * Whether the server did the work behind a request (an *effect*): everything except the answers
 * that refuse before doing any (429, a redirect, a 401). Resets, stalls and 5xx count: the client
 * cannot know how far the server got, which is exactly why it must not repeat a plain POST.
 */
export function executes(fault: string, hitNo: number): boolean {
  if (fault.startsWith('429-') || fault === 'redirect-loop') return false;
  if (fault === '401-then-ok') return hitNo > 1;
  return true;
}

export function effectKey(idempotencyKey: string | undefined, body: string): string {
  return `${idempotencyKey ?? '-'}|${body}`;
}

export async function startChaosServer(timings: ChaosTimings = DEFAULT_TIMINGS): Promise<ChaosServer> {
  const hits: Hit[] = [];
  const byRun = new Map<string, Hit[]>();
  const effects = new Map<string, number>();
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void): NodeJS.Timeout => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
    return timer;
  };
  const cancel = (timer: NodeJS.Timeout | undefined): void => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timers.delete(timer);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 1024 * 1024) chunks.push(c);
    });
    req.on('error', () => {});
    res.on('error', () => {});
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const [, prefix, fault = 'ok', run = '-'] = (req.url ?? '').split('?')[0]!.split('/');
      if (prefix !== 'chaos') {
        res.writeHead(404).end();
        return;
      }
      const header = (name: string): string | undefined => {
        const value = req.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const hit: Hit = {
        method: req.method ?? '',
        fault,
        run,
        idempotencyKey: header('idempotency-key'),
        authorization: header('authorization'),
        body,
        at: performance.now(),
      };
      hits.push(hit);
      let list = byRun.get(run);
      if (list === undefined) {
        list = [];
        byRun.set(run, list);
      }
      list.push(hit);
      if (hit.method !== 'GET' && executes(fault, list.length)) {
        const key = effectKey(hit.idempotencyKey, body);
        effects.set(key, (effects.get(key) ?? 0) + 1);
      }
      serveFault(fault as Fault, req, res, list.length);
    });
  });

  function serveFault(fault: Fault, req: IncomingMessage, res: ServerResponse, hitNo: number): void {
    const socket = req.socket;
    const json = (status: number, value: unknown, headers: Record<string, string> = {}): void => {
      const text = JSON.stringify(value);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        ...headers,
      });
      res.end(text);
    };
    const retryHeaders = (variant: string): Record<string, string> => {
      if (variant === 'seconds') return { 'retry-after': String(timings.retryAfterSeconds) };
      if (variant === 'date') return { 'retry-after': new Date(Date.now() + timings.retryAfterDateMs).toUTCString() };
      if (variant === 'ms') return { 'retry-after-ms': String(timings.retryAfterMs) };
      return {};
    };
    switch (fault) {
      case 'ok':
        json(200, { ok: true, hit: hitNo });
        return;
      case 'slow-headers': {
        const timer = later(timings.slowHeadersMs, () => {
          if (!socket.destroyed) json(200, { ok: true, hit: hitNo });
        });
        socket.once('close', () => cancel(timer));
        return;
      }
      case 'drip-body': {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('[0');
        let sent = 0;
        let timer: NodeJS.Timeout | undefined;
        const drip = (): void => {
          if (socket.destroyed) return;
          if (++sent >= timings.dripChunks) {
            res.end(']');
            return;
          }
          res.write(',0');
          timer = later(timings.dripEveryMs, drip);
        };
        timer = later(timings.dripEveryMs, drip);
        socket.once('close', () => cancel(timer));
        return;
      }
      case 'stall-mid-body': {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"stalled": "');
        const timer = later(MAX_HOLD_MS, () => socket.destroy());
        socket.once('close', () => cancel(timer));
        return;
      }
      case 'reset-before-headers':
        socket.resetAndDestroy();
        return;
      case 'reset-mid-body': {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"partial": "' + 'x'.repeat(100));
        const timer = later(20, () => socket.resetAndDestroy());
        socket.once('close', () => cancel(timer));
        return;
      }
      case 'short-body':
        // Content-Length promises 100 bytes; 7 arrive, then the server closes (FIN, no reset).
        socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"a":1}');
        return;
      case 'bad-chunked':
        socket.end(
          'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n{"a":1}\r\n0\r\n\r\n',
        );
        return;
      case '429-seconds':
      case '429-date':
      case '429-ms':
      case '429-none':
      case '503-seconds':
      case '503-date':
      case '503-ms':
      case '503-none': {
        const [status, variant] = fault.split('-') as [string, string];
        json(Number(status), { error: { message: `chaos ${fault}` } }, retryHeaders(variant));
        return;
      }
      case 'html-200':
      case 'html-502':
        res.writeHead(fault === 'html-200' ? 200 : 502, {
          'content-type': 'text/html; charset=utf-8',
          'content-length': Buffer.byteLength(HTML_PAGE),
        });
        res.end(HTML_PAGE);
        return;
      case 'bad-json':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '10' });
        res.end('{"id": 1, ');
        return;
      case 'wrong-content-type':
        // JSON labelled as text/plain (a misconfigured server): parsed, as requests' .json() would.
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(JSON.stringify({ ok: true, hit: hitNo }));
        return;
      case 'redirect-loop':
        res.writeHead(307, { location: req.url ?? '/', 'content-length': '0' });
        res.end();
        return;
      case '401-then-ok':
        if (hitNo === 1)
          json(401, { error: { message: 'token expired' } }, { 'www-authenticate': 'Bearer error="invalid_token"' });
        else json(200, { ok: true, hit: hitNo });
        return;
      default:
        json(400, { error: { message: `unknown fault ${String(fault)}` } });
    }
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    hitsOf: (run) => byRun.get(run) ?? [],
    effects,
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An HTTPS server with the given certificate; counts TLS connections and requests. */
export async function startTlsServer(cert: string, key: string): Promise<CountingListener & { requests(): number }> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  let requests = 0;
  const server = https.createServer({ cert, key }, (_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  server.on('connection', (socket: net.Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    connections: () => connections,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
