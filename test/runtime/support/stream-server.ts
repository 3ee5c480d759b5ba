/** Sources and servers for the stream parser tests. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const encoder = new TextEncoder();

/** An in-memory source that records whether it was released (return() called) and how far it was read. */
export class TrackedSource implements AsyncIterable<Uint8Array> {
  released = false;
  pulled = 0;
  readonly #chunks: Uint8Array[];
  constructor(chunks: readonly (string | Uint8Array)[]) {
    this.#chunks = chunks.map((c) => (typeof c === 'string' ? encoder.encode(c) : c));
  }
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return {
      next: async () => {
        if (this.released || this.pulled >= this.#chunks.length) return { done: true, value: undefined };
        return { done: false, value: this.#chunks[this.pulled++]! };
      },
      return: async () => {
        this.released = true;
        return { done: true, value: undefined };
      },
    };
  }
}

/** `bytes` cut at `at` (every position is tried by the callers, inside characters and CRLFs too). */
export function splitAt(bytes: Uint8Array, at: readonly number[]): Uint8Array[] {
  const cuts = [0, ...at, bytes.length];
  return cuts.slice(1).map((end, i) => bytes.subarray(cuts[i]!, end));
}

export function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

export interface StreamServer {
  readonly origin: string;
  /** Requests seen, in order. */
  readonly requests: IncomingMessage[];
  /** Resolves when the response of request `index` (0-based) is closed, by either side. */
  closed(index: number): Promise<void>;
  close(): Promise<void>;
}

export type StreamHandler = (req: IncomingMessage, res: ServerResponse, index: number) => void | Promise<void>;

/** A node:http server on 127.0.0.1 whose handler streams at its own pace. */
export async function startStreamServer(handler: StreamHandler): Promise<StreamServer> {
  const requests: IncomingMessage[] = [];
  const closings: Promise<void>[] = [];
  const server = createServer((req, res) => {
    const index = requests.push(req) - 1;
    closings[index] = new Promise((resolve) => res.on('close', () => resolve()));
    void handler(req, res, index);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    closed: (index) => closings[index] ?? Promise.reject(new Error(`no request ${index}`)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes the pieces with a pause between them so they leave as separate chunks. */
export async function writeSlowly(
  res: ServerResponse,
  pieces: readonly (string | Uint8Array)[],
  gapMs = 5,
): Promise<void> {
  for (const piece of pieces) {
    if (res.destroyed) return;
    res.write(piece);
    await sleep(gapMs);
  }
}

/** Resolves `promise`, or fails the test after `ms` (bounded waits only). */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
