/**
 * The raw side of a successful call (`.withResponse()`, `.asResponse()`): status, headers, the
 * final URL, the request id, and the body still readable.
 *
 * JSON and text bodies are read inside the call (so a body that stalls is retried like any read
 * timeout) and kept here as bytes; binary bodies stay a stream until the caller reads them.
 */
import type { Readable } from 'node:stream';
import type { IncomingHttpHeaders } from 'node:http';
import { BinaryResponse } from './binary-response.js';
import { iterableToWebStream, type BodySource } from '../transport/body-source.js';
import { nodeStreamOf } from './node-stream.js';
import { charsetOf, headerValue, requestIdOf } from './headers.js';
import { redactUrl } from '../redact.js';

export class ApiResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Attempts the call took (1 = no retry). */
  readonly attempts: number;
  readonly #body: Uint8Array | BinaryResponse | undefined;
  // Redaction and the request-id lookup run only when asked for: the success path stays cheap.
  readonly #rawUrl: string;
  readonly #secretQuery: readonly string[];
  readonly #requestIdHeader: string | undefined;

  constructor(init: {
    status: number;
    headers: IncomingHttpHeaders;
    /** Unredacted; exposed redacted. */
    rawUrl: string;
    secretQuery: readonly string[];
    requestIdHeader: string | undefined;
    attempts: number;
    body: Uint8Array | BinaryResponse | undefined;
  }) {
    this.status = init.status;
    this.headers = init.headers;
    this.attempts = init.attempts;
    this.#body = init.body;
    this.#rawUrl = init.rawUrl;
    this.#secretQuery = init.secretQuery;
    this.#requestIdHeader = init.requestIdHeader;
  }

  /** URL of the response (after redirects), credentials redacted. */
  get url(): string {
    return redactUrl(this.#rawUrl, this.#secretQuery);
  }

  /** From x-request-id, request-id, x-github-request-id, x-amzn-requestid or the API's configured header. */
  get requestId(): string | undefined {
    return requestIdOf(this.headers, this.#requestIdHeader);
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  /** First value of a response header (case-insensitive). */
  header(name: string): string | undefined {
    return headerValue(this.headers, name.toLowerCase());
  }

  async bytes(): Promise<Uint8Array> {
    const body = this.#body;
    if (body === undefined) return new Uint8Array(0);
    if (body instanceof BinaryResponse) return body.bytes();
    return body;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return new TextDecoder(charsetOf(this.header('content-type')) ?? 'utf-8').decode(await this.bytes());
  }

  async json(): Promise<unknown> {
    const text = await this.text();
    return text.length === 0 ? undefined : JSON.parse(text);
  }

  /** The body as a Node Readable (Node, Deno, Bun; elsewhere an InvalidArgumentError points to webStream()). */
  stream(): Readable {
    const body = this.#body;
    if (body instanceof BinaryResponse) return body.stream();
    return nodeStreamOf(bufferedBody(body), 'ApiResponse.stream()');
  }

  /** The body as a web ReadableStream (every platform). */
  webStream(): ReadableStream<Uint8Array> {
    const body = this.#body;
    if (body instanceof BinaryResponse) return body.webStream();
    return iterableToWebStream(bufferedBody(body));
  }
}

/** A body already read, as a BodySource of at most one chunk. */
function bufferedBody(bytes: Uint8Array | undefined): BodySource {
  return {
    async *[Symbol.asyncIterator]() {
      if (bytes !== undefined && bytes.byteLength > 0) yield bytes;
    },
    destroy() {},
  };
}
