/**
 * A streamed response body (binary downloads; the NDJSON and SSE iterators of event-streams.ts
 * read one). Never buffered whole unless the caller asks (`arrayBuffer()`, `bytes()`, `text()`).
 *
 * Single consumer, like fetch's Response: the first reader takes the stream. Not reading it at
 * all keeps the connection (and the bulkhead slot) busy until `cancel()` or the read timeout.
 */
import type { Readable } from 'node:stream';
import type { IncomingHttpHeaders } from 'node:http';
import { concatBytes } from '../bytes.js';
import { iterableToWebStream, type BodySource } from '../transport/body-source.js';
import { charsetOf, headerValue } from './headers.js';
import { nodeStreamOf } from './node-stream.js';

export class BinaryResponse implements AsyncIterable<Uint8Array> {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly #source: BodySource;
  #taken = false;

  constructor(status: number, headers: IncomingHttpHeaders, source: BodySource) {
    this.status = status;
    this.headers = headers;
    this.#source = source;
  }

  get contentType(): string | undefined {
    return headerValue(this.headers, 'content-type');
  }

  /** Declared length in bytes of the (encoded) body, when the server sent one. */
  get contentLength(): number | undefined {
    const raw = headerValue(this.headers, 'content-length');
    const n = raw === undefined ? NaN : Number(raw);
    return Number.isFinite(n) ? n : undefined;
  }

  /** True once a reader took the body. */
  get bodyUsed(): boolean {
    return this.#taken;
  }

  /**
   * The decoded body as a Node Readable (pipe it to a file, a hash, an HTTP response). Node, Deno
   * and Bun; elsewhere an InvalidArgumentError points to webStream().
   */
  stream(): Readable {
    this.#take();
    return nodeStreamOf(this.#source, 'BinaryResponse.stream()');
  }

  /** @internal The body as the runtime reads it (an SSE reconnect hands it to the parser). */
  source(): BodySource {
    this.#take();
    return this.#source;
  }

  /** The decoded body as a web ReadableStream (every platform). */
  webStream(): ReadableStream<Uint8Array> {
    this.#take();
    return iterableToWebStream(this.#source);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    this.#take();
    yield* this.#source;
  }

  async bytes(): Promise<Uint8Array> {
    this.#take();
    const chunks: Uint8Array[] = [];
    let length = 0;
    for await (const chunk of this.#source) {
      chunks.push(chunk);
      length += chunk.byteLength;
    }
    return chunks.length === 0 ? new Uint8Array(0) : concatBytes(chunks, length);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  /** Decoded with the charset the server declared (UTF-8 when none). */
  async text(): Promise<string> {
    const bytes = await this.bytes();
    return new TextDecoder(charsetOf(this.contentType) ?? 'utf-8').decode(bytes);
  }

  /** Releases the connection without reading the rest of the body. */
  cancel(): void {
    this.#taken = true;
    this.#source.destroy();
  }

  #take(): void {
    if (this.#taken) throw new TypeError('The response body was already read or cancelled (a body can be read once).');
    this.#taken = true;
  }
}
