/**
 * Node only (installed by runtime/node.ts). One HTTP exchange on the pool: `dispatcher.request()` (never fetch: 3-4x the CPU per call),
 * resolved at response headers, body decompressed as a stream. No policy here: timeouts,
 * retries and redirects live in policies/.
 */
import type { Dispatcher } from 'undici';
import type { AbortSwitch, IncomingResponse, OutgoingRequest, Target, Transport } from './types.js';
import { decodeContentEncoding } from './decompress.js';
import { targetOf } from './target.js';

export type { Target };

/** The Node transport: undici's `request()` over the client's own pool (dispatcher.ts). */
export function undiciTransport(dispatcher: Dispatcher): Transport {
  return (request, target, abort) => send(dispatcher, request, target, abort);
}

/**
 * @param abort  the attempt's abort switch (undici takes an EventEmitter-shaped signal; cheaper
 *               than the AbortSignal middleware sees, which mirrors it)
 */
export async function send(
  dispatcher: Dispatcher,
  request: OutgoingRequest,
  target: Target,
  abort: AbortSwitch,
): Promise<IncomingResponse> {
  // Middleware may have rewritten the URL; only then is it parsed again.
  const where = request.url === target.url ? target : targetOf(request.url);
  const response = await dispatcher.request({
    origin: where.origin,
    path: where.path,
    method: request.method as Dispatcher.HttpMethod,
    headers: request.headers,
    body: request.body as Dispatcher.DispatchOptions['body'],
    signal: abort as unknown as Dispatcher.RequestOptions['signal'],
    // Our own timers bound every phase (see dispatcher.ts); 0 turns undici's coarse ones off.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  const noBody = request.method === 'HEAD' || response.statusCode === 204 || response.statusCode === 304;
  return {
    status: response.statusCode,
    headers: response.headers,
    body: noBody ? response.body : decodeContentEncoding(response.body, response.headers['content-encoding']),
    url: where.url,
  };
}
