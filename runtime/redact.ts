/**
 * Redaction for logs and error messages: a secret must never appear in a log line, an error
 * message or an error's enumerable fields. Names compare
 * case-insensitively. Used off the hot path (logging, errors), so clarity beats speed here.
 */

/** What a redacted value is replaced with. */
export const REDACTED = '***';

/** Headers that carry credentials in every API, whatever its security schemes say. */
export const ALWAYS_SECRET_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
];

/**
 * Query names that carry credentials by convention (OAuth access tokens, presigned URLs from S3
 * and GCS) even when no security scheme of this API declares them: a presigned download URL in a
 * redirect or a next-page link would otherwise land in logs verbatim.
 */
export const CONVENTIONAL_SECRET_QUERY_NAMES: readonly string[] = [
  'access_token',
  'api_key',
  'apikey',
  'client_secret',
  'password',
  'refresh_token',
  'sig',
  'signature',
  'token',
  'x-amz-credential',
  'x-amz-security-token',
  'x-amz-signature',
  'x-goog-credential',
  'x-goog-signature',
];

function lowerSet(names: Iterable<string>, base: readonly string[]): Set<string> {
  const set = new Set(base);
  for (const name of names) set.add(name.toLowerCase());
  return set;
}

/** Splits `name=value` pairs without decoding the values (they are replaced, never shown). */
function redactQuery(query: string, secret: ReadonlySet<string>): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      let name: string;
      try {
        name = decodeURIComponent(pair.slice(0, eq).replace(PLUS, ' '));
      } catch {
        name = pair.slice(0, eq);
      }
      return secret.has(name.toLowerCase()) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    })
    .join('&');
}

/**
 * `scheme://user:pass@` (or `user@`) at the start of a URL; greedy up to the last '@' before the
 * path, as WHATWG URL parses it (a raw '@' inside a password stays hidden).
 */
const USERINFO_IN_TEXT = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i;

const PLUS = /\+/g;

/**
 * The URL with userinfo (`https://user:pass@host`) and secret query values replaced by `***`.
 * Never throws: a string that is not a URL is still scrubbed of userinfo and secret query values.
 */
export function redactUrl(url: string | URL, secretQueryNames: Iterable<string> = []): string {
  const secret = lowerSet(secretQueryNames, CONVENTIONAL_SECRET_QUERY_NAMES);
  const text = typeof url === 'string' ? url : url.href;
  const hashAt = text.indexOf('#');
  const withoutHash = hashAt < 0 ? text : text.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : text.slice(hashAt);
  const queryAt = withoutHash.indexOf('?');
  let head = queryAt < 0 ? withoutHash : withoutHash.slice(0, queryAt);
  const query = queryAt < 0 ? undefined : withoutHash.slice(queryAt + 1);
  // Work on the text rather than re-serialising a URL object: the logged URL stays exactly what
  // was sent (no re-encoding), minus the secrets.
  head = head.replace(USERINFO_IN_TEXT, (_match, scheme: string) => `${scheme}${REDACTED}@`);
  return head + (query === undefined ? '' : `?${redactQuery(query, secret)}`) + hash;
}

export type HeaderValue = string | number | readonly string[] | undefined;

/** A WHATWG Headers object or a Map: anything with `forEach(value, name)`. */
export interface HeadersLike {
  forEach(callback: (value: string, name: string) => void): void;
}

/**
 * A copy of the headers with secret values replaced by `***`: Authorization,
 * Proxy-Authorization, Cookie, Set-Cookie and the given names (the API's apiKey headers and any
 * configured ones). Accepts a plain record (undici's response headers) or a Headers-like object.
 */
export function redactHeaders(
  headers: Readonly<Record<string, HeaderValue>> | HeadersLike,
  secretHeaderNames: Iterable<string> = [],
): Record<string, HeaderValue> {
  const secret = lowerSet(secretHeaderNames, ALWAYS_SECRET_HEADERS);
  const out: Record<string, HeaderValue> = {};
  const add = (value: HeaderValue, name: string): void => {
    if (value === undefined) return;
    out[name] = secret.has(name.toLowerCase()) ? (Array.isArray(value) ? value.map(() => REDACTED) : REDACTED) : value;
  };
  if (typeof headers.forEach === 'function' && !Object.hasOwn(headers, 'forEach')) {
    (headers as HeadersLike).forEach(add);
  } else {
    for (const name of Object.keys(headers)) add((headers as Record<string, HeaderValue>)[name], name);
  }
  return out;
}
