/**
 * Real loopback servers for the runtime tests: node:http on 127.0.0.1, port 0, closed by the
 * test. Every request is recorded (method, url, headers, body) so tests can count hits and
 * compare what each attempt carried.
 */
// The runtime's Node entry (undici transport, node:fs uploads, MD5): what a generated SDK's src/index.ts loads first.
import '../../../runtime/node.js';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, hit: number, body: string) => void | Promise<void>;

export interface TestServer {
  readonly url: string;
  readonly origin: string;
  readonly requests: RecordedRequest[];
  readonly server: http.Server;
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        at: performance.now(),
      });
      Promise.resolve(handler(req, res, requests.length, body)).catch((error: unknown) => {
        res.destroy(error as Error);
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    origin,
    requests,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Counts connections; answers (the chaos TLS server) or never reads a byte (startBlackHole). */
export interface CountingListener {
  readonly url: string;
  connections(): number;
  close(): Promise<void>;
}

/** Accepts TCP connections and never reads from them (nor writes). */
export async function startBlackHole(scheme: 'http' | 'https' = 'http'): Promise<CountingListener> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer({ pauseOnConnect: true }, (socket) => {
    count++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A TCP listener that accepts and never says a word: TLS to it never completes (connect timeout). */
export async function startSilentTcp(): Promise<{ port: number; close(): Promise<void> }> {
  const hole = await startBlackHole();
  return { port: Number(new URL(hole.url).port), close: hole.close };
}

/** A port nothing listens on (bound then released): connections are refused. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
