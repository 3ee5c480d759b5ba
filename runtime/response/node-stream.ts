/**
 * `stream()` of ApiResponse and BinaryResponse returns a Node Readable (their public type since
 * before the web build): made by the Node entry's toNodeStream. Without it (a browser, a worker)
 * the call fails with an InvalidArgumentError that names the platform and the web alternative.
 */
import type { Readable } from 'node:stream';
import type { BodySource } from '../transport/body-source.js';
import { unsupportedOnPlatform } from '../transport/capabilities.js';
import { platformLabel } from '../transport/platform.js';

let toNodeStream: ((body: BodySource) => Readable) | undefined;

/** Called by the Node entry (runtime/node.ts) with Readable.from. */
export function installNodeStreams(convert: (body: BodySource) => Readable): void {
  toNodeStream = convert;
}

export function nodeStreamOf(body: BodySource, what: string): Readable {
  if (toNodeStream === undefined)
    throw unsupportedOnPlatform(
      `${what} (a Node Readable)`,
      platformLabel(),
      'Use webStream() (a ReadableStream), `for await` or bytes() instead.',
    );
  return toNodeStream(body);
}
