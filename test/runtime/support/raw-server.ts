/**
 * Shared pieces for the wiring tests: a loopback node:http server that keeps each request's raw
 * body bytes (the core harness decodes bodies as UTF-8, which binary uploads do not survive), and
 * per-file cleanup of servers and clients.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after } from 'node:test';
import type { Client } from '../../../runtime/index.js';

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
  /** performance.now() when the request's body had arrived. */
  readonly at: number;
}

export type RawHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  seen: SeenRequest,
  hit: number,
) => void | Promise<void>;

export interface RawServer {
  readonly origin: string;
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startRawServer(handler: RawHandler): Promise<RawServer> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
        at: performance.now(),
      };
      requests.push(seen);
      Promise.resolve(handler(req, res, seen, requests.length)).catch((error: unknown) => res.destroy(error as Error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Closes every server and client a test file registered, after its tests. */
export function cleanup() {
  const closers: Array<() => Promise<void>> = [];
  after(async () => {
    await Promise.all(closers.map((close) => close()));
  });
  return {
    server<T extends RawServer | { close(): Promise<void> }>(server: T): T {
      closers.push(() => server.close());
      return server;
    },
    client<T extends Client>(client: T): T {
      closers.push(() => client.close());
      return client;
    },
  };
}

/** `promise`, or a rejection after `ms` (keeps a hung test bounded). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
