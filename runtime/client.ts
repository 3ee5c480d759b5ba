/**
 * The base class of every generated client: the verbs generated code calls (`request`,
 * `paginate`) over one pooled transport and the engine's layers (engine/pipeline.ts).
 *
 * Construction is cheap and does no I/O: the connection pool is created on the first call and
 * shared by clients derived with `withOptions()`; only the client that created it closes it.
 */
import type { ApiDescriptor, OperationDescriptor } from './descriptor.js';
import type { PagePromise, PageFetcher, RawPage } from './pagination/index.js';
import { requireFeature, type PaginationFeature } from './features.js';
import { InvalidArgumentError } from './errors.js';
import type { ClientOptions, RequestOptions } from './options.js';
import { ApiPromise, type CallResult } from './response/api-promise.js';
import type { ApiResponse } from './response/api-response.js';
import { executeCall, type ClientCore, type PageCall, type PageableResult } from './engine/call.js';
import { resolveSettings } from './engine/settings.js';
import type { OperationStats } from './policies/stats.js';

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
    this.#core = resolveSettings(api, options);
  }

  /** The options this client was built with (merged, for derived clients). */
  get options(): Readonly<ClientOptions<Auth>> {
    return this.#options;
  }

  /** Sends one operation call. Generated methods are one line over this. */
  request<T>(op: OperationDescriptor, params?: object, options?: RequestOptions): ApiPromise<T> {
    return new ApiPromise<T>(executeCall(this.#core, op, params, options) as Promise<CallResult<T>>);
  }

  /**
   * A paginated call: `await` gives the first page, `for await` every item. Lazy: nothing is sent until used.
   * `support`: the pagination feature (src/functions.ts passes it, so only a bundle that paginates holds it);
   * without it, the one installed (runtime/features.ts).
   */
  paginate<Item>(
    op: OperationDescriptor,
    params?: object,
    options?: RequestOptions,
    support?: PaginationFeature,
  ): PagePromise<Item, ApiResponse> {
    if (!op.pagination) {
      throw new InvalidArgumentError(`${op.id}: paginate() needs an operation with a pagination descriptor`);
    }
    const { PagePromise } = support ?? requireFeature('pagination', op.id);
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
    return new PagePromise<Item, ApiResponse>(
      fetcher,
      op.pagination,
      (params ?? {}) as Record<string, unknown>,
      paginationOptions,
    );
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
    derived.#core = resolveSettings(this.#api, merged, {
      pools: sharesPool ? this.#core.pools : undefined,
      bulkhead: sharesBulkhead ? this.#core.bulkhead : undefined,
      cookieJar: 'cookies' in options ? undefined : this.#core.cookieJar,
      breaker: 'circuitBreaker' in options ? undefined : this.#core.breaker,
      stats: this.#core.stats,
      validation: this.#core.validation,
    });
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

function mergeOptions<Auth extends object>(
  base: ClientOptions<Auth>,
  patch: Partial<ClientOptions<Auth>>,
): ClientOptions<Auth> {
  return {
    ...base,
    ...patch,
    ...(patch.timeout ? { timeout: { ...base.timeout, ...patch.timeout } } : {}),
    ...(patch.retry ? { retry: { ...base.retry, ...patch.retry } } : {}),
    ...(patch.defaultHeaders ? { defaultHeaders: { ...base.defaultHeaders, ...patch.defaultHeaders } } : {}),
  };
}
