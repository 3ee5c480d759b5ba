/**
 * Renders the selected schemes into headers, query and cookies for one attempt. Called per
 * attempt so token providers are asked again on a retry (a token may have rotated meanwhile).
 * Nothing here ever puts a credential value into an error message.
 */
import { InvalidArgumentError } from '../errors.js';
import { base64Utf8 } from '../bytes.js';
import { encodeCookieValue, encodeStrict } from '../request/percent.js';
import type { DigestRequest } from './digest.js';
import { requireFeature } from '../features.js';
import type { Target, Transport } from '../transport/types.js';
import { isLoopbackHost } from '../transport/loopback.js';
import type { TokenFetchOptions } from './oauth2.js';
import type { AuthParts, BasicCredentials, Credential, ResolvedAuth, SelectedScheme } from './types.js';
import { checkedHeaderValue, isSigner, secretValue } from './values.js';

export interface ApplyAuthOptions {
  /** Allow credentials over plain http to a non-loopback host (off by default). */
  readonly allowInsecureAuth?: boolean;
  /**
   * The client's base URL (server URL): a relative oauth2 tokenUrl resolves against it (OpenAPI:
   * relative URLs resolve against the Server Object). Absent: against the request URL's origin.
   */
  readonly baseUrl?: string | URL;
  /** The client's transport: the oauth2 token request goes through the same proxy, TLS and pool. */
  readonly transport?: Transport;
  /** The call's signal: stops waiting for an oauth2 token (the shared token request goes on). */
  readonly signal?: AbortSignal;
}

/**
 * Parts rendered from fixed credentials only (strings and { username, password }: no provider,
 * no token manager, no signer), per ResolvedAuth, so the hot path renders them once, not per
 * attempt. `null`: this ResolvedAuth has a credential that must be asked per attempt.
 */
const FIXED_PARTS = new WeakMap<ResolvedAuth, AuthParts | null>();

/** Origins already checked for the plain-http rule, per ResolvedAuth and allowInsecureAuth setting. */
const SECURE_ORIGINS = new WeakMap<ResolvedAuth, Set<string>>();

export async function applyAuth(
  resolved: ResolvedAuth,
  url: URL | string,
  options: ApplyAuthOptions = {},
): Promise<AuthParts> {
  if (resolved.schemes.length === 0) return { headers: {}, query: '', cookies: [] };
  checkSecureOnce(resolved, url, options);
  let fixed = FIXED_PARTS.get(resolved);
  if (fixed === undefined) {
    fixed = resolved.schemes.every(isFixedCredential) ? freezeParts(await renderParts(resolved, url, options)) : null;
    FIXED_PARTS.set(resolved, fixed);
  }
  return fixed ?? renderParts(resolved, url, options);
}

/**
 * The parts of fixed credentials, already rendered by an earlier attempt, without a promise: the
 * hot path of every call with a token string. Undefined: not rendered yet, or asked per attempt.
 */
export function renderedFixedParts(
  resolved: ResolvedAuth,
  target: Target,
  options: Pick<ApplyAuthOptions, 'allowInsecureAuth'>,
): AuthParts | undefined {
  const fixed = FIXED_PARTS.get(resolved);
  if (fixed === undefined || fixed === null) return undefined;
  if (!target.origin.startsWith('https://')) checkOriginOnce(resolved, target.origin, target.url, options);
  return fixed;
}

/** A credential that renders the same on every attempt (a string, or basic's username and password). */
function isFixedCredential(selected: SelectedScheme): boolean {
  if (selected.tokens !== undefined) return false;
  if (selected.scheme.type === 'mutualTLS') return true;
  const credential = selected.credential;
  if (typeof credential === 'string') return true;
  return typeof credential === 'object' && credential !== null && !isSigner(credential) && 'username' in credential;
}

/** The plain-http refusal, checked once per origin (a URL parse per attempt showed in the bench). */
function checkSecureOnce(
  resolved: ResolvedAuth,
  url: URL | string,
  options: Pick<ApplyAuthOptions, 'allowInsecureAuth'>,
): void {
  const href = typeof url === 'string' ? url : url.href;
  if (href.startsWith('https://')) return;
  const pathAt = href.indexOf('/', href.indexOf('//') + 2);
  checkOriginOnce(resolved, pathAt === -1 ? href : href.slice(0, pathAt), url, options);
}

