import { InvalidArgumentError, AbortError } from '../errors.js';
import { isLoopbackHost } from '../transport/loopback.js';
import { requestToken, type FetchedToken } from './oauth2-token-request.js';
import type { OAuth2ClientCredentials, TokenFetchOptions, TokenSource } from './types.js';

export type { TokenFetchOptions };

/**
 * A token is refreshed this long before the server says it expires: covers clock skew between us
 * and the authorization server and the flight time of the request that carries the token, so a
 * token never reaches the API already expired. Capped at half the lifetime so a short-lived
 * token is still reused.
 */
export const TOKEN_EXPIRY_MARGIN_MS = 30_000;

export interface OAuth2TokenManagerOptions {
  /** Milliseconds clock; tests pass a fake one. */
  readonly now?: () => number;
  /** Token request timeout (default TOKEN_REQUEST_TIMEOUT_MS). */
  readonly timeoutMs?: number;
}

interface CachedToken {
  readonly value: string;
  /** Clock time after which the token is not used any more; Infinity when the server gave no expires_in. */
  readonly refreshAt: number;
}

/** The cache for one resolved token URL (a relative tokenUrl can resolve differently per environment). */
interface TokenSlot {
  cached: CachedToken | undefined;
  inflight: Promise<string> | undefined;
}

export class OAuth2TokenManager implements TokenSource {
  readonly #schemeName: string;
  readonly #tokenUrl: string;
  readonly #credentials: OAuth2ClientCredentials;
  readonly #now: () => number;
  readonly #timeoutMs: number | undefined;
  readonly #slots = new Map<string, TokenSlot>();
  /** Resolved token URLs by base URL: parsed once, not per attempt. */
  readonly #urls = new Map<string, URL>();

  constructor(
    schemeName: string,
    tokenUrl: string,
    credentials: OAuth2ClientCredentials,
    options: OAuth2TokenManagerOptions = {},
  ) {
    this.#schemeName = schemeName;
    this.#tokenUrl = tokenUrl;
    this.#credentials = credentials;
    this.#now = options.now ?? Date.now;
    this.#timeoutMs = options.timeoutMs;
  }

  /** A fresh token: the cached one, the one being fetched, or a new fetch. */
  async token(options: TokenFetchOptions = {}): Promise<string> {
    const insecureOk = options.allowInsecureAuth === true;
    const urlKey = `${insecureOk ? '!' : ''}${String(options.baseUrl ?? '')}`;
    let url = this.#urls.get(urlKey);
    if (url === undefined) {
      url = this.#resolveTokenUrl(options.baseUrl, insecureOk);
      this.#urls.set(urlKey, url);
    }
    let slot = this.#slots.get(url.href);
    if (slot === undefined) {
      slot = { cached: undefined, inflight: undefined };
      this.#slots.set(url.href, slot);
    }
    const cached = slot.cached;
    if (cached !== undefined && this.#now() < cached.refreshAt) return cached.value;
    if (slot.inflight === undefined) {
      const started = this.#fetch(slot, url, options);
      slot.inflight = started;
      // Cleared whichever way it ends, so a failure is not cached and the next call tries again.
      const clear = (): void => {
        if (slot.inflight === started) slot.inflight = undefined;
      };
      started.then(clear, clear);
    }
    return waitFor(slot.inflight, options.signal, this.#schemeName);
  }

  /**
   * Forgets the cached token after the API rejected it. With `rejected`, only when the cache still
   * holds that token: when ten calls get a 401 at once, the first refresh wins and the other nine
   * pick up its token instead of each fetching (and invalidating) another.
   */
  invalidate(rejected?: string): void {
    for (const slot of this.#slots.values()) {
      if (rejected === undefined || slot.cached?.value === rejected) slot.cached = undefined;
    }
  }

  async #fetch(slot: TokenSlot, url: URL, options: TokenFetchOptions): Promise<string> {
    const sentAt = this.#now();
    const fetched = await requestToken(this.#schemeName, url, this.#credentials, {
      ...(options.transport === undefined ? {} : { transport: options.transport }),
      ...(this.#timeoutMs === undefined ? {} : { timeoutMs: this.#timeoutMs }),
    });
    slot.cached = { value: fetched.accessToken, refreshAt: refreshAt(sentAt, fetched) };
    return fetched.accessToken;
  }

  #resolveTokenUrl(baseUrl: string | URL | undefined, allowInsecureAuth: boolean): URL {
    let url: URL;
    try {
      url = baseUrl === undefined ? new URL(this.#tokenUrl) : new URL(this.#tokenUrl, withTrailingSlash(baseUrl));
    } catch {
      throw new InvalidArgumentError(
        `auth scheme "${this.#schemeName}": the oauth2 tokenUrl "${this.#tokenUrl}" is not a URL${baseUrl === undefined ? ' and there is no base URL to resolve it against' : ''}`,
      );
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new InvalidArgumentError(
        `auth scheme "${this.#schemeName}": the oauth2 tokenUrl must be http(s); got ${url.protocol}`,
      );
    }
    if (url.protocol === 'http:' && !allowInsecureAuth && !isLoopbackHost(url.hostname)) {
      // The client secret would cross the network readable by anyone on the path.
      throw new InvalidArgumentError(
        `auth scheme "${this.#schemeName}": refusing to send client credentials over plain http to ${url.host}: use an https tokenUrl, or set allowInsecureAuth: true if this network is trusted`,
      );
    }
    return url;
  }
}

/** Measured from when the request was sent, so the time it took counts against the lifetime. */
function refreshAt(sentAt: number, fetched: FetchedToken): number {
  // No expires_in: kept until the API rejects it (a 401 invalidates it). Guessing a lifetime
  // would either refetch needlessly or serve a dead token just as well.
  if (fetched.expiresInSec === undefined) return Infinity;
  const lifetimeMs = fetched.expiresInSec * 1000;
  return sentAt + lifetimeMs - Math.min(TOKEN_EXPIRY_MARGIN_MS, lifetimeMs / 2);
}

/** "https://api.example.com/v1" + "oauth/token" -> ".../v1/oauth/token" (the server URL is a directory). */
function withTrailingSlash(base: string | URL): string {
  const text = typeof base === 'string' ? base : base.href;
  return text.endsWith('/') ? text : `${text}/`;
}

/**
 * Waits for the shared fetch, or stops at this caller's abort. Each waiter gets its own copy of a
 * failure: callers annotate errors (attempts, url) and must not write over each other's.
 */
async function waitFor(shared: Promise<string>, signal: AbortSignal | undefined, schemeName: string): Promise<string> {
  const copyOnFailure = (error: unknown): never => {
    throw copyError(error);
  };
  if (signal === undefined) return shared.then(undefined, copyOnFailure);
  if (signal.aborted)
    throw new AbortError(`auth scheme "${schemeName}": aborted while waiting for an oauth2 token`, {
      cause: signal.reason,
    });
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () =>
      reject(
        new AbortError(`auth scheme "${schemeName}": aborted while waiting for an oauth2 token`, {
          cause: signal.reason,
        }),
      );
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([shared.then(undefined, copyOnFailure), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}

function copyError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  Object.defineProperties(copy, Object.getOwnPropertyDescriptors(error));
  return copy;
}
