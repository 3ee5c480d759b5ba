/**
 * Renders the selected schemes into headers, query and cookies for one attempt. Called per
 * attempt so token providers are asked again on a retry (a token may have rotated meanwhile).
 * Nothing here ever puts a credential value into an error message.
 */
import { SdkError } from '../errors.js';
import { encodeCookieValue, encodeStrict } from '../request/percent.js';
import type { AuthParts, BasicCredentials, Credential, ResolvedAuth, SelectedScheme } from './types.js';

/** Same set as undici's header-value check: controls (CR, LF, NUL ...) and beyond Latin-1. */
const HEADER_VALUE_FORBIDDEN = /[^\t\x20-\x7e\x80-\xff]/;

const LOOPBACK_IPV4 = /^127(?:\.\d{1,3}){3}$/;

/** True for hosts that never leave the machine: plain http to them cannot be sniffed in transit. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || LOOPBACK_IPV4.test(host) || host === '[::1]' || host === '::1';
}

export interface ApplyAuthOptions {
  /** Allow credentials over plain http to a non-loopback host (runtime.md: off by default). */
  readonly allowInsecureAuth?: boolean;
}

export async function applyAuth(resolved: ResolvedAuth, url: URL | string, options: ApplyAuthOptions = {}): Promise<AuthParts> {
  const parts: AuthParts = { headers: {}, query: '', cookies: [] };
  if (resolved.schemes.length === 0) return parts;
  assertSecureTransport(resolved, typeof url === 'string' ? new URL(url) : url, options);
  let query = '';
  for (const selected of resolved.schemes) {
    const { scheme, name } = selected;
    if (scheme.type === 'mutualTLS') continue;
    if (scheme.type === 'apiKey') {
      const key = await secretValue(selected);
      if (scheme.in === 'header') parts.headers[scheme.name] = checkedHeaderValue(name, key);
      else if (scheme.in === 'query') query += `${query === '' ? '' : '&'}${encodeStrict(scheme.name)}=${encodeStrict(key)}`;
      else parts.cookies.push([scheme.name, encodeCookieValue(key)]);
      continue;
    }
    if (scheme.type === 'http' && scheme.scheme === 'basic') {
      parts.headers.authorization = basicHeader(name, selected.credential);
      continue;
    }
    if (scheme.type === 'http' && scheme.scheme === 'digest') {
      throw new SdkError(`auth scheme "${name}": HTTP digest authentication is not supported by this runtime yet`);
    }
    // http bearer, oauth2 and openIdConnect: a token (or provider) sent as a bearer token.
    parts.headers.authorization = `Bearer ${checkedHeaderValue(name, await secretValue(selected))}`;
  }
  return query === '' ? parts : { ...parts, query };
}

/**
 * Appends the auth query fragment to a URL, first removing parameters of the same names: a
 * next-page link often echoes the request's query, key included, and the key must not go twice.
 */
export function appendAuthQuery(url: string, authQuery: string): string {
  if (authQuery === '') return url;
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = base.indexOf('?');
  if (queryAt < 0) return `${base}?${authQuery}`;
  const names = new Set(authQuery.split('&').map((pair) => pair.slice(0, pair.indexOf('='))));
  const kept = base
    .slice(queryAt + 1)
    .split('&')
    .filter((pair) => pair !== '' && !names.has(pair.includes('=') ? pair.slice(0, pair.indexOf('=')) : pair));
  return `${base.slice(0, queryAt)}?${[...kept, authQuery].join('&')}`;
}

function assertSecureTransport(resolved: ResolvedAuth, url: URL, options: ApplyAuthOptions): void {
  if (url.protocol !== 'http:' || options.allowInsecureAuth || isLoopbackHost(url.hostname)) return;
  const names = resolved.schemes.filter((s) => s.scheme.type !== 'mutualTLS').map((s) => s.name);
  if (names.length === 0) return;
  throw new SdkError(
    `refusing to send credentials (${names.join(', ')}) over plain http to ${url.host}: use an https base URL, or set allowInsecureAuth: true if this network is trusted`,
  );
}

async function secretValue(selected: SelectedScheme): Promise<string> {
  const credential: Credential = selected.credential;
  if (typeof credential === 'string') return credential;
  if (typeof credential === 'function') {
    let value: unknown;
    try {
      value = await credential();
    } catch (error) {
      throw new SdkError(`auth scheme "${selected.name}": the credential provider failed`, { cause: error });
    }
    if (typeof value !== 'string' || value === '') {
      throw new SdkError(`auth scheme "${selected.name}": the credential provider returned ${value === '' ? 'an empty string' : typeof value}, expected a non-empty string`);
    }
    return value;
  }
  throw new SdkError(
    `auth scheme "${selected.name}" (${selected.scheme.type}) takes a string or a function returning one; got ${credential === null ? 'null' : typeof credential}` +
      (selected.scheme.type === 'oauth2' ? ' (the oauth2 token flows are not supported by this runtime yet: pass a token or provider)' : ''),
  );
}

function basicHeader(schemeName: string, credential: Credential): string {
  const basic = credential as Partial<BasicCredentials>;
  if (typeof basic !== 'object' || basic === null || typeof basic.username !== 'string') {
    throw new SdkError(`auth scheme "${schemeName}" (http basic) takes { username, password }`);
  }
  if (basic.username.includes(':')) {
    throw new SdkError(`auth scheme "${schemeName}" (http basic): the username cannot contain ':' (RFC 7617)`);
  }
  return `Basic ${Buffer.from(`${basic.username}:${basic.password ?? ''}`, 'utf8').toString('base64')}`;
}

function checkedHeaderValue(schemeName: string, value: string): string {
  if (HEADER_VALUE_FORBIDDEN.test(value)) {
    throw new SdkError(`auth scheme "${schemeName}": the credential contains CR, LF, NUL or another character a header cannot carry; refusing to send it`);
  }
  return value;
}
