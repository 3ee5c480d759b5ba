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

/**
 * @param onChunk   called per chunk (refreshes the read timer)
 * @param maxBytes  stop collecting after this many bytes and destroy the stream (error bodies)
 */
export function readBody(stream: Readable, onChunk: () => void, maxBytes = Infinity): Promise<BufferedBody> {
  return new Promise<BufferedBody>((resolve, reject) => {
    let first: Buffer | undefined;
    let chunks: Buffer[] | undefined;
    let length = 0;
    let settled = false;
    const cleanup = (): void => {
      settled = true;
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    const collected = (): Buffer => (chunks ? Buffer.concat(chunks, length) : (first ?? EMPTY));
    const onData = (chunk: Buffer): void => {
      onChunk();
      if (first === undefined) first = chunk;
      else (chunks ??= [first]).push(chunk);
      length += chunk.length;
      if (length > maxBytes) {
        cleanup();
        // Keep nothing past the cap; destroying releases the socket instead of draining a huge page.
        discardBody(stream);
        resolve({ bytes: collected().subarray(0, maxBytes), truncated: true });
      }
    };
    const onEnd = (): void => {
      cleanup();
      resolve({ bytes: collected(), truncated: false });
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    // A stream destroyed without an error (premature close) must not leave the read hanging.
    const onClose = (): void => {
      if (settled) return;
      cleanup();
      reject(Object.assign(new Error('response body closed before its end'), { code: 'UND_ERR_SOCKET' }));
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
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
