/**
 * Options and environment variables resolved once per client, in one place: the ClientCore every
 * call reads. Precedence everywhere: the option, then `<PREFIX>_*` environment variables, then
 * the descriptor's defaults (sdkgen.config.yaml), then runtime/constants.ts. Nothing here does
 * I/O: the pool and the base URL are made on the first call.
 */
import type { ApiDescriptor, OperationDescriptor } from '../descriptor.js';
import { createAuthResolver, secretNames, type AuthOption } from '../auth/index.js';
import {
  DEFAULT_CONNECTIONS_PER_ORIGIN,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_QUEUE,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_READ_TIMEOUT_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
} from '../constants.js';
import type { EnvironmentVariables } from '../env.js';
import { InvalidArgumentError } from '../errors.js';
import type { ClientOptions } from '../options.js';
import { resolveBaseUrl, resolveOperationBase, type ResolvedBase } from '../transport/base-url.js';
import { PoolHolder, type PoolSettings } from '../transport/pool-holder.js';
import { clientHeaders } from '../transport/headers.js';
import { CookieJar, isCookieStore, type CookieStore } from '../transport/cookie-jar.js';
import { fetchTransport, platformStreamsRequests } from '../transport/fetch.js';
import { assertFetchCapable, unsupportedOnPlatform } from '../transport/capabilities.js';
import {
  currentPlatform,
  defaultFetchOf,
  FETCH_OWNS_CONNECTIONS,
  nodeFeatures,
  type PlatformName,
} from '../transport/platform.js';
import type { Transport } from '../transport/types.js';
import type { Dispatcher } from 'undici';
import { ResponseValidation, clientValidateMode } from '../validation/policy.js';
import { Bulkhead } from '../policies/bulkhead.js';
import { CircuitBreaker } from '../policies/circuit-breaker.js';
import { RuntimeLog } from '../policies/logging.js';
import { CallStats } from '../policies/stats.js';
import type { ClientCore } from './client-core.js';
import { cachedHopPipelines, callPipelines } from './pipeline.js';

/** The platform's environment: the one place the runtime reads it (a live view, not a copy). */
export function platformEnvironment(): EnvironmentVariables {
  return typeof process === 'undefined' ? {} : process.env;
}

/** What a client derived with withOptions() keeps from its parent. */
export interface SharedState {
  readonly pools?: PoolHolder | undefined;
  readonly bulkhead?: Bulkhead | undefined;
  readonly cookieJar?: CookieStore | undefined;
  readonly breaker?: CircuitBreaker | undefined;
  readonly stats?: CallStats | undefined;
  readonly validation?: ResponseValidation | undefined;
}

