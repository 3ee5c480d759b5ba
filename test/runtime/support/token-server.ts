/** A loopback OAuth2 token endpoint for the client-credentials tests: records every request. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TokenRequestSeen {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly form: URLSearchParams;
}

/** `count`: 1-based number of this request since the server started (unaffected by clearing `seen`). */
export type TokenHandler = (seen: TokenRequestSeen, res: ServerResponse, count: number) => void;

export interface TokenServer {
  readonly origin: string;
  readonly seen: TokenRequestSeen[];
  close(): Promise<void>;
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The default: tok-1, tok-2 ... valid for an hour. */
export const issueTokens: TokenHandler = (_seen, res, count) =>
  json(res, 200, { access_token: `tok-${count}`, token_type: 'Bearer', expires_in: 3600 });

export async function startTokenServer(handler: TokenHandler = issueTokens): Promise<TokenServer> {
  const seen: TokenRequestSeen[] = [];
  let count = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      };
      seen.push(entry);
      handler(entry, res, ++count);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Asserts a secret appears nowhere a log or a crash report would show an error. */
export function leaks(error: unknown, secret: string): boolean {
  const e = error as Error;
  return String(e).includes(secret) || JSON.stringify(e).includes(secret) || (e.stack ?? '').includes(secret);
}
