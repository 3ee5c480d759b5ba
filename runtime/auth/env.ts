/**
 * Environment-variable fallbacks: `<envPrefix>_<SCHEME_NAME>` (PETSTORE_API_KEY for a scheme
 * named `api_key`); a scheme's explicit `env` (the generator always sets one) replaces the derived
 * name. Basic and digest read `<NAME>_USERNAME` and `<NAME>_PASSWORD`, or else `<NAME>` itself as
 * `user:password` (curl's `-u` form), so the single variable a README names also works.
 */
import type { ApiDescriptor, SecuritySchemeDescriptor } from '../descriptor.js';
import type { AuthEnv, Credential } from './types.js';

const LOWER_OR_DIGIT_THEN_UPPER = /([a-z0-9])([A-Z])/g;
const ACRONYM_THEN_WORD = /([A-Z]+)([A-Z][a-z])/g;
const NON_ALPHANUMERIC_RUNS = /[^A-Za-z0-9]+/g;
const EDGE_UNDERSCORES = /^_+|_+$/g;

/** `bearerAuth` -> BEARER_AUTH, `APIKeyHeader` -> API_KEY_HEADER, `petstore-auth` -> PETSTORE_AUTH. */
export function screamingSnake(name: string): string {
  return name
    .replace(ACRONYM_THEN_WORD, '$1_$2')
    .replace(LOWER_OR_DIGIT_THEN_UPPER, '$1_$2')
    .replace(NON_ALPHANUMERIC_RUNS, '_')
    .replace(EDGE_UNDERSCORES, '')
    .toUpperCase();
}

function usesUserAndPassword(scheme: SecuritySchemeDescriptor): boolean {
  return scheme.type === 'http' && (scheme.scheme === 'basic' || scheme.scheme === 'digest');
}

/** The base variable name of a scheme (undefined for mutualTLS, configured through `tls`). */
export function envVarBase(api: ApiDescriptor, schemeName: string): string | undefined {
  const scheme = api.securitySchemes[schemeName];
  if (scheme === undefined || scheme.type === 'mutualTLS') return undefined;
  return scheme.env ?? `${api.envPrefix}_${screamingSnake(schemeName)}`;
}

/**
 * The environment variables a scheme reads, in order of preference: `[BASE]`, or for basic and
 * digest `[BASE_USERNAME, BASE_PASSWORD, BASE]`; [] for mutualTLS.
 */
export function envVarNames(api: ApiDescriptor, schemeName: string): string[] {
  const base = envVarBase(api, schemeName);
  if (base === undefined) return [];
  return usesUserAndPassword(api.securitySchemes[schemeName]) ? [`${base}_USERNAME`, `${base}_PASSWORD`, base] : [base];
}

/** The credential the environment holds for a scheme; empty variables count as unset. */
export function credentialFromEnv(api: ApiDescriptor, schemeName: string, env: AuthEnv): Credential | undefined {
  const scheme = api.securitySchemes[schemeName];
  if (scheme === undefined) return undefined;
  const names = envVarNames(api, schemeName);
  if (names.length === 0) return undefined;
  if (usesUserAndPassword(scheme)) {
    const username = env[names[0]];
    // A username alone is a valid basic credential (some APIs put the key there, Stripe-style).
    if (username) return { username, password: env[names[1]] ?? '' };
    const combined = env[names[2]];
    if (!combined) return undefined;
    const colon = combined.indexOf(':');
    return colon < 0
      ? { username: combined, password: '' }
      : { username: combined.slice(0, colon), password: combined.slice(colon + 1) };
  }
  const value = env[names[0]];
  return value ? value : undefined;
}