export function resolveSettings<Auth extends object>(
  api: ApiDescriptor,
  options: ClientOptions<Auth>,
  shared: SharedState = {},
  env: EnvironmentVariables = platformEnvironment(),
): ClientCore {
  // First: an option the transport cannot honour fails before anything else is set up or logged.
  const { transportFor, ownsConnections, createPool, platform } = transportChoice(options);
  const log = RuntimeLog.create(options.logLevel, options.logger, api.envPrefix, env);
  const validation = shared.validation ?? new ResponseValidation(api.name, api.responseSchemas);
  const validate = clientValidateMode(options.validate, api.envPrefix, validation, log, env);
  const defaults = api.defaults;
  const timeouts = {
    connect: positive(
      'timeout.connect',
      options.timeout?.connect ?? defaults?.timeout?.connect,
      DEFAULT_CONNECT_TIMEOUT_MS,
    ),
    read: positive('timeout.read', options.timeout?.read ?? defaults?.timeout?.read, DEFAULT_READ_TIMEOUT_MS),
    total: positive('timeout.total', options.timeout?.total ?? defaults?.timeout?.total, DEFAULT_TOTAL_TIMEOUT_MS),
  };
  const connections = positive('connections', options.connections, DEFAULT_CONNECTIONS_PER_ORIGIN);
  const settings = poolSettings(api, options, log, connections, timeouts.connect, env);
  const pools = shared.pools ?? new PoolHolder(settings, options.dispatcher ?? ownsConnections, createPool);
  const maxConcurrency = positive('maxConcurrency', options.maxConcurrency, connections);
  const bulkhead =
    shared.bulkhead ?? new Bulkhead(maxConcurrency, positive('maxQueue', options.maxQueue, DEFAULT_MAX_QUEUE, true));
  const breaker = options.circuitBreaker ? (shared.breaker ?? new CircuitBreaker(options.circuitBreaker)) : undefined;
  const { base, baseFor } = baseResolvers(api, options, env);
  const maxRedirects = positive('maxRedirects', options.maxRedirects, DEFAULT_MAX_REDIRECTS, true);
  const secrets = secretNames(api);
  const middleware = options.middleware ?? [];
  const cookieJar = cookieJarOf(options.cookies, shared.cookieJar, platform);
  return {
    api,
    base,
    baseFor,
    pools,
    bulkhead,
    log,
    timeouts,
    maxRetries: positive(
      'retry.maxRetries',
      options.retry?.maxRetries ?? defaults?.retry?.maxRetries,
      DEFAULT_MAX_RETRIES,
      true,
    ),
    maxRetryAfterMs: positive('retry.maxRetryAfter', options.retry?.maxRetryAfter, DEFAULT_MAX_RETRY_AFTER_MS, true),
    maxRedirects,
    maxResponseBytes: positive('maxResponseBytes', options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
    headers: clientHeaders(api, options.defaultHeaders),
    resolveAuth: createAuthResolver(api, options.auth as AuthOption | undefined, env),
    allowInsecureAuth: options.allowInsecureAuth === true,
    secrets,
    middleware,
    cookieJar,
    breaker,
    stats: shared.stats ?? new CallStats(),
    validate,
    validation,
    callPipelines: callPipelines(breaker),
    hopFor: cachedHopPipelines({ maxRedirects, cookieJar, log, secrets, middleware }),
    transportFor,
  };
}

/**
 * undici request() over the client's pool (Node with the Node entry), or fetch: the caller's,
 * else the platform's (checked for options it cannot honour).
 */
function transportChoice<Auth extends object>(
  options: ClientOptions<Auth>,
): {
  transportFor: ClientCore['transportFor'];
  ownsConnections: Dispatcher | undefined;
  createPool: ((settings: PoolSettings) => Dispatcher) | undefined;
  platform: PlatformName;
} {
  const platform = currentPlatform();
  const node = nodeFeatures();
  const fetch = options.fetch ?? defaultFetchOf(platform);
  if (fetch === undefined && node !== undefined)
    return { transportFor: node.undiciTransport, ownsConnections: undefined, createPool: node.createPool, platform };
  if (typeof fetch !== 'function')
    throw new InvalidArgumentError(
      `fetch must be a function (the platform's fetch or one like it); got ${typeof fetch}`,
    );
  assertFetchCapable(options, platform === 'Node' ? 'the fetch transport' : `${platform} (its fetch transport)`);
  // A browser hides redirects from script (an opaque response), so it follows them itself; and
  // not every browser can send a stream body (fetch.ts platformStreamsRequests).
  const transport: Transport =
    platform === 'the browser'
      ? fetchTransport({ fetch, redirect: 'follow', streamsRequests: platformStreamsRequests })
      : fetchTransport({ fetch, redirect: 'manual' });
  return { transportFor: () => transport, ownsConnections: FETCH_OWNS_CONNECTIONS, createPool: undefined, platform };
}

function poolSettings<Auth extends object>(
  api: ApiDescriptor,
  options: ClientOptions<Auth>,
  log: RuntimeLog,
  connections: number,
  connectTimeoutMs: number,
  env: EnvironmentVariables,
): PoolSettings {
  const rejectUnauthorized = options.dangerouslyDisableTlsVerification !== true;
  if (!rejectUnauthorized) {
    log.warnOnce(
      'tls-off',
      `${api.name}: TLS certificate verification is DISABLED (dangerouslyDisableTlsVerification). Anyone on the network path can read and change this traffic. Use tls.ca for a private CA instead.`,
    );
  }
  return { connections, connectTimeoutMs, proxy: options.proxy, tls: options.tls, rejectUnauthorized, env };
}

/** Resolved on first use: a relative server URL only fails when a call is made without baseUrl. */
function baseResolvers<Auth extends object>(
  api: ApiDescriptor,
  options: ClientOptions<Auth>,
  env: EnvironmentVariables,
) {
  let base: ResolvedBase | undefined;
  const apiBase = (): ResolvedBase => (base ??= resolveBaseUrl(api, options.baseUrl, options.environment, env));
  // Operations with servers of their own, resolved once per descriptor.
  const operationBases = new WeakMap<OperationDescriptor, ResolvedBase>();
  const baseFor = (op: OperationDescriptor): ResolvedBase => {
    if (op.servers === undefined || op.servers.length === 0) return apiBase();
    let resolved = operationBases.get(op);
    if (resolved === undefined) {
      resolved = resolveOperationBase(api, op, options.baseUrl, options.environment, apiBase, env);
      operationBases.set(op, resolved);
    }
    return resolved;
  };
  return { base: apiBase, baseFor };
}

function positive(name: string, value: number | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new InvalidArgumentError(
      `${name} must be a ${allowZero ? 'non-negative' : 'positive'} finite number; got ${String(value)}`,
    );
  }
  return value;
}

/**
 * `true`: the built-in jar (shared with derived clients); a tough-cookie-shaped object: used as
 * is. Not in a browser: it keeps cookies itself and hides Set-Cookie from script.
 */
function cookieJarOf(
  option: ClientOptions['cookies'],
  shared: CookieStore | undefined,
  platform: PlatformName,
): CookieStore | undefined {
  if (option === undefined || option === false) return undefined;
  if (platform === 'the browser')
    throw unsupportedOnPlatform(
      'the cookies option (a cookie jar)',
      platform,
      "The browser keeps the cookies itself (Set-Cookie is hidden from script); for cross-origin cookies pass a fetch that sets credentials: 'include'.",
    );
  if (option === true) return shared ?? new CookieJar();
  if (isCookieStore(option)) return option;
  throw new InvalidArgumentError(
    "cookies must be true, false, or a jar with getCookieString(url) and setCookie(cookie, url) (tough-cookie's CookieJar)",
  );
}
