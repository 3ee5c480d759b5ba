/**
 * The fetch transport on Node: response bodies become Node Readables (Readable.fromWeb), the
 * body type every reader of the Node runtime takes. Used when the caller passes `fetch` (a mock,
 * an instrumented fetch, undici's own) instead of the default undici request() transport.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { fetchTransport, type FetchFunction } from './fetch.js';
import type { Transport } from './types.js';

export function nodeFetchTransport(fetch: FetchFunction): Transport {
  return fetchTransport({
    fetch,
    adaptBody: (body) => Readable.fromWeb(body as unknown as NodeWebStream<Uint8Array>),
    redirect: 'manual',
  });
}
