/**
 * One OAuth 2.0 client credentials token request (RFC 6749 §4.4): the POST, its timeout, and
 * reading the answer. Caching and sharing the token is oauth2.ts's job.
 *
 * Secrets: the client secret travels in the Authorization header (or the form body) and the
 * access token in the response body; neither is ever put into an error. Error bodies are cut down
 * to RFC 6749 §5.2's `error`, `error_description` and `error_uri`, scrubbed of the secret.
 */
import { ResponseParseError, SdkError, TimeoutError, apiErrorForStatus } from '../errors.js';
import { base64Utf8, concatBytes, utf8Decode } from '../bytes.js';
import { redactHeaders, redactUrl } from '../redact.js';
import { AttemptAbort } from '../transport/attempt-abort.js';
import { classifyTransportError } from '../transport/classify.js';
import { fetchTransport } from '../transport/fetch.js';
import { targetOf } from '../transport/target.js';
import type { BodySource } from '../transport/body-source.js';
import type { Transport } from '../transport/types.js';
import type { OAuth2ClientCredentials } from './types.js';

/**
 * Wall clock for the whole token request (connect, headers and body). A token endpoint answers a
 * small form POST in milliseconds; one that takes longer than this is down, and every call queued
 * behind the token is better failed than left hanging. Our own timer, not undici's (~500 ms ticks).
 */
export const TOKEN_REQUEST_TIMEOUT_MS = 10_000;

/** A token response is a few hundred bytes (a JWT a few KB); anything beyond this is not one. */
export const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;

export interface TokenRequestOptions {
  /**
   * The client's transport, so the token request goes through the same pool, proxy and TLS
   * settings (or the same fetch). Without one: the platform's fetch.
   */
  readonly transport?: Transport;
  /** Defaults to TOKEN_REQUEST_TIMEOUT_MS (tests shorten it). */
  readonly timeoutMs?: number;
}

export interface FetchedToken {
  readonly accessToken: string;
  /** Lifetime in seconds when the server said (RFC 6749 §5.1 `expires_in`). */
  readonly expiresInSec: number | undefined;
}

/** application/x-www-form-urlencoded encoding of one value (RFC 6749 §2.3.1 asks for it in Basic too). */
function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

export function tokenRequestBody(credentials: OAuth2ClientCredentials): string {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (credentials.scopes !== undefined && credentials.scopes.length > 0)
    form.set('scope', credentials.scopes.join(' '));
  for (const [name, value] of Object.entries(credentials.params ?? {})) form.set(name, value);
  if (credentials.authMethod === 'client_secret_post') {
    form.set('client_id', credentials.clientId);
    form.set('client_secret', credentials.clientSecret);
  }
  return form.toString();
}

export async function requestToken(
  schemeName: string,
  tokenUrl: URL,
  credentials: OAuth2ClientCredentials,
  options: TokenRequestOptions = {},
): Promise<FetchedToken> {
  const timeoutMs = options.timeoutMs ?? TOKEN_REQUEST_TIMEOUT_MS;
  const where = redactUrl(tokenUrl);
  const what = `auth scheme "${schemeName}": oauth2 token request to ${where}`;
  const scrub = scrubber(credentials.clientSecret);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (credentials.authMethod !== 'client_secret_post') {
    const pair = `${formEncode(credentials.clientId)}:${formEncode(credentials.clientSecret)}`;
    headers.authorization = `Basic ${base64Utf8(pair)}`;
  }
  const abort = new AttemptAbort();
  const timer = setTimeout(() => abort.abort(new Error('token request timed out')), timeoutMs);
  let status: number;
  let responseHeaders: Record<string, string | string[] | undefined>;
  let bytes: Uint8Array;
  try {
    const transport = options.transport ?? fetchTransport({ redirect: 'manual' });
    const target = targetOf(tokenUrl.href);
    const response = await transport(
      {
        method: 'POST',
        url: target.url,
        headers,
        body: tokenRequestBody(credentials),
        attempt: 1,
        operationId: `${schemeName} token request`,
        signal: abort.signal,
      },
      target,
      abort,
    );
    status = response.status;
    responseHeaders = response.headers;
    bytes = await readCapped(response.body, what);
  } catch (error) {
    if (abort.aborted) {
      throw new TimeoutError(`${what} did not complete within ${timeoutMs} ms`, {
        method: 'POST',
        url: where,
        timeoutMs,
      });
    }
    if (error instanceof SdkError) throw error;
    const classified = classifyTransportError(error, { method: 'POST', url: where, connectTimeoutMs: timeoutMs });
    classified.error.message = scrub(`${what} failed: ${classified.error.message}`);
    throw classified.error;
  } finally {
    clearTimeout(timer);
  }
  const contentType = String(responseHeaders['content-type'] ?? '').toLowerCase();
  if (status < 200 || status >= 300) {
    const body = errorFields(bytes, contentType, scrub);
    const detail = [body.error, body.error_description].filter((s) => s !== undefined).join(': ');
    throw apiErrorForStatus({
      status,
      headers: flatten(redactHeaders(responseHeaders)),
      body,
      method: 'POST',
      url: where,
      message: `${what} failed with ${status}${detail === '' ? '' : ` (${detail})`}`,
    });
  }
  return readTokenResponse(bytes, contentType, what);
}

