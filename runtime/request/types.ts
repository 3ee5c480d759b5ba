/**
 * What request shaping hands to the client (runtime/client.ts): the operation's params turned
 * into the pieces of one HTTP request. Shaping is pure and synchronous; auth, default headers,
 * the base URL and cookies from a jar are merged in by the client afterwards.
 */
import type { ByteStream, RequestBody } from '../transport/types.js';

/**
 * A value accepted wherever the spec declares binary data (an octet-stream body or a multipart
 * file part). Blob/File (including `fs.openAsBlob(path)`, see `fileFromPath`) and bytes can be
 * sent again on a retry or redirect; a stream or async iterable is consumed once and therefore
 * makes the request non-replayable (never retried).
 */
export type Uploadable = Blob | Uint8Array | ArrayBuffer | ByteStream | NodeJS.ReadableStream;

/**
 * An encoded request body.
 * - `body` is something both transports send as is: a string, bytes, a stream (an async iterable
 *   of bytes, a Node Readable, a web ReadableStream), an
 *   undici/WHATWG FormData (undici writes the multipart framing, streaming Blob parts), or a Blob
 *   (undici streams it; its TypeScript types omit Blob, so pass it through `toDispatchBody`).
 * - `replayable`: the same `body` value can be sent again (retry, 307/308 redirect). False for
 *   streams, which are consumed by the first send.
 * - `length`: byte length when known up front (lets undici send Content-Length, and is what an
 *   upload-progress callback divides by). Absent for streams and FormData (undici computes it).
 */
export interface EncodedBody {
  readonly contentType: string;
  readonly body: RequestBody;
  readonly replayable: boolean;
  readonly length?: number;
}

/** One operation call, shaped. */
export interface ShapedRequest {
  /** Path template filled in, every parameter percent-encoded (`/pets/a%2Fb`). Starts with '/'. */
  readonly path: string;
  /** Serialised query string without the leading '?'; '' when there is none. */
  readonly query: string;
  /** Header parameters (and Content-Type when there is a body), names as in the spec. */
  readonly headers: Record<string, string>;
  /** Cookie parameters as name/value pairs, values already encoded; join with `formatCookieHeader`. */
  readonly cookies: Array<[string, string]>;
  readonly body?: EncodedBody;
}
