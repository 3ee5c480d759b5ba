/**
 * Which platform the runtime runs on, for the one decision that depends on it: the default
 * transport. Node uses undici request() over the client's own pool; Deno and Bun (which also load
 * this Node build) use their native fetch, which is what their undici support is built on (Bun's
 * undici has no Agent). Detected from the globals each platform defines.
 */
import type { Dispatcher } from 'undici';
import type { FetchFunction } from './fetch.js';

export type PlatformName = 'Node' | 'Deno' | 'Bun';

export function currentPlatform(): PlatformName {
  if ((globalThis as { Bun?: unknown }).Bun !== undefined) return 'Bun';
  if ((globalThis as { Deno?: unknown }).Deno !== undefined) return 'Deno';
  return 'Node';
}

/** The fetch to use when the caller passed none: the platform's on Deno and Bun, none on Node. */
export function defaultFetchOf(platform: PlatformName): FetchFunction | undefined {
  return platform === 'Node' ? undefined : (globalThis.fetch.bind(globalThis) as FetchFunction);
}

/**
 * Stands in for the pool when fetch owns the connections: the PoolHolder treats it as a caller's
 * dispatcher (never created, never closed), so no undici Agent is made (Bun's undici has none).
 */
export const FETCH_OWNS_CONNECTIONS = Object.freeze({ fetchOwnsConnections: true }) as unknown as Dispatcher;

/** The dispatcher to hand to undici calls beside the transport (the oauth2 token request): none under fetch. */
export function undiciDispatcherOf(dispatcher: Dispatcher): Dispatcher | undefined {
  return dispatcher === FETCH_OWNS_CONNECTIONS ? undefined : dispatcher;
}
