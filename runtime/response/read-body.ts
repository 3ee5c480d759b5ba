/**
 * Reading a response body to the end (JSON, text, error bodies), refreshing the read-idle timer
 * on every chunk. The idle timer and aborts act by destroying the body (through the attempt's
 * AbortSignal), which rejects the read here.
 *
 * Two readers of one contract: undici's body (a Node Readable) is read with its events, as the
 * Node path always was (no iterator per chunk); any other BodySource (a fetch body) with
 * `for await`.
 */
import { concatBytes, EMPTY_BYTES } from '../bytes.js';
import { isNodeStream, noop, type BodySource, type NodeStreamLike } from '../transport/body-source.js';

export interface BufferedBody {
  readonly bytes: Uint8Array;
  /** True when the body was longer than `maxBytes` and the rest was discarded. */
  readonly truncated: boolean;
}

/** Anything with a `refresh()`: the read timer, restarted on every chunk. */
export interface ChunkWatcher {
  refresh(): void;
}

/** Collects chunks; keeps a lone chunk as it is (the common small JSON body). */
class Chunks {
  #first: Uint8Array | undefined;
  #rest: Uint8Array[] | undefined;
  length = 0;

  add(chunk: Uint8Array): void {
    if (this.#first === undefined) this.#first = chunk;
    else {
      this.#rest ??= [this.#first];
      this.#rest.push(chunk);
    }
    this.length += chunk.byteLength;
  }

  bytes(): Uint8Array {
    return this.#rest ? concatBytes(this.#rest, this.length) : (this.#first ?? EMPTY_BYTES);
  }
}

/**
 * @param watcher   refreshed per chunk (the read-idle timer)
 * @param maxBytes  stop collecting after this many bytes and destroy the body (error bodies)
 */
export function readBody(body: BodySource, watcher: ChunkWatcher, maxBytes = Infinity): Promise<BufferedBody> {
  return isNodeStream(body) ? readNodeStream(body, watcher, maxBytes) : readIterable(body, watcher, maxBytes);
}

function readNodeStream(stream: NodeStreamLike, watcher: ChunkWatcher, maxBytes: number): Promise<BufferedBody> {
  return new Promise<BufferedBody>((resolve, reject) => {
    const chunks = new Chunks();
    let settled = false;
    // Listeners are not removed on end/error: the stream is finished and goes away with them.
    stream.on('data', (chunk: Uint8Array) => {
      if (settled) return;
      watcher.refresh();
      chunks.add(chunk);
      if (chunks.length > maxBytes) {
        settled = true;
        // Keep nothing past the cap; destroying releases the socket instead of draining a huge page.
        discardBody(stream);
        resolve({ bytes: chunks.bytes().subarray(0, maxBytes), truncated: true });
      }
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ bytes: chunks.bytes(), truncated: false });
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
      reject(prematureClose());
    });
  });
}

async function readIterable(body: BodySource, watcher: ChunkWatcher, maxBytes: number): Promise<BufferedBody> {
  const chunks = new Chunks();
  for await (const chunk of body) {
    watcher.refresh();
    chunks.add(chunk);
    if (chunks.length > maxBytes) {
      discardBody(body);
      return { bytes: chunks.bytes().subarray(0, maxBytes), truncated: true };
    }
  }
  return { bytes: chunks.bytes(), truncated: false };
}

function prematureClose(): Error {
  return Object.assign(new Error('response body closed before its end'), { code: 'UND_ERR_SOCKET' });
}

/** Redirect bodies up to this size are drained so the keep-alive connection is reused; larger ones close it. */
const DRAIN_MAX_BYTES = 64 * 1024;

/** Reads and throws away a (small) body we do not need, keeping the connection reusable. */
export function drainBody(body: BodySource): void {
  if (isNodeStream(body)) {
    let seen = 0;
    body.on('error', noop);
    body.on('data', (chunk: Uint8Array) => {
      seen += chunk.byteLength;
      if (seen > DRAIN_MAX_BYTES) body.destroy();
    });
    body.resume();
    return;
  }
  void drainIterable(body);
}

async function drainIterable(body: BodySource): Promise<void> {
  let seen = 0;
  try {
    for await (const chunk of body) {
      seen += chunk.byteLength;
      if (seen > DRAIN_MAX_BYTES) {
        body.destroy();
        return;
      }
    }
  } catch {
    // A drained body's failure is nobody's concern: the response it belonged to is answered.
  }
}

/** Drops a body we will not read: destroys it (closing that connection) and swallows the abort error. */
export function discardBody(body: BodySource): void {
  if (isNodeStream(body)) body.on('error', noop);
  body.destroy();
}
