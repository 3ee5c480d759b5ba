/**
 * The names an API's security schemes carry secrets in: the client redacts them in logs and
 * errors and drops them when a redirect leaves the origin.
 */
import type { ApiDescriptor } from '../descriptor.js';
import type { SecretNames } from './types.js';

const cache = new WeakMap<ApiDescriptor, SecretNames>();

export function secretNames(api: ApiDescriptor): SecretNames {
  let names = cache.get(api);
  if (names !== undefined) return names;
  const headers = new Set<string>();
  const query = new Set<string>();
  const cookies = new Set<string>();
  for (const scheme of Object.values(api.securitySchemes)) {
    if (scheme.type === 'apiKey') {
      if (scheme.in === 'header') headers.add(scheme.name.toLowerCase());
      else if (scheme.in === 'query') query.add(scheme.name);
      else cookies.add(scheme.name);
    } else if (scheme.type !== 'mutualTLS') {
      headers.add('authorization');
    }
  }
  names = Object.freeze({
    headers: Object.freeze([...headers].sort()),
    query: Object.freeze([...query].sort()),
    cookies: Object.freeze([...cookies].sort()),
  });
  cache.set(api, names);
  return names;
}
