/**
 * The web page the browser suite loads: an HTML shell and the bundled script, on 127.0.0.1 on a
 * port of its own, so the page's origin differs from the scenario API's and every call is a real
 * cross-origin request (preflight, exposed headers).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  readonly url: string;
  close(): Promise<void>;
}

const PAGE_HTML =
  '<!doctype html><meta charset="utf-8"><title>sdkgen scenarios</title><script type="module" src="/app.js"></script>';

/** Serves `/` (the shell) and `/app.js` (the bundle at scriptPath, read once). */
export async function startPageServer(scriptPath: string): Promise<PageServer> {
  const script = readFileSync(scriptPath);
  const server: Server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE_HTML);
    else if (req.url === '/app.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
