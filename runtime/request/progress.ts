/**
 * Upload progress (the `onUploadProgress` callback). The encoded body is wrapped
 * in a counting stream *per attempt*: a replayable body (string, bytes, Blob, composite multipart
 * Blob) gets a fresh wrapper on every retry, so progress restarts from 0 instead of lying.
 * "Loaded" counts bytes handed to the connection, which is what every HTTP client can observe.
 */
import { utf8Encode } from '../bytes.js';
import { bytesOf } from '../transport/body-source.js';
import type { EncodedBody } from './types.js';

/**
 * Slice size for in-memory bodies: small enough for smooth progress on a slow link, large enough
 * that a 100 MB upload is 1600 callbacks, not millions.
 */
export const UPLOAD_PROGRESS_CHUNK_BYTES = 64 * 1024;

export interface UploadProgressEvent {
  /** Bytes handed to the connection so far in this attempt. */
  readonly loaded: number;
  /** Total bytes when known up front (not for streams). */
  readonly total: number | undefined;
}

export type UploadProgressCallback = (event: UploadProgressEvent) => void;

/** What to send for one attempt: a counting stream, and Content-Length when known (else chunked). */
export interface ProgressBody {
  readonly body: AsyncIterable<Uint8Array>;
  readonly contentLength: number | undefined;
}

async function* chunksOf(body: EncodedBody['body']): AsyncGenerator<Uint8Array> {
  if (typeof body === 'string' || body instanceof Uint8Array) {
    const bytes = typeof body === 'string' ? utf8Encode(body) : body;
    for (let offset = 0; offset < bytes.byteLength; offset += UPLOAD_PROGRESS_CHUNK_BYTES) {
      yield bytes.subarray(offset, offset + UPLOAD_PROGRESS_CHUNK_BYTES);
    }
  } else if (body instanceof Blob) {
    yield* bytesOf(body.stream());
  } else if (!(body instanceof FormData)) {
    // A stream: an async iterable (a Node Readable too) or a web ReadableStream.
    for await (const chunk of bytesOf(body))
      yield typeof chunk === 'string' ? utf8Encode(chunk) : (chunk as Uint8Array);
  } else {
    // A caller-built FormData is re-framed by encodeMultipart, so it never reaches here; if a
    // future body kind does, fail loudly rather than send nothing.
    throw new TypeError('upload progress: unsupported body kind');
  }
}

/**
 * Wraps one attempt's body so `onProgress` hears about every chunk. The callback's exceptions
 * are swallowed: a broken progress bar must not fail an upload.
 */
export function withUploadProgress(encoded: EncodedBody, onProgress: UploadProgressCallback): ProgressBody {
  const total = encoded.length;
  async function* counted(): AsyncGenerator<Uint8Array> {
    let loaded = 0;
    for await (const chunk of chunksOf(encoded.body)) {
      loaded += chunk.byteLength;
      yield chunk;
      try {
        onProgress({ loaded, total });
      } catch {
        // Deliberately ignored (see above).
      }
    }
  }
  return { body: counted(), contentLength: total };
}
