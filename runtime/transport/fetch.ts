/**
 * The fetch transport: one HTTP exchange through the platform's `fetch` (browsers, Deno, Bun,
 * workerd) or one the caller passes as the `fetch` option. It is the bottom layer of the same
 * engine as the Node transport (send.ts): retries, timeouts, auth, redirects and logging all live
 * above it, so both transports behave alike. No Node module is imported here.
 *
 * What fetch cannot do, and how this file copes:
 * - no connect phase: the connect timeout folds into the read timeout (the read timer starts
 *   when the request is handed to fetch, so it bounds connecting too);
 * - decompression is the platform's (fetch always decodes gzip/br/deflate);
 * - in a browser, redirects are followed by the browser (`redirect: 'manual'` there yields an
 *   opaque status-0 response), so a browser transport is made with `redirect: 'follow'`.
 */
import type { AbortSwitch, IncomingResponse, OutgoingRequest, Target, Transport } from './types.js';
import { iterableToWebStream, webStreamBody } from './body-source.js';

/** The one fetch signature the transport needs (the platform's, undici's or a test double). */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export interface FetchTransportOptions {
  /** The fetch to call; the platform's when absent (looked up per call: tests may replace it). */
  readonly fetch?: FetchFunction | undefined;
  /** 'manual' where the engine follows redirects itself (Node, Deno, Bun, workerd); browsers: 'follow'. */
  readonly redirect: 'manual' | 'follow';
  /**
   * Whether this fetch can send a ReadableStream body; when it cannot, a stream body is read into
   * a Blob first. Browsers only (platformStreamsRequests); elsewhere fetch streams them.
   */
  readonly streamsRequests?: () => boolean;
}

/**
 * Firefox cannot send a ReadableStream body (it sends the text "[object ReadableStream]") and
 * Safari refuses one; Chromium can (over HTTP/2). Detected once, with the test Chrome's
 * documentation gives: a fetch that supports request streams reads `duplex` and does not turn
 * the stream into a text/plain body. Constructing a Request sends nothing.
 */
export function platformStreamsRequests(): boolean {
  if (requestStreams === undefined) {
    try {
      let duplexRead = false;
      const probe = new Request('http://127.0.0.1/', {
        method: 'POST',
        body: new ReadableStream(),
        get duplex() {
          duplexRead = true;
          return 'half';
        },
      } as RequestInit);
      requestStreams = duplexRead && !probe.headers.has('content-type');
    } catch {
      requestStreams = false;
    }
  }
  return requestStreams;
}

let requestStreams: boolean | undefined;

/**
 * Headers fetch sets itself or refuses (a browser drops them silently, undici's fetch may throw):
 * the length and framing come from the body, the host from the URL.
 */
const FETCH_OWNED_HEADERS: ReadonlySet<string> = new Set([
  'content-length',
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

export function fetchTransport(options: FetchTransportOptions): Transport {
  return (request, target, abort) => sendWithFetch(options, request, target, abort);
}

async function sendWithFetch(
  options: FetchTransportOptions,
  request: OutgoingRequest,
  target: Target,
  abort: AbortSwitch,
): Promise<IncomingResponse> {
  const url = request.url === target.url ? target.url : request.url;
  const fetchImpl = options.fetch ?? platformFetch();
  let body = requestBody(request.body);
  // Memory for correctness: where the platform cannot stream an upload, send it whole.
  if (body instanceof ReadableStream && options.streamsRequests?.() === false) body = await new Response(body).blob();
  const init: RequestInit & { duplex?: 'half' } = {
    method: request.method,
    headers: requestHeaders(request.headers),
    body,
    signal: abort.signal,
    redirect: options.redirect,
  };
  // Streaming request bodies need half duplex (Chromium, undici); harmless elsewhere.
  if (body instanceof ReadableStream) init.duplex = 'half';
  const response = await fetchImpl(url, init);
  if (response.type === 'opaqueredirect') {
    throw Object.assign(
      new TypeError(`${request.method} ${url}: the platform hid a redirect (opaque response); use redirect 'follow'`),
      {
        code: 'ERR_OPAQUE_REDIRECT',
      },
    );
  }
  return {
    status: response.status,
    headers: responseHeaders(response.headers),
    body: webStreamBody(response.body ?? emptyStream()),
    url: response.url === '' ? url : response.url,
  };
}

function platformFetch(): FetchFunction {
  if (typeof globalThis.fetch !== 'function') {
    throw new TypeError('this platform has no global fetch; pass one as the `fetch` client option');
  }
  return globalThis.fetch.bind(globalThis) as FetchFunction;
}

function requestHeaders(headers: Record<string, string>): Record<string, string> {
  let out: Record<string, string> | undefined;
  for (const name of Object.keys(headers)) {
    if (!FETCH_OWNED_HEADERS.has(name)) continue;
    out ??= { ...headers };
    delete out[name];
  }
  return out ?? headers;
}

/** The runtime's body forms, as fetch takes them (an async iterable, a Node Readable too, becomes a web stream). */
export function requestBody(body: OutgoingRequest['body']): BodyInit | null {
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) return body as BodyInit | null;
  if (isWebBody(body)) return body as BodyInit;
  if (isAsyncIterable(body)) return iterableToWebStream(body);
  return body as BodyInit;
}

function isWebBody(body: unknown): boolean {
  return (
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) ||
    (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams)
  );
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function'
  );
}

function emptyStream(): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
}

/** Fetch joins repeated headers with ', ' except Set-Cookie, which getSetCookie() keeps apart. */
export function responseHeaders(headers: Headers): IncomingResponse['headers'] {
  const out: Record<string, string | string[]> = {};
  headers.forEach((value, name) => {
    if (name !== 'set-cookie') out[name] = value;
  });
  const cookies = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [];
  if (cookies.length > 0) out['set-cookie'] = cookies;
  return out as IncomingResponse['headers'];
}
