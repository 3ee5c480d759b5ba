/**
 * Environment-variable fallbacks: `<envPrefix>_<SCHEME_NAME>` (PETSTORE_API_KEY for a scheme
 * named `api_key`), `_USERNAME`/`_PASSWORD` suffixes for basic and digest; a scheme's explicit
 * `env` replaces the derived base name.
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

/** The environment variable(s) a scheme reads; [] for mutualTLS (configured through `tls`). */
export function envVarNames(api: ApiDescriptor, schemeName: string): string[] {
  const scheme = api.securitySchemes[schemeName];
  if (scheme === undefined || scheme.type === 'mutualTLS') return [];
  const base = scheme.env ?? `${api.envPrefix}_${screamingSnake(schemeName)}`;
  return usesUserAndPassword(scheme) ? [`${base}_USERNAME`, `${base}_PASSWORD`] : [base];
}

/** The credential the environment holds for a scheme; empty variables count as unset. */
export function credentialFromEnv(api: ApiDescriptor, schemeName: string, env: AuthEnv): Credential | undefined {
  const scheme = api.securitySchemes[schemeName];
  if (scheme === undefined) return undefined;
  const names = envVarNames(api, schemeName);
  if (names.length === 0) return undefined;
  if (usesUserAndPassword(scheme)) {
    const username = env[names[0]];
    const password = env[names[1]];
    // A username alone is a valid basic credential (some APIs put the key there, Stripe-style).
    return username ? { username, password: password ?? '' } : undefined;
  }
  const value = env[names[0]];
  return value ? value : undefined;
}