async function readCapped(body: BodySource, what: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > MAX_TOKEN_RESPONSE_BYTES) {
      body.destroy();
      throw new ResponseParseError(
        `${what}: the response is larger than ${MAX_TOKEN_RESPONSE_BYTES} bytes; not a token response`,
      );
    }
    chunks.push(chunk);
  }
  return chunks.length === 0 ? new Uint8Array(0) : concatBytes(chunks, total);
}

/** JSON (RFC 6749 §5.1), or form-encoded as some older servers (GitHub's) send without Accept. */
function parseFields(bytes: Uint8Array, contentType: string): Record<string, unknown> | undefined {
  const text = utf8Decode(bytes);
  if (contentType.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function readTokenResponse(bytes: Uint8Array, contentType: string, what: string): FetchedToken {
  const fields = parseFields(bytes, contentType);
  // The body holds the token: messages name fields, never quote values.
  if (fields === undefined)
    throw new ResponseParseError(`${what}: the response is not a JSON object (content-type ${contentType || 'none'})`);
  const accessToken = fields.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new ResponseParseError(
      `${what}: the response has no access_token (fields: ${Object.keys(fields).sort().join(', ') || 'none'})`,
    );
  }
  const tokenType = fields.token_type;
  // RFC 6749 §7.1: a client must not use a token type it does not understand. Absent is tolerated
  // (several servers omit it for bearer tokens).
  if (tokenType !== undefined && (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer')) {
    throw new SdkError(
      `${what}: token_type ${typeof tokenType === 'string' ? `"${tokenType.slice(0, 40)}"` : typeof tokenType} is not supported (only Bearer)`,
    );
  }
  return { accessToken, expiresInSec: lifetime(fields.expires_in) };
}

/** expires_in as a positive number of seconds; a numeric string too (Azure AD v1 sends "3599"). */
function lifetime(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

interface OAuthErrorBody {
  error?: string;
  error_description?: string;
  error_uri?: string;
}

/** RFC 6749 §5.2 fields only; the rest of an error body (echoed params, traces) is dropped. */
function errorFields(bytes: Uint8Array, contentType: string, scrub: (text: string) => string): OAuthErrorBody {
  const fields = parseFields(bytes, contentType) ?? {};
  const out: OAuthErrorBody = {};
  for (const name of ['error', 'error_description', 'error_uri'] as const) {
    const value = fields[name];
    if (typeof value === 'string') out[name] = scrub(value.slice(0, 300));
  }
  return out;
}

/** Replaces the secret (raw and form-encoded) wherever a server or a library echoed it. */
function scrubber(secret: string): (text: string) => string {
  const forms = [...new Set([secret, formEncode(secret), encodeURIComponent(secret)])].filter((s) => s.length > 0);
  return (text) => forms.reduce((acc, form) => acc.split(form).join('***'), text);
}

function flatten(headers: Record<string, string | number | readonly string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}
