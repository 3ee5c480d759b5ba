/**
 * The platform seam. The shared runtime imports nothing of Node; what only Node (and Deno and
 * Bun, which load the Node build) can do is handed in by the package's Node entry
 * (runtime/node.ts, imported first by the generated src/index.ts and src/functions.ts) through
 * `installNodeFeatures()`. The browser/worker entries never import it, so a bundle for them holds
 * no node:* or undici import. Where a feature is missing, the caller gets an InvalidArgumentError
 * naming the option and the platform (capabilities.ts), never a ReferenceError.
 */
import type { Dispatcher } from 'undici';
import type { FetchFunction } from './fetch.js';
import type { PoolSettings } from './pool-holder.js';
import type { Transport } from './types.js';

export type PlatformName = 'Node' | 'Deno' | 'Bun' | 'workerd' | 'the browser';

/**
 * What the Node entry adds here: undici, file uploads, MD5. (downloadToFile and the Node
 * Readable of stream() are handed to their own modules, response/download.ts and
 * response/node-stream.ts, so this file imports nothing above transport/.)
 */
export interface NodeFeatures {
  /** The connection pool (an undici Agent, or a proxy-aware one). */
  createPool(settings: PoolSettings): Dispatcher;
  /** undici request() over a pool: the Node default transport. */
  undiciTransport(dispatcher: Dispatcher): Transport;
  /** A File backed by a file on disk (fs.openAsBlob). */
  openFile(path: string, type: string | undefined): Promise<Blob>;
  /** Hex digest of a UTF-8 string (digest auth's MD5 and SHA-256, synchronous on Node). */
  hashHex(algorithm: 'md5' | 'sha256', text: string): string;
}

let installed: NodeFeatures | undefined;

/** Called once by the Node entry (runtime/node.ts). */
export function installNodeFeatures(features: NodeFeatures): void {
  installed = features;
}

/** The Node features, when the Node entry was loaded. */
export function nodeFeatures(): NodeFeatures | undefined {
  return installed;
}

/**
 * The platform as error messages name it: on Node, Deno or Bun without the Node entry (the
 * neutral dist/index.js imported by path) it says so, since the feature exists there.
 */
export function platformLabel(): string {
  const platform = currentPlatform();
  if (installed !== undefined || platform === 'workerd' || platform === 'the browser') return platform;
  return `${platform} through the platform-neutral entry (import the package by name, or its dist/*.node.js)`;
}

export function currentPlatform(): PlatformName {
  const g = globalThis as { Bun?: unknown; Deno?: unknown; process?: { versions?: { node?: string } } };
  if (g.Bun !== undefined) return 'Bun';
  if (g.Deno !== undefined) return 'Deno';
  // Cloudflare's workerd sets this user agent (its docs: "navigator.userAgent"); checked before
  // Node because workers get a `process` too: with nodejs_compat, and (workerd 2026-11-23) at
  // recent compatibility dates without it.
  if ((globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === 'Cloudflare-Workers')
    return 'workerd';
  if (typeof g.process?.versions?.node === 'string') return 'Node';
  return 'the browser';
}

/**
 * The fetch to use when the caller passed none: none where undici is the transport (Node with
 * the Node entry), else the platform's.
 */
export function defaultFetchOf(platform: PlatformName): FetchFunction | undefined {
  if (platform === 'Node' && installed !== undefined) return undefined;
  return typeof globalThis.fetch === 'function' ? (globalThis.fetch.bind(globalThis) as FetchFunction) : undefined;
}

/**
 * Stands in for the pool when fetch owns the connections: the PoolHolder treats it as a caller's
 * dispatcher (never created, never closed), so no undici Agent is made (Bun's undici has none).
 */
export const FETCH_OWNS_CONNECTIONS = Object.freeze({ fetchOwnsConnections: true }) as unknown as Dispatcher;