function checkOriginOnce(
  resolved: ResolvedAuth,
  origin: string,
  url: URL | string,
  options: Pick<ApplyAuthOptions, 'allowInsecureAuth'>,
): void {
  // The setting is part of the key (a derived client may allow what its parent refused).
  const key = options.allowInsecureAuth === true ? `insecure-ok|${origin}` : origin;
  let checked = SECURE_ORIGINS.get(resolved);
  if (checked?.has(key)) return;
  assertSecureTransport(resolved, typeof url === 'string' ? new URL(url) : url, options);
  if (checked === undefined) {
    checked = new Set();
    SECURE_ORIGINS.set(resolved, checked);
  }
  checked.add(key);
}

/** Shared by every attempt of every call: nobody may change it. */
function freezeParts(parts: AuthParts): AuthParts {
  Object.freeze(parts.headers);
  Object.freeze(parts.cookies);
  return Object.freeze(parts);
}

/** Renders every selected scheme into headers, query and cookies (providers and tokens asked now). */
async function renderParts(resolved: ResolvedAuth, url: URL | string, options: ApplyAuthOptions): Promise<AuthParts> {
  const parts: AuthParts = { headers: {}, query: '', cookies: [] };
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
      else if (scheme.in === 'query')
        query += `${query === '' ? '' : '&'}${encodeStrict(scheme.name)}=${encodeStrict(key)}`;
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
    ...(options.transport === undefined ? {} : { transport: options.transport }),
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
export async function answerDigestChallenge(
  resolved: ResolvedAuth,
  wwwAuthenticate: string | readonly string[] | undefined,
  request: DigestRequest,
  url: URL | string,
  options: ApplyAuthOptions = {},
): Promise<string | undefined> {
  const selected = resolved.schemes.find((s) => s.scheme.type === 'http' && s.scheme.scheme === 'digest');
  if (selected === undefined) return undefined;
  const digest = requireFeature('digest', `auth scheme "${selected.name}"`);
  const challenge = digest.parseChallenge(wwwAuthenticate);
  if (challenge === undefined) return undefined;
  // Digest hides the password but the exchange is still replayable by anyone who sees it.
  assertSecureTransport(resolved, typeof url === 'string' ? new URL(url) : url, options);
  return checkedHeaderValue(
    selected.name,
    await digest.authorization(challenge, basicCredentials(selected.name, selected.credential), request),
  );
}

function assertSecureTransport(resolved: ResolvedAuth, url: URL, options: ApplyAuthOptions): void {
  if (url.protocol !== 'http:' || options.allowInsecureAuth || isLoopbackHost(url.hostname)) return;
  const names = resolved.schemes.filter((s) => s.scheme.type !== 'mutualTLS').map((s) => s.name);
  if (names.length === 0) return;
  throw new InvalidArgumentError(
    `refusing to send credentials (${names.join(', ')}) over plain http to ${url.host}: use an https base URL, or set allowInsecureAuth: true if this network is trusted`,
  );
}

function basicCredentials(schemeName: string, credential: Credential): BasicCredentials {
  const basic = credential as Partial<BasicCredentials>;
  if (typeof basic !== 'object' || basic === null || typeof basic.username !== 'string') {
    throw new InvalidArgumentError(`auth scheme "${schemeName}" (http basic/digest) takes { username, password }`);
  }
  return { username: basic.username, password: typeof basic.password === 'string' ? basic.password : '' };
}

function basicHeader(schemeName: string, credential: Credential): string {
  const basic = basicCredentials(schemeName, credential);
  if (basic.username.includes(':')) {
    throw new InvalidArgumentError(
      `auth scheme "${schemeName}" (http basic): the username cannot contain ':' (RFC 7617)`,
    );
  }
  return `Basic ${base64Utf8(`${basic.username}:${basic.password}`)}`;
}
