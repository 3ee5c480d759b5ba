/**
 * Following redirects ourselves (undici's request() does not), with the credential rules of
 * requests' `rebuild_auth` and Kiota's RedirectHandler: credentials never follow a redirect to
 * another origin.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { SecretNames } from '../auth/index.js';
import { headerValue } from '../response/headers.js';

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Headers that carry credentials whatever the API's schemes (plus the schemes' own names). */
const ALWAYS_SECRET_HEADERS: readonly string[] = ['authorization', 'proxy-authorization', 'cookie'];

/** Headers that describe the body: dropped when a redirect turns the request into a GET. */
const BODY_HEADERS: readonly string[] = ['content-type', 'content-length', 'content-encoding', 'transfer-encoding'];

export interface RedirectStep {
  readonly method: string;
  /** Absolute URL of the next hop. */
  readonly url: string;
  readonly keepBody: boolean;
  readonly sameOrigin: boolean;
}

/** The next hop of a 3xx, or undefined when the response is not a followable redirect. */
export function redirectStep(
  status: number,
  headers: IncomingHttpHeaders,
  method: string,
  currentUrl: string,
  originalOrigin: string,
): RedirectStep | undefined {
  if (!REDIRECT_STATUSES.has(status)) return undefined;
  const location = headerValue(headers, 'location');
  if (!location) return undefined;
  let next: URL;
  try {
    next = new URL(location, currentUrl);
  } catch {
    return undefined;
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') return undefined;
  next.hash = '';
  // 303 always becomes GET; 301/302 become GET for POST like every browser and requests do;
  // 307/308 keep method and body.
  const toGet = (status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST');
  return {
    method: toGet ? 'GET' : method,
    url: next.href,
    keepBody: !toGet,
    sameOrigin: next.origin === originalOrigin,
  };
}

/** Headers for the next hop: credentials removed when leaving the origin, body headers when the body is dropped. */
export function redirectHeaders(
  headers: Record<string, string>,
  step: RedirectStep,
  secrets: SecretNames,
): Record<string, string> {
  const out = { ...headers };
  if (!step.keepBody) for (const name of BODY_HEADERS) delete out[name];
  if (!step.sameOrigin) {
    for (const name of ALWAYS_SECRET_HEADERS) delete out[name];
    for (const name of secrets.headers) delete out[name];
  }
  return out;
}

/** Removes API-key query parameters from a cross-origin URL (a server may echo them into Location). */
export function stripSecretQuery(url: string, secrets: SecretNames): string {
  if (secrets.query.length === 0) return url;
  const parsed = new URL(url);
  let changed = false;
  for (const name of secrets.query) {
    if (parsed.searchParams.has(name)) {
      parsed.searchParams.delete(name);
      changed = true;
    }
  }
  return changed ? parsed.href : url;
}
