/**
 * Renders the selected schemes into headers, query and cookies for one attempt. Called per
 * attempt so token providers are asked again on a retry (a token may have rotated meanwhile).
 * Nothing here ever puts a credential value into an error message.
 */
import { SdkError } from '../errors.js';
import { encodeCookieValue, encodeStrict } from '../request/percent.js';
import { digestAuthorization, parseDigestChallenge, type DigestRequest } from './digest.js';
import type { Dispatcher } from 'undici';
import { isLoopbackHost } from '../transport/loopback.js';
import type { TokenFetchOptions } from './oauth2.js';
import type { AuthParts, BasicCredentials, Credential, ResolvedAuth, SelectedScheme } from './types.js';
import { checkedHeaderValue, isSigner, secretValue } from './values.js';

export interface ApplyAuthOptions {
  /** Allow credentials over plain http to a non-loopback host (runtime.md: off by default). */
  readonly allowInsecureAuth?: boolean;
  /**
   * The client's base URL (server URL): a relative oauth2 tokenUrl resolves against it (OpenAPI:
   * relative URLs resolve against the Server Object). Absent: against the request URL's origin.
   */
  readonly baseUrl?: string | URL;
  /** The client's dispatcher: the oauth2 token request goes through the same proxy, TLS and pool. */
  readonly dispatcher?: Dispatcher;
  /** The call's signal: stops waiting for an oauth2 token (the shared token request goes on). */
  readonly signal?: AbortSignal;
}

export async function applyAuth(resolved: ResolvedAuth, url: URL | string, options: ApplyAuthOptions = {}): Promise<AuthParts> {
  const parts: AuthParts = { headers: {}, query: '', cookies: [] };
  if (resolved.schemes.length === 0) return parts;
  assertSecureTransport(resolved, typeof url === 'string' ? new URL(url) : url, options);
  let query = '';
  for (const selected of resolved.schemes) {
    const { scheme, name } = selected;
    // Signers run last, over the finished request (signRequest), not here.
    if (scheme.type === 'mutualTLS' || isSigner(selected.credential)) continue;
    if (selected.tokens !== undefined) {
      const target = typeof url === 'string' ? url : url.href;
      const token = await selected.tokens.token(tokenOptions(options, target));
      parts.headers.authorization = `Bearer ${checkedHeaderValue(name, token)}`;
      continue;
    }
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
    // Digest is answered after the server's 401 challenge (answerDigestChallenge), never up front.
    if (scheme.type === 'http' && scheme.scheme === 'digest') continue;
    // http bearer, oauth2 and openIdConnect: a token (or provider) sent as a bearer token.
    parts.headers.authorization = `Bearer ${checkedHeaderValue(name, await secretValue(selected))}`;
  }
  return query === '' ? parts : { ...parts, query };
}

/** What the oauth2 token manager needs from the attempt's options. */
export function tokenOptions(options: ApplyAuthOptions, requestUrl: string): TokenFetchOptions {
  return {
    baseUrl: options.baseUrl ?? new URL(requestUrl).origin,
    ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
    ...(options.allowInsecureAuth === undefined ? {} : { allowInsecureAuth: options.allowInsecureAuth }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
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

/**
 * The Authorization header answering a 401's `WWW-Authenticate: Digest ...` challenge, when the
 * call resolved a digest scheme and the challenge is one we can answer; undefined otherwise (the
 * 401 then surfaces as is). The client replays the request once with it; `uri` is the request
 * target as sent (path and query), `nonceCount` starts at 1 per nonce.
 */
export function answerDigestChallenge(
  resolved: ResolvedAuth,
  wwwAuthenticate: string | readonly string[] | undefined,
  request: DigestRequest,
  url: URL | string,
  options: ApplyAuthOptions = {},
): string | undefined {
  const selected = resolved.schemes.find((s) => s.scheme.type === 'http' && s.scheme.scheme === 'digest');
  if (selected === undefined) return undefined;
  const challenge = parseDigestChallenge(wwwAuthenticate);
  if (challenge === undefined) return undefined;
  // Digest hides the password but the exchange is still replayable by anyone who sees it.
  assertSecureTransport(resolved, typeof url === 'string' ? new URL(url) : url, options);
  return checkedHeaderValue(selected.name, digestAuthorization(challenge, basicCredentials(selected.name, selected.credential), request));
}

function assertSecureTransport(resolved: ResolvedAuth, url: URL, options: ApplyAuthOptions): void {
  if (url.protocol !== 'http:' || options.allowInsecureAuth || isLoopbackHost(url.hostname)) return;
  const names = resolved.schemes.filter((s) => s.scheme.type !== 'mutualTLS').map((s) => s.name);
  if (names.length === 0) return;
  throw new SdkError(
    `refusing to send credentials (${names.join(', ')}) over plain http to ${url.host}: use an https base URL, or set allowInsecureAuth: true if this network is trusted`,
  );
}

function basicCredentials(schemeName: string, credential: Credential): BasicCredentials {
  const basic = credential as Partial<BasicCredentials>;
  if (typeof basic !== 'object' || basic === null || typeof basic.username !== 'string') {
    throw new SdkError(`auth scheme "${schemeName}" (http basic/digest) takes { username, password }`);
  }
  return { username: basic.username, password: typeof basic.password === 'string' ? basic.password : '' };
}

function basicHeader(schemeName: string, credential: Credential): string {
  const basic = basicCredentials(schemeName, credential);
  if (basic.username.includes(':')) {
    throw new SdkError(`auth scheme "${schemeName}" (http basic): the username cannot contain ':' (RFC 7617)`);
  }
  return `Basic ${Buffer.from(`${basic.username}:${basic.password}`, 'utf8').toString('base64')}`;
}
