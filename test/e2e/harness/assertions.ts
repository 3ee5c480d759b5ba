/** Checks shared by the e2e suites: loopback-only listeners, a server really gone after stop(). */
import assert from 'node:assert/strict';
import { request } from 'undici';
import { listeningSockets, processGroupPids, wildcardListenersOf } from './process.js';

/** The server's process group listens on `port` at 127.0.0.1 and on no wildcard address. */
export function assertLoopbackOnly(pgid: number, port: number): void {
  const pids = processGroupPids(pgid);
  assert.ok(pids.length > 0, `no process left in group ${pgid}`);
  const wildcard = wildcardListenersOf(pids);
  assert.deepEqual(wildcard, [], `server listens on all interfaces: ${JSON.stringify(wildcard)}`);
  const mine = listeningSockets().filter((s) => s.port === port);
  assert.ok(mine.length > 0, `nothing listens on port ${port}`);
  for (const socket of mine) assert.equal(socket.address, '127.0.0.1', `port ${port} bound to ${socket.address}`);
}

/** After stop(): nothing in the process group and the port refuses connections. */
export async function assertStopped(pgid: number, baseUrl: string): Promise<void> {
  assert.deepEqual(processGroupPids(pgid), [], `process group ${pgid} still alive after stop()`);
  await assert.rejects(
    request(baseUrl, { headersTimeout: 2_000 }),
    (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
    `${baseUrl} still accepts connections after stop()`,
  );
}
