/**
 * The base class of every generated client: the verbs generated code calls (`request`,
 * `paginate`) over one pooled transport and the policy pipeline (policies/).
 *
 * Construction is cheap and does no I/O: the connection pool is created on the first call and
 * shared by clients derived with `withOptions()`; only the client that created it closes it.
 */
import type { ApiDescriptor, OperationDescriptor } from './descriptor.js';
import { createAuthResolver, secretNames, type AuthOption } from './auth/index.js';
import { PagePromise, type PageFetcher, type RawPage } from './pagination/index.js';
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
} from './constants.js';
import { SdkError } from './errors.js';
import type { ClientOptions, RequestOptions } from './options.js';
import { ApiPromise, type CallResult } from './response/api-promise.js';
import type { ApiResponse } from './response/api-response.js';
import { resolveBaseUrl, resolveOperationBase, type ResolvedBase } from './transport/base-url.js';
import { PoolHolder, type PoolSettings } from './transport/dispatcher.js';
import { clientHeaders } from './transport/headers.js';
import { CookieJar, isCookieStore, type CookieStore } from './transport/cookie-jar.js';
import { ResponseValidation, clientValidateMode } from './validation/policy.js';
import { Bulkhead } from './policies/bulkhead.js';
import { executeCall, type ClientCore, type PageCall, type PageableResult } from './policies/call.js';
import { RuntimeLog } from './policies/logging.js';
import { CircuitBreaker } from './policies/circuit-breaker.js';
import { CallStats, type OperationStats } from './policies/stats.js';

/** Options that shape the connection pool: changing one in withOptions() needs a pool of its own. */
const POOL_OPTION_KEYS = ['dispatcher', 'proxy', 'tls', 'dangerouslyDisableTlsVerification', 'connections'] as const;

const FIRST_PAGE: PageCall = {};

export class Client<Auth extends object = Record<string, unknown>> {
  readonly #api: ApiDescriptor;
  readonly #options: ClientOptions<Auth>;
  #core: ClientCore;
  /** True for the client that created the pool (the only one allowed to close it). */
  #ownsPool = true;

  constructor(api: ApiDescriptor, options: ClientOptions<Auth> = {}) {
    this.#api = api;
    this.#options = options;
    this.#core = buildCore(api, options, undefined, undefined);
  }

  /** The options this client was built with (merged, for derived clients). */
  get options(): Readonly<ClientOptions<Auth>> {
    return this.#options;
  }

