/**
 * Where calls go: `baseUrl` option, else env `<PREFIX>_BASE_URL`, else the `environment` named
 * server, else the first server of the spec (variables filled with their defaults). An operation
 * with servers of its own (GitHub's uploads.github.com) uses those instead of the API's, unless
 * one of the first two overrides everything (tests and proxies send every call to one place).
 */
import type { ApiDescriptor, OperationDescriptor, ServerDescriptor } from '../descriptor.js';
import { InvalidArgumentError } from '../errors.js';
import type { EnvironmentVariables } from '../env.js';

export interface ResolvedBase {
  /** `https://api.example.com` */
  readonly origin: string;
  /** Path prefix without a trailing slash ('' or '/v1'). */
  readonly basePath: string;
}

export function resolveBaseUrl(
  api: ApiDescriptor,
  baseUrl: string | undefined,
  environment: string | undefined,
  env: EnvironmentVariables,
): ResolvedBase {
  if (baseUrl !== undefined) return parseBase(baseUrl, 'the baseUrl option');
  const fromEnv = env[`${api.envPrefix}_BASE_URL`];
  if (fromEnv) return parseBase(fromEnv, `${api.envPrefix}_BASE_URL`);
  let server: ServerDescriptor | undefined;
  if (environment !== undefined) {
    server = api.servers.find((s) => s.name === environment);
    if (!server) {
      const known = api.servers.map((s) => JSON.stringify(s.name)).join(', ') || 'none';
      throw new InvalidArgumentError(
        `${api.name}: unknown environment ${JSON.stringify(environment)}; the spec's servers are: ${known}`,
      );
    }
  } else {
    server = api.servers[0];
  }
  if (!server) {
    throw new InvalidArgumentError(
      `${api.name}: the spec declares no servers; pass baseUrl: new ${api.name}({ baseUrl: 'https://...' })`,
    );
  }
  const url = substituteVariables(server);
  if (!/^https?:\/\//i.test(url)) {
    throw new InvalidArgumentError(
      `${api.name}: the spec's server URL ${JSON.stringify(server.url)} is relative; pass the absolute URL of your deployment: new ${api.name}({ baseUrl: 'https://api.example.com${url.startsWith('/') ? url : `/${url}`}' }) or set ${api.envPrefix}_BASE_URL`,
    );
  }
  return parseBase(url, `server ${JSON.stringify(server.name)}`);
}

/**
 * The base for an operation with its own `servers`: the one named like the client's environment
 * when there is one, else the first. A relative URL resolves against the API's base (the spec's
 * servers are relative to where the document lives, which for an SDK is the API's server).
 */
export function resolveOperationBase(
  api: ApiDescriptor,
  op: OperationDescriptor,
  baseUrl: string | undefined,
  environment: string | undefined,
  apiBase: () => ResolvedBase,
  env: EnvironmentVariables,
): ResolvedBase {
  const servers = op.servers ?? [];
  if (servers.length === 0 || baseUrl !== undefined || env[`${api.envPrefix}_BASE_URL`]) {
    return resolveBaseUrl(api, baseUrl, environment, env);
  }
  const server = (environment === undefined ? undefined : servers.find((s) => s.name === environment)) ?? servers[0]!;
  const url = substituteVariables(server);
  if (/^https?:\/\//i.test(url)) return parseBase(url, `server ${JSON.stringify(server.name)} of ${op.id}`);
  const base = apiBase();
  return parseBase(
    new URL(url, `${base.origin}${base.basePath}/`).href,
    `server ${JSON.stringify(server.name)} of ${op.id}`,
  );
}

function substituteVariables(server: ServerDescriptor): string {
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => server.variables?.[name]?.default ?? whole);
}

function parseBase(raw: string, source: string): ResolvedBase {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidArgumentError(
      `${source} is not an absolute URL: ${JSON.stringify(raw)} (expected e.g. https://api.example.com/v1)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError(`${source} must be an http(s) URL, got ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new InvalidArgumentError(`${source} contains credentials; pass them through the auth option instead`);
  }
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}
