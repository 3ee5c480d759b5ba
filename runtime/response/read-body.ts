/**
 * Reading a response body to the end (JSON, text, error bodies), refreshing the read-idle timer
 * on every chunk. The idle timer and aborts act by destroying the stream (through the attempt's
 * AbortSignal), which rejects the read here.
 */
import type { Readable } from 'node:stream';

export interface BufferedBody {
  readonly bytes: Buffer;
  /** True when the body was longer than `maxBytes` and the rest was discarded. */
  readonly truncated: boolean;
}

const EMPTY = Buffer.alloc(0);

/** Anything with a `refresh()`: the read timer, restarted on every chunk. */
export interface ChunkWatcher {
  refresh(): void;
}

/**
 * @param watcher   refreshed per chunk (the read-idle timer)
 * @param maxBytes  stop collecting after this many bytes and destroy the stream (error bodies)
 */
export function readBody(stream: Readable, watcher: ChunkWatcher, maxBytes = Infinity): Promise<BufferedBody> {
  return new Promise<BufferedBody>((resolve, reject) => {
    let first: Buffer | undefined;
    let chunks: Buffer[] | undefined;
    let length = 0;
    let settled = false;
    // Listeners are not removed on end/error: the stream is finished and goes away with them.
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      watcher.refresh();
      if (first === undefined) first = chunk;
      else {
        chunks ??= [first];
        chunks.push(chunk);
      }
      length += chunk.length;
      if (length > maxBytes) {
        settled = true;
        // Keep nothing past the cap; destroying releases the socket instead of draining a huge page.
        discardBody(stream);
        resolve({ bytes: collect(first, chunks, length).subarray(0, maxBytes), truncated: true });
      }
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ bytes: collect(first, chunks, length), truncated: false });
    });
    stream.on('error', (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    // A stream destroyed without an error (premature close) must not leave the read hanging.
    stream.on('close', () => {
      if (settled) return;
      settled = true;
      reject(Object.assign(new Error('response body closed before its end'), { code: 'UND_ERR_SOCKET' }));
    });
  });
}

function collect(first: Buffer | undefined, chunks: Buffer[] | undefined, length: number): Buffer {
  return chunks ? Buffer.concat(chunks, length) : (first ?? EMPTY);
}

/** Redirect bodies up to this size are drained so the keep-alive connection is reused; larger ones close it. */
const DRAIN_MAX_BYTES = 64 * 1024;

/** Reads and throws away a (small) body we do not need, keeping the connection reusable. */
export function drainBody(stream: Readable): void {
  let seen = 0;
  stream.on('error', noop);
  stream.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DRAIN_MAX_BYTES) stream.destroy();
  });
  stream.resume();
}

/** Drops a body we will not read: destroys it (closing that connection) and swallows the abort error. */
export function discardBody(stream: Readable): void {
  stream.on('error', noop);
  stream.destroy();
}

function noop(): void {}
