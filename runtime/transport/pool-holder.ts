/**
 * The connection pools of one client family, created lazily on the first call and shared by every
 * client derived with `withOptions()`; only the owner closes them. A caller-supplied `dispatcher`
 * (or the fetch transport's stand-in) is used as is and never closed by us. Platform-neutral:
 * the pool itself comes from the Node entry (dispatcher.ts via runtime/node.ts).
 */
import type { Dispatcher } from 'undici';
import type { TlsOptions } from '../options.js';
import { InvalidArgumentError } from '../errors.js';
import type { EnvironmentVariables } from '../env.js';

export interface PoolSettings {
  readonly connections: number;
  readonly connectTimeoutMs: number;
  readonly proxy: string | false | undefined;
  readonly tls: TlsOptions | undefined;
  readonly rejectUnauthorized: boolean;
  /** Read when the pool is created (HTTP_PROXY, HTTPS_PROXY, NO_PROXY). */
  readonly env: EnvironmentVariables;
}

/**
 * The pools of one client family: the main one, plus one per distinct per-call connect timeout
 * (undici fixes the connect timeout per Agent; overriding it per call is rare, so a small cache
 * keyed by the value is simpler than hooking the connector).
 */
export class PoolHolder {
  readonly #settings: PoolSettings;
  readonly #external: Dispatcher | undefined;
  #main: Dispatcher | undefined;
  #byConnectTimeout: Map<number, Dispatcher> | undefined;
  #closed = false;

  readonly #createPool: (settings: PoolSettings) => Dispatcher;

  /**
   * @param createPool  the Node entry's undici pool; absent where fetch owns the connections (then
   *                    `external` is always given)
   */
  constructor(
    settings: PoolSettings,
    external: Dispatcher | undefined,
    createPool: ((settings: PoolSettings) => Dispatcher) | undefined,
  ) {
    this.#settings = settings;
    this.#external = external;
    this.#createPool = createPool ?? noPool;
  }

  get closed(): boolean {
    return this.#closed;
  }

  get settings(): PoolSettings {
    return this.#settings;
  }

  dispatcher(connectTimeoutMs: number): Dispatcher {
    // A call that waited in the bulkhead while the client was closed must not reopen a pool.
    if (this.#closed) throw new InvalidArgumentError('the client was closed');
    if (this.#external) return this.#external;
    if (connectTimeoutMs === this.#settings.connectTimeoutMs) {
      this.#main ??= this.#createPool(this.#settings);
      return this.#main;
    }
    this.#byConnectTimeout ??= new Map();
    let pool = this.#byConnectTimeout.get(connectTimeoutMs);
    if (!pool) {
      pool = this.#createPool({ ...this.#settings, connectTimeoutMs });
      this.#byConnectTimeout.set(connectTimeoutMs, pool);
    }
    return pool;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const pools = [this.#main, ...(this.#byConnectTimeout?.values() ?? [])].filter(
      (p): p is Dispatcher => p !== undefined,
    );
    this.#main = undefined;
    this.#byConnectTimeout = undefined;
    await Promise.all(pools.map((pool) => pool.close()));
  }
}

function noPool(): never {
  throw new InvalidArgumentError('no connection pool on this platform: the fetch transport owns the connections');
}
