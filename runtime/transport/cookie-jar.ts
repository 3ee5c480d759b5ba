/**
 * A small in-memory cookie jar (`cookies: true`), like a requests Session's: cookies set by a
 * response (redirects included) are sent back to the hosts and paths they belong to.
 *
 * A subset of RFC 6265 sized for API sessions: Domain / Path / Expires / Max-Age / Secure.
 *
 * Every cookie is host-only: it goes back to the host that set it and nowhere else. A Domain
 * attribute is only checked (one that does not cover the responding host, or has no dot, drops
 * the cookie). Widening a cookie to a parent domain is safe only when that domain is registrable,
 * which takes the Public Suffix List (`co.uk`, `github.io` and ~9,000 more); this jar carries
 * none (the runtime depends on undici only, and a partial list fails open), so it never widens
 * (RFC 6265 5.3 step 5: a Domain that may be a public suffix is treated as host-only). For
 * cookies shared across subdomains pass tough-cookie's CookieJar, which has the list.
 */
import { isLoopbackHost } from './loopback.js';

interface StoredCookie {
  readonly name: string;
  readonly value: string;
  /** The host that set it: the only host it is sent to. */
  readonly host: string;
  readonly path: string;
  readonly secure: boolean;
  /** Epoch ms; Infinity for a session cookie. */
  readonly expiresAt: number;
}

/**
 * What the runtime needs from a jar: tough-cookie's async API, so `cookies: new CookieJar()` from
 * tough-cookie (public-suffix list, full RFC 6265) plugs in. Duck-typed: the runtime depends on
 * undici only. Sync implementations work too (the results are awaited).
 */
export interface CookieStore {
  /** The Cookie header value for a request to `url` ('' when none applies). */
  getCookieString(url: string): Promise<string> | string;
  /** Stores one Set-Cookie line received from `url`. May reject for a cookie it refuses. */
  setCookie(cookie: string, url: string): Promise<unknown> | unknown;
}

export function isCookieStore(value: unknown): value is CookieStore {
  const candidate = value as Partial<CookieStore> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.getCookieString === 'function' &&
    typeof candidate.setCookie === 'function'
  );
}

/** The Cookie header a jar gives for `url`, or undefined when none applies. */
export async function jarCookieHeader(jar: CookieStore, url: string): Promise<string | undefined> {
  const value = await jar.getCookieString(url);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Stores a response's Set-Cookie lines one by one. A cookie the jar refuses (tough-cookie
 * rejects a Domain that does not cover the host, a public suffix ...) is dropped, as a browser
 * drops it: a server's bad cookie must not fail the call.
 */
export async function storeSetCookies(
  jar: CookieStore,
  setCookie: string | readonly string[] | undefined,
  url: string,
): Promise<void> {
  if (setCookie === undefined) return;
  for (const line of typeof setCookie === 'string' ? [setCookie] : setCookie) {
    try {
      await jar.setCookie(line, url);
    } catch {
      // Refused by the jar: ignored on purpose (see above).
    }
  }
}

/** Cookies kept per jar, oldest evicted first: a misbehaving server cannot grow it without bound. */
const MAX_COOKIES = 1_000;

export class CookieJar implements CookieStore {
  readonly #cookies = new Map<string, StoredCookie>();

  get size(): number {
    return this.#cookies.size;
  }

  getCookieString(url: string): string {
    return this.header(url) ?? '';
  }

  setCookie(cookie: string, url: string): void {
    this.store(cookie, url);
  }

  /** Stores the Set-Cookie headers of a response from `url`. */
  store(setCookie: string | readonly string[] | undefined, url: string): void {
    if (setCookie === undefined) return;
    const target = new URL(url);
    for (const line of typeof setCookie === 'string' ? [setCookie] : setCookie) this.#storeOne(line, target);
  }

  /** The Cookie header value for a request to `url`, or undefined when no cookie applies. */
  header(url: string): string | undefined {
    if (this.#cookies.size === 0) return undefined;
    const target = new URL(url);
    const host = target.hostname.toLowerCase();
    const secureChannel = target.protocol === 'https:' || isLoopbackHost(host);
    const now = Date.now();
    const matching: StoredCookie[] = [];
    for (const [key, cookie] of this.#cookies) {
      if (cookie.expiresAt <= now) {
        this.#cookies.delete(key);
        continue;
      }
      if (cookie.secure && !secureChannel) continue;
      if (host !== cookie.host) continue;
      if (!pathMatches(target.pathname, cookie.path)) continue;
      matching.push(cookie);
    }
    if (matching.length === 0) return undefined;
    // RFC 6265 5.4: longer paths first.
    matching.sort((a, b) => b.path.length - a.path.length);
    return matching.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  #storeOne(line: string, target: URL): void {
    const [pair, ...attributes] = line.split(';');
    const eq = pair!.indexOf('=');
    if (eq <= 0) return;
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    const host = target.hostname.toLowerCase();
    let path = defaultPath(target.pathname);
    let secure = false;
    let expiresAt = Infinity;
    let maxAgeSeen = false;
    for (const attribute of attributes) {
      const at = attribute.indexOf('=');
      const key = (at === -1 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
      const val = at === -1 ? '' : attribute.slice(at + 1).trim();
      if (key === 'domain' && val !== '') {
        const wanted = val.replace(/^\./, '').toLowerCase();
        if (!domainMatches(host, wanted) || !wanted.includes('.')) return; // not ours to set
        // Covers the host: kept, but host-only (see the file comment).
      } else if (key === 'path' && val.startsWith('/')) {
        path = val;
      } else if (key === 'secure') {
        secure = true;
      } else if (key === 'max-age' && /^-?\d+$/.test(val)) {
        maxAgeSeen = true;
        expiresAt = Date.now() + Number(val) * 1000;
      } else if (key === 'expires' && !maxAgeSeen) {
        const date = Date.parse(val);
        if (!Number.isNaN(date)) expiresAt = date;
      }
    }
    const key = `${host};${path};${name}`;
    this.#cookies.delete(key);
    if (expiresAt <= Date.now()) return; // an expiry in the past deletes the cookie
    this.#cookies.set(key, { name, value, host, path, secure, expiresAt });
    if (this.#cookies.size > MAX_COOKIES) this.#cookies.delete(this.#cookies.keys().next().value!);
  }
}

function domainMatches(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(`.${domain}`) && !/^[\d.]+$/.test(host));
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** RFC 6265 5.1.4: the directory of the request path. */
function defaultPath(requestPath: string): string {
  if (!requestPath.startsWith('/')) return '/';
  const slash = requestPath.lastIndexOf('/');
  return slash <= 0 ? '/' : requestPath.slice(0, slash);
}