  /** Sends one operation call. Generated methods are one line over this. */
  request<T>(op: OperationDescriptor, params?: object, options?: RequestOptions): ApiPromise<T> {
    return new ApiPromise<T>(executeCall(this.#core, op, params, options) as Promise<CallResult<T>>);
  }

  /** A paginated call: `await` gives the first page, `for await` every item. Lazy: nothing is sent until used. */
  paginate<Item>(op: OperationDescriptor, params?: object, options?: RequestOptions): PagePromise<Item, ApiResponse> {
    if (!op.pagination) {
      throw new SdkError(`${op.id}: paginate() needs an operation with a pagination descriptor`);
    }
    const core = this.#core;
    const toPage = (result: PageableResult): RawPage<ApiResponse> => ({
      body: result.data(),
      url: result.pageUrl!,
      headers: result.response.headers,
      response: result.response,
    });
    const fetcher: PageFetcher<ApiResponse> = {
      first: () => executeCall(core, op, params, options, FIRST_PAGE).then(toPage),
      next: (url) => executeCall(core, op, params, options, { absoluteUrl: url }).then(toPage),
      nextWithParams: (next) => executeCall(core, op, next, options, FIRST_PAGE).then(toPage),
    };
    const paginationOptions = {
      ...(options?.maxPages === undefined ? {} : { maxPages: options.maxPages }),
      ...(options?.maxItems === undefined ? {} : { maxItems: options.maxItems }),
      ...(this.#options.allowCrossOriginPagination ? { allowCrossOriginPagination: true } : {}),
    };
    return new PagePromise<Item, ApiResponse>(fetcher, op.pagination, (params ?? {}) as Record<string, unknown>, paginationOptions);
  }

  /**
   * A client with some options changed, sharing this one's connection pool (and bulkhead) unless
   * the change needs its own (dispatcher, proxy, tls, connections). Generated subclasses take
   * `(options)`; the base class takes `(api, options)`.
   */
  withOptions(options: Partial<ClientOptions<Auth>>): this {
    const merged = mergeOptions(this.#options, options);
    const ctor = this.constructor as new (...args: unknown[]) => this;
    const derived = ctor === (Client as unknown) ? new ctor(this.#api, merged) : new ctor(merged);
    // A different connect timeout still shares: the pool holder keeps one Agent per connect value.
    const sharesPool = POOL_OPTION_KEYS.every((key) => !(key in options));
    const sharesBulkhead = sharesPool && !('maxConcurrency' in options) && !('maxQueue' in options);
    // The derived client's own pool was never created (lazy), so swapping it out costs nothing.
    derived.#core = buildCore(
      this.#api,
      merged,
      sharesPool ? this.#core.pools : undefined,
      sharesBulkhead ? this.#core.bulkhead : undefined,
      'cookies' in options ? undefined : this.#core.cookieJar,
      'circuitBreaker' in options ? undefined : this.#core.breaker,
      this.#core.stats,
      this.#core.validation,
    );
    derived.#ownsPool = !sharesPool;
    return derived;
  }

  /** Per operation: calls, errors by class, retries, latency p50/p95/p99 (shared with withOptions() clients). */
  stats(): Record<string, OperationStats> {
    return this.#core.stats.snapshot();
  }

  /** Closes the connection pool (waiting for calls in flight). Derived clients leave the shared pool open. */
  async close(): Promise<void> {
    if (this.#ownsPool) await this.#core.pools.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

function mergeOptions<Auth extends object>(base: ClientOptions<Auth>, patch: Partial<ClientOptions<Auth>>): ClientOptions<Auth> {
  return {
    ...base,
    ...patch,
    ...(patch.timeout ? { timeout: { ...base.timeout, ...patch.timeout } } : {}),
    ...(patch.retry ? { retry: { ...base.retry, ...patch.retry } } : {}),
    ...(patch.defaultHeaders ? { defaultHeaders: { ...base.defaultHeaders, ...patch.defaultHeaders } } : {}),
  };
}

function positive(name: string, value: number | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new SdkError(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} finite number; got ${String(value)}`);
  }
  return value;
}

function buildCore<Auth extends object>(
  api: ApiDescriptor,
  options: ClientOptions<Auth>,
  sharedPools: PoolHolder | undefined,
  sharedBulkhead: Bulkhead | undefined,
  sharedJar?: CookieStore,
  sharedBreaker?: CircuitBreaker,
  sharedStats?: CallStats,
  sharedValidation?: ResponseValidation,
): ClientCore {
  const log = RuntimeLog.create(options.logLevel, options.logger, api.envPrefix);
  const validation = sharedValidation ?? new ResponseValidation(api.name, api.responseSchemas);
  const validate = clientValidateMode(options.validate, api.envPrefix, validation, log);
  const defaults = api.defaults;
  const timeouts = {
    connect: positive('timeout.connect', options.timeout?.connect ?? defaults?.timeout?.connect, DEFAULT_CONNECT_TIMEOUT_MS),
    read: positive('timeout.read', options.timeout?.read ?? defaults?.timeout?.read, DEFAULT_READ_TIMEOUT_MS),
    total: positive('timeout.total', options.timeout?.total ?? defaults?.timeout?.total, DEFAULT_TOTAL_TIMEOUT_MS),
  };
  const connections = positive('connections', options.connections, DEFAULT_CONNECTIONS_PER_ORIGIN);
  const rejectUnauthorized = options.dangerouslyDisableTlsVerification !== true;
  if (!rejectUnauthorized) {
    log.warnOnce(
      'tls-off',
      `${api.name}: TLS certificate verification is DISABLED (dangerouslyDisableTlsVerification). Anyone on the network path can read and change this traffic. Use tls.ca for a private CA instead.`,
    );
  }
  const settings: PoolSettings = {
    connections,
    connectTimeoutMs: timeouts.connect,
    proxy: options.proxy,
    tls: options.tls,
    rejectUnauthorized,
  };
  const pools = sharedPools ?? new PoolHolder(settings, options.dispatcher);
  const maxConcurrency = positive('maxConcurrency', options.maxConcurrency, connections);
  const bulkhead =
    sharedBulkhead ?? new Bulkhead(maxConcurrency, positive('maxQueue', options.maxQueue, DEFAULT_MAX_QUEUE, true));
  let base: ResolvedBase | undefined;
  const apiBase = (): ResolvedBase => (base ??= resolveBaseUrl(api, options.baseUrl, options.environment));
  // Operations with servers of their own, resolved once per descriptor.
  const operationBases = new WeakMap<OperationDescriptor, ResolvedBase>();
  return {
    api,
    // Resolved on first use: a relative server URL only fails when a call is made without baseUrl.
    base: apiBase,
    baseFor: (op) => {
      if (op.servers === undefined || op.servers.length === 0) return apiBase();
      let resolved = operationBases.get(op);
      if (resolved === undefined) {
        resolved = resolveOperationBase(api, op, options.baseUrl, options.environment, apiBase);
        operationBases.set(op, resolved);
      }
      return resolved;
    },
    pools,
    bulkhead,
    log,
    timeouts,
    maxRetries: positive('retry.maxRetries', options.retry?.maxRetries ?? defaults?.retry?.maxRetries, DEFAULT_MAX_RETRIES, true),
    maxRetryAfterMs: positive('retry.maxRetryAfter', options.retry?.maxRetryAfter, DEFAULT_MAX_RETRY_AFTER_MS, true),
    maxRedirects: positive('maxRedirects', options.maxRedirects, DEFAULT_MAX_REDIRECTS, true),
    maxResponseBytes: positive('maxResponseBytes', options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
    headers: clientHeaders(api, options.defaultHeaders),
    resolveAuth: createAuthResolver(api, options.auth as AuthOption | undefined),
    allowInsecureAuth: options.allowInsecureAuth === true,
    secrets: secretNames(api),
    middleware: options.middleware ?? [],
    cookieJar: cookieJarOf(options.cookies, sharedJar),
    breaker: options.circuitBreaker ? (sharedBreaker ?? new CircuitBreaker(options.circuitBreaker)) : undefined,
    stats: sharedStats ?? new CallStats(),
    validate,
    validation,
  };
}

/** `true`: the built-in jar (shared with derived clients); a tough-cookie-shaped object: used as is. */
function cookieJarOf(option: ClientOptions['cookies'], shared: CookieStore | undefined): CookieStore | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true) return shared ?? new CookieJar();
  if (isCookieStore(option)) return option;
  throw new SdkError('cookies must be true, false, or a jar with getCookieString(url) and setCookie(cookie, url) (tough-cookie\'s CookieJar)');
}
