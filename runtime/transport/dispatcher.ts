/**
 * The connection pool a client owns: an undici Agent (or a proxy-aware one), created lazily on
 * the first call and shared by every client derived with `withOptions()`. Only the owner closes
 * it. A caller-supplied `dispatcher` is used as is and never closed by us.
 *
 * undici's own headersTimeout/bodyTimeout tick at ~500 ms granularity, too coarse for our 50 ms
 * promise, so they are switched off here and the call owns its timers (policies/); connects are
 * timed by our connector (connector.ts).
 */
import { Agent, EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici';
import type { TlsOptions } from '../options.js';
import { InvalidArgumentError } from '../errors.js';
import type { EnvironmentVariables } from '../env.js';
import { timedConnector, type ConnectorTls } from './connector.js';

export interface PoolSettings {
  readonly connections: number;
  readonly connectTimeoutMs: number;
  readonly proxy: string | false | undefined;
  readonly tls: TlsOptions | undefined;
  readonly rejectUnauthorized: boolean;
  /** Read when the pool is created (HTTP_PROXY, HTTPS_PROXY, NO_PROXY). */
  readonly env: EnvironmentVariables;
}

/** Keep idle sockets a little less than common server keep-alive (Node 5 s, nginx 75 s) to avoid reuse races. */
const KEEP_ALIVE_TIMEOUT_MS = 4_000;

/** Upper bound for a server-announced keep-alive. */
const KEEP_ALIVE_MAX_TIMEOUT_MS = 60_000;

export function createPool(settings: PoolSettings): Dispatcher {
  const tls: { -readonly [K in keyof ConnectorTls]: ConnectorTls[K] } = {};
  if (settings.tls?.ca !== undefined) tls.ca = settings.tls.ca;
  if (settings.tls?.cert !== undefined) tls.cert = settings.tls.cert;
  if (settings.tls?.key !== undefined) tls.key = settings.tls.key;
  if (!settings.rejectUnauthorized) tls.rejectUnauthorized = false;

  const agentOptions = {
    connections: settings.connections,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    keepAliveMaxTimeout: KEEP_ALIVE_MAX_TIMEOUT_MS,
    // 0 disables undici's coarse timers; the call's own timers bound every phase.
    headersTimeout: 0,
    bodyTimeout: 0,
    connect: timedConnector(settings.connectTimeoutMs, tls),
  };

  // Through a proxy undici builds the tunnel with its own connectors: TLS settings and the
  // connect timeout go in requestTls/proxyTls, and its connect timer (~0.5-1 s granularity) applies.
  const proxyTls = { ...tls, timeout: settings.connectTimeoutMs } as Record<string, unknown>;
  if (typeof settings.proxy === 'string') {
    const { connect: _unused, ...rest } = agentOptions;
    return new ProxyAgent({ ...rest, uri: settings.proxy, requestTls: proxyTls, proxyTls });
  }
  // The env-aware agent parses every origin per request; only pay for it when a proxy is configured.
  // NO_PROXY hosts go through a plain Agent built from agentOptions (our precise connector).
  if (settings.proxy !== false && hasProxyEnvironment(settings.env)) {
    return new EnvHttpProxyAgent({ ...agentOptions, requestTls: proxyTls, proxyTls } as EnvHttpProxyAgent.Options);
  }
  return new Agent(agentOptions);
}

function hasProxyEnvironment(env: EnvironmentVariables): boolean {
  return Boolean(env.HTTP_PROXY || env.http_proxy || env.HTTPS_PROXY || env.https_proxy);
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

  constructor(settings: PoolSettings, external: Dispatcher | undefined) {
    this.#settings = settings;
    this.#external = external;
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
      this.#main ??= createPool(this.#settings);
      return this.#main;
    }
    this.#byConnectTimeout ??= new Map();
    let pool = this.#byConnectTimeout.get(connectTimeoutMs);
    if (!pool) {
      pool = createPool({ ...this.#settings, connectTimeoutMs });
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
