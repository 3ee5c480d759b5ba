/**
 * Where calls go: `baseUrl` option, else env `<PREFIX>_BASE_URL`, else the `environment` named
 * server, else the first server of the spec (variables filled with their defaults).
 */
import type { ApiDescriptor, ServerDescriptor } from '../descriptor.js';
import { SdkError } from '../errors.js';

export interface ResolvedBase {
  /** `https://api.example.com` */
  readonly origin: string;
  /** Path prefix without a trailing slash ('' or '/v1'). */
  readonly basePath: string;
}

export function resolveBaseUrl(api: ApiDescriptor, baseUrl: string | undefined, environment: string | undefined): ResolvedBase {
  if (baseUrl !== undefined) return parseBase(baseUrl, 'the baseUrl option');
  const fromEnv = process.env[`${api.envPrefix}_BASE_URL`];
  if (fromEnv) return parseBase(fromEnv, `${api.envPrefix}_BASE_URL`);
  let server: ServerDescriptor | undefined;
  if (environment !== undefined) {
    server = api.servers.find((s) => s.name === environment);
    if (!server) {
      const known = api.servers.map((s) => JSON.stringify(s.name)).join(', ') || 'none';
      throw new SdkError(`${api.name}: unknown environment ${JSON.stringify(environment)}; the spec's servers are: ${known}`);
    }
  } else {
    server = api.servers[0];
  }
  if (!server) {
    throw new SdkError(`${api.name}: the spec declares no servers; pass baseUrl: new ${api.name}({ baseUrl: 'https://...' })`);
  }
  const url = substituteVariables(server);
  if (!/^https?:\/\//i.test(url)) {
    throw new SdkError(
      `${api.name}: the spec's server URL ${JSON.stringify(server.url)} is relative; pass the absolute URL of your deployment: new ${api.name}({ baseUrl: 'https://api.example.com${url.startsWith('/') ? url : `/${url}`}' }) or set ${api.envPrefix}_BASE_URL`,
    );
  }
  return parseBase(url, `server ${JSON.stringify(server.name)}`);
}

function substituteVariables(server: ServerDescriptor): string {
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => server.variables?.[name]?.default ?? whole);
}

function parseBase(raw: string, source: string): ResolvedBase {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SdkError(`${source} is not an absolute URL: ${JSON.stringify(raw)} (expected e.g. https://api.example.com/v1)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SdkError(`${source} must be an http(s) URL, got ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new SdkError(`${source} contains credentials; pass them through the auth option instead`);
  }
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}
