/**
 * Per-file test harness: starts servers and clients and closes them all after the file's tests.
 */
// The runtime's Node entry (undici transport, node:fs uploads, MD5): what a generated SDK's src/index.ts loads first.
import '../../../runtime/node.js';
import { after } from 'node:test';
import { Client, type ClientOptions } from '../../../runtime/index.js';
import { startServer, type Handler, type TestServer } from './server.js';
import { testApi } from './api.js';

export function harness() {
  const servers: TestServer[] = [];
  const clients: Client[] = [];
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all(servers.map((s) => s.close()));
  });
  return {
    /** A server with `handler` and a client pointed at it (logging off unless asked). */
    async setup(handler: Handler, options: ClientOptions = {}) {
      const server = await startServer(handler);
      servers.push(server);
      const client = new Client(testApi(), { baseUrl: server.url, logLevel: 'off', ...options });
      clients.push(client);
      return { server, client };
    },
    track<T extends Client>(client: T): T {
      clients.push(client);
      return client;
    },
    trackServer(server: TestServer): TestServer {
      servers.push(server);
      return server;
    },
  };
}
