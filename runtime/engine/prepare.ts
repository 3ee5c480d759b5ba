/**
 * Before a call's first attempt: the request shaped from the descriptor and params (target,
 * headers, cookies, body, idempotency key) and the call's limits (timeouts, retries, response
 * size, validation) from call options > operation > client, checked once.
 */
import type { OperationDescriptor } from '../descriptor.js';
import { buildRequest, formatCookieHeader, type EncodedBody } from '../request/index.js';
import { DEFAULT_IDEMPOTENCY_HEADER, IDEMPOTENT_METHODS } from '../constants.js';
import { InvalidArgumentError } from '../errors.js';
import { toHex, utf8Encode } from '../bytes.js';
import type { RequestOptions } from '../options.js';
import type { ResolvedBase } from '../transport/base-url.js';
import { callHeaders } from '../transport/headers.js';
import { targetOf } from '../transport/target.js';
import type { Target } from '../transport/types.js';
import { validateModeOf } from '../validation/policy.js';
import type { ValidateMode } from '../validation/types.js';
import type { ClientCore, PageCall } from './client-core.js';

/** Lower-cased once: a fresh lower-cased copy per call is a slower property key. */
const DEFAULT_KEY_HEADER = DEFAULT_IDEMPOTENCY_HEADER.toLowerCase();

/** The request of a call, before credentials. */
export interface ShapedCall {
  readonly method: string;
  readonly target: Target;
  readonly headers: Record<string, string>;
  readonly body: EncodedBody | undefined;
  readonly idempotent: boolean;
  /** Where the operation goes (its own servers or the API's). */
  readonly base: ResolvedBase;
}

export function shapeCall(
  core: ClientCore,
  op: OperationDescriptor,
  params: object | undefined,
  options: RequestOptions | undefined,
  page: PageCall | undefined,
): ShapedCall {
  const absoluteUrl = page?.absoluteUrl;
  const shaped = buildRequest(op, params);
  const base = core.baseFor(op);
  const method = absoluteUrl === undefined ? op.method : 'GET';
  const target = absoluteUrl === undefined ? plainTarget(base, shaped.path, shaped.query) : targetOf(absoluteUrl);
  const headers = callHeaders(core.headers, op, shaped.headers, options?.headers);
  if (shaped.cookies.length > 0) headers.cookie = formatCookieHeader(shaped.cookies);
  const body = absoluteUrl === undefined && shaped.body !== undefined ? shaped.body : undefined;
  // Only when there is one: a `delete` costs even when the name is absent.
  if (body === undefined && headers['content-type'] !== undefined) delete headers['content-type'];

  // Idempotency: one key per call, the same on every attempt.
  const keyHeader = op.idempotencyHeader?.toLowerCase() ?? DEFAULT_KEY_HEADER;
  let key = options?.idempotencyKey ?? headers[keyHeader];
  if (key === undefined && op.idempotent && !IDEMPOTENT_METHODS.has(method)) key = globalThis.crypto.randomUUID(); // WebCrypto: Node 20, browsers, Deno, Bun, workers
  if (key !== undefined) {
    // Same rule as every other header (transport/headers.ts): CR/LF/NUL would inject headers.
    if (/[\r\n\0]/.test(key)) {
      throw new InvalidArgumentError(
        `${op.id}: the idempotency key (header ${JSON.stringify(keyHeader)}) contains CR, LF or NUL; refusing to send it`,
      );
    }
    headers[keyHeader] = key;
  }
  return { method, target, headers, body, idempotent: key !== undefined || IDEMPOTENT_METHODS.has(method), base };
}

/** A call's limits: call options > operation (x-sdk-* extensions) > client. */
export interface CallLimits {
  readonly connectMs: number;
  readonly readMs: number;
  readonly totalMs: number;
  readonly maxRetries: number;
  readonly maxRetryAfterMs: number;
  readonly maxResponseBytes: number;
  readonly validate: ValidateMode;
}

export function callLimits(core: ClientCore, op: OperationDescriptor, options: RequestOptions | undefined): CallLimits {
  const t = options?.timeout;
  const d = op.timeout;
  const connectMs = checkTimeout('connect', t?.connect ?? d?.connect ?? core.timeouts.connect);
  const readMs = checkTimeout('read', t?.read ?? d?.read ?? core.timeouts.read);
  const totalMs = checkTimeout('total', t?.total ?? d?.total ?? core.timeouts.total);
  const maxRetries = options?.retry?.maxRetries ?? op.retry?.maxRetries ?? core.maxRetries;
  const maxRetryAfterMs = options?.retry?.maxRetryAfter ?? core.maxRetryAfterMs;
  const maxResponseBytes =
    options?.maxResponseBytes === undefined ? core.maxResponseBytes : checkMaxResponseBytes(options.maxResponseBytes);
  const validate = options?.validate === undefined ? core.validate : validateModeOf(options.validate);
  if (validate !== core.validate) core.validation.assertAvailable(validate);
  return { connectMs, readMs, totalMs, maxRetries, maxRetryAfterMs, maxResponseBytes, validate };
}

/** Characters HTTP cannot carry raw in a request target (non-ASCII, controls, space and a few delimiters). */
const UNSAFE_PATH_CHARS = /[^\x21-\x7e]|["<>\\^`{|}]/;
const UNSAFE_PATH_RUNS = /(?:[^\x21-\x7e]|["<>\\^`{|}])+/g;

/**
 * Percent-encodes what the spec's literal path segments may contain raw (`/unicode/ключ`);
 * parameter values arrive already encoded, and existing %XX escapes are left alone.
 */
function wirePath(path: string): string {
  if (!UNSAFE_PATH_CHARS.test(path)) return path;
  return path.replace(UNSAFE_PATH_RUNS, (run) => toHex(utf8Encode(run)).replace(/../g, '%$&').toUpperCase());
}

/** Base origin + path + query without a URL parse (the success path does not need one). */
function plainTarget(base: ResolvedBase, rawPath: string, query: string): Target {
  const path = wirePath(rawPath);
  const fullPath = query === '' ? `${base.basePath}${path}` : `${base.basePath}${path}?${query}`;
  return { origin: base.origin, path: fullPath, url: base.origin + fullPath };
}

function checkTimeout(name: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new InvalidArgumentError(
      `timeout.${name} must be a positive, finite number of milliseconds (timeouts are never infinite); got ${String(value)}`,
    );
  }
  return value;
}

function checkMaxResponseBytes(value: number): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`maxResponseBytes must be a positive, finite number of bytes; got ${String(value)}`);
  }
  return value;
}
