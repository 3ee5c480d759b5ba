/**
 * Recognising binary values (`Uploadable`) and turning them into something the transports send,
 * without ever reading a Blob or stream into memory here. Platform-neutral: file paths need the
 * Node entry (`fileFromPath`), everything else is web API.
 */
import type { Dispatcher } from 'undici';
import { InvalidArgumentError } from '../errors.js';
import { utf8Decode, utf8Length } from '../bytes.js';
import { unsupportedOnPlatform } from '../transport/capabilities.js';
import { nodeFeatures, platformLabel } from '../transport/platform.js';
import type { ByteStream } from '../transport/types.js';
import type { EncodedBody } from './types.js';

export function isBlob(value: unknown): value is Blob {
  return value instanceof Blob;
}

/** A Node stream.Readable (fs.createReadStream, a socket, a PassThrough ...). */
export function isNodeReadable(value: unknown): value is NodeJS.ReadableStream {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as NodeJS.ReadableStream).pipe === 'function' &&
    typeof (value as NodeJS.ReadableStream).on === 'function'
  );
}

/** Any async iterable of bytes, including a WHATWG ReadableStream (async iterable in Node). */
export function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function'
  );
}

/** A WHATWG ReadableStream (not async iterable in Safari, so checked apart). */
export function isWebStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof ReadableStream !== 'undefined' && value instanceof ReadableStream;
}

/** True for every value the `Uploadable` type admits (and Node's Buffer, a Uint8Array). */
export function isUploadable(value: unknown): boolean {
  return (
    isBlob(value) ||
    value instanceof Uint8Array ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    isNodeReadable(value) ||
    isAsyncIterable(value) ||
    isWebStream(value)
  );
}

/** A streaming value: consumed by the first send, so the request cannot be replayed. */
export function isStreaming(value: unknown): boolean {
  return !isBlob(value) && (isNodeReadable(value) || isAsyncIterable(value) || isWebStream(value));
}

/** Views bytes without copying them. */
export function asBytes(value: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

/** A binary body (octet-stream, image/png, ...) from a string, bytes, Blob or stream. */
export function encodeBinaryBody(value: unknown, contentType: string, what: string): EncodedBody {
  if (typeof value === 'string') return { contentType, body: value, replayable: true, length: utf8Length(value) };
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes = asBytes(value);
    return { contentType, body: bytes, replayable: true, length: bytes.byteLength };
  }
  if (isBlob(value)) return { contentType, body: value, replayable: true, length: value.size };
  if (isNodeReadable(value) || isAsyncIterable(value) || isWebStream(value))
    // Sent as is: undici and fetch (transport/fetch.ts) both take every stream form.
    return { contentType, body: value as ByteStream, replayable: false };
  throw new InvalidArgumentError(
    `${what} must be a Blob, File, Buffer, Uint8Array, ArrayBuffer, string, Readable or async iterable of bytes; got ${describeType(value)}`,
  );
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return (value as object).constructor?.name ?? 'object';
}

/**
 * undici's `request()` streams a Blob body at runtime (core/request.js `isBlobLike`) but its
 * TypeScript type leaves Blob out; this is the one place that bridges the two.
 */
export function toDispatchBody(
  body: EncodedBody['body'] | AsyncIterable<Uint8Array>,
): Dispatcher.DispatchOptions['body'] {
  return body as Dispatcher.DispatchOptions['body'];
}

/**
 * A File backed by a file on disk (`fs.openAsBlob`): sent streamed, never read whole into memory,
 * and replayable because undici can open a fresh stream from it on a retry. Needs the Node entry
 * (Node, Deno, Bun); a browser or worker gets an InvalidArgumentError naming the platform.
 */
export async function fileFromPath(path: string, options: { type?: string; name?: string } = {}): Promise<File> {
  const node = nodeFeatures();
  if (node === undefined)
    throw unsupportedOnPlatform(
      'fileFromPath (a file path upload)',
      platformLabel(),
      'Upload a File or Blob (from an <input type="file">, a fetch or new Blob([...])) instead.',
    );
  const blob = await node.openFile(path, options.type);
  // File over a Blob part references the file-backed blob; no bytes are copied.
  return new File([blob], options.name ?? basename(path), { type: blob.type });
}

/** The file name a multipart part gets: File.name, fs.ReadStream.path, else the field name. */
export function fileNameOf(value: unknown, fallback: string): string {
  if (value instanceof File && value.name) return value.name;
  const path = (value as { path?: unknown } | null)?.path;
  if (typeof path === 'string' && path !== '') return basename(path);
  if (path instanceof Uint8Array) return basename(utf8Decode(path));
  return fallback;
}

/** The last segment of a `/`-separated file path (node:path's POSIX basename, without Node). */
function basename(path: string): string {
  return path.replace(/\/+$/, '').replace(/^.*\//, '');
}
