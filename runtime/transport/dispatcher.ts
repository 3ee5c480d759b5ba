/**
 * The connection pool a client owns on Node: an undici Agent (or a proxy-aware one). Node only:
 * runtime/node.ts hands createPool to the PoolHolder (pool-holder.ts) through the platform seam.
 *
 * undici's own headersTimeout/bodyTimeout tick at ~500 ms granularity, too coarse for our 50 ms
 * promise, so they are switched off here and the call owns its timers (policies/); connects are
 * timed by our connector (connector.ts).
 */
import { Agent, EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici';
import type { EnvironmentVariables } from '../env.js';
import type { PoolSettings } from './pool-holder.js';
import { timedConnector, type ConnectorTls } from './connector.js';

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
