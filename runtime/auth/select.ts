/**
 * Which credentials an operation sends, from its `security` (or the API's global one):
 * - operation-level security wins over the global one; `security: []` sends nothing;
 * - alternatives (OR): the first requirement whose schemes are all configured;
 * - a requirement (AND): every scheme in it;
 * - an empty requirement (`{}`, optional auth) is used only when no other alternative is
 *   configured, so a configured key is still sent to an endpoint where auth is optional.
 */
import type { ApiDescriptor, OperationDescriptor, SecurityRequirement } from '../descriptor.js';
import { InvalidArgumentError } from '../errors.js';
import { credentialFromEnv, envVarNames } from './env.js';
import { requireFeature } from '../features.js';
import type { OAuth2TokenManager } from './oauth2.js';
import type {
  AuthEnv,
  AuthOption,
  Credential,
  OAuth2ClientCredentials,
  ResolvedAuth,
  SelectedScheme,
} from './types.js';
import { isClientCredentials } from './values.js';

const NOTHING: ResolvedAuth = Object.freeze({ schemes: Object.freeze([]) as readonly SelectedScheme[] });

/** The credential for each scheme of the API, from the option or the environment; undefined: not configured. */
export type ConfiguredSchemes = ReadonlyMap<string, SelectedScheme>;

/** Reads the option and the environment once (at client construction, like requests' Session). */
export function configuredSchemes(
  api: ApiDescriptor,
  credentials: AuthOption | undefined,
  env: AuthEnv,
): ConfiguredSchemes {
  const configured = new Map<string, SelectedScheme>();
  for (const name of Object.keys(api.securitySchemes)) {
    const scheme = api.securitySchemes[name];
    if (scheme.type === 'mutualTLS') {
      // The client certificate travels in the TLS handshake (`tls` option); nothing to add here.
      configured.set(name, { name, scheme, credential: '', source: 'option' });
      continue;
    }
    const given = credentials?.[name];
    if (given === null) continue;
    if (given !== undefined) {
      configured.set(name, withTokenManager({ name, scheme, credential: given, source: 'option' }));
      continue;
    }
    const fromEnv = credentialFromEnv(api, name, env);
    if (fromEnv !== undefined)
      configured.set(name, { name, scheme, credential: fromEnv, source: { env: envVarNames(api, name) } });
  }
  for (const { name, scheme } of configured.values()) {
    // A missing optional feature fails the constructor, not the first 401 an hour later.
    if (scheme.type === 'http' && scheme.scheme === 'digest') requireFeature('digest', `auth scheme "${name}"`);
  }
  return configured;
}

/**
 * Token caches by credentials object, then scheme name and token URL. Clients derived with
 * `withOptions()` keep the same `auth` object, so they share the parent's token (as they share its
 * connection pool) instead of each fetching one; a new credentials object gets a new cache.
 */
const managers = new WeakMap<object, Map<string, OAuth2TokenManager>>();

function managerFor(name: string, tokenUrl: string, credential: OAuth2ClientCredentials): OAuth2TokenManager {
  let byScheme = managers.get(credential);
  if (byScheme === undefined) {
    byScheme = new Map();
    managers.set(credential, byScheme);
  }
  const key = `${name}\n${tokenUrl}`;
  let manager = byScheme.get(key);
  if (manager === undefined) {
    manager = requireFeature('oauth2', `auth scheme "${name}"`).tokenManager(name, tokenUrl, credential);
    byScheme.set(key, manager);
  }
  return manager;
}

/**
 * Client credentials get their token cache here, when the client is constructed
 * (configuredSchemes), so every call of the client shares one token. A misconfiguration fails
 * the constructor, not the first call an hour later.
 */
function withTokenManager(selected: SelectedScheme): SelectedScheme {
  const credential: Credential = selected.credential;
  if (!isClientCredentials(credential)) return selected;
  const { name, scheme } = selected;
  if (
    typeof credential.clientId !== 'string' ||
    credential.clientId === '' ||
    typeof credential.clientSecret !== 'string'
  ) {
    throw new InvalidArgumentError(
      `auth scheme "${name}": client credentials take { clientId, clientSecret } (non-empty strings)`,
    );
  }
  if (scheme.type !== 'oauth2' && !(scheme.type === 'http' && scheme.scheme === 'bearer')) {
    throw new InvalidArgumentError(
      `auth scheme "${name}" (${scheme.type}) cannot use oauth2 client credentials; only oauth2 and http bearer schemes can`,
    );
  }
  const tokenUrl =
    credential.tokenUrl ?? (scheme.type === 'oauth2' ? scheme.flows.clientCredentials?.tokenUrl : undefined);
  if (tokenUrl === undefined || tokenUrl === '') {
    throw new InvalidArgumentError(
      `auth scheme "${name}": the spec declares no clientCredentials flow for it; pass tokenUrl with the client credentials`,
    );
  }
  return { ...selected, tokens: managerFor(name, tokenUrl, credential) };
}

/** Picks the schemes for one operation from the configured ones. */
export function selectSchemes(
  op: OperationDescriptor,
  api: ApiDescriptor,
  configured: ConfiguredSchemes,
): ResolvedAuth {
  const alternatives = op.security ?? api.security ?? [];
  if (alternatives.length === 0) return NOTHING;
  let anonymousAllowed = false;
  for (const requirement of alternatives) {
    if (requirement.length === 0) {
      anonymousAllowed = true;
      continue;
    }
    const schemes: SelectedScheme[] = [];
    for (const name of requirement) {
      const selected = configured.get(name);
      if (selected === undefined) break;
      schemes.push(selected);
    }
    if (schemes.length === requirement.length) return { schemes };
  }
  if (anonymousAllowed) return NOTHING;
  return { schemes: NOTHING.schemes, missing: missingHint(api, alternatives) };
}

function missingHint(api: ApiDescriptor, alternatives: readonly SecurityRequirement[]): string {
  const options = alternatives.map((requirement) =>
    requirement
      .map((name) => {
        const vars = envVarNames(api, name);
        if (vars.length === 0) return `auth.${name}`;
        if (vars.length === 3) return `auth.${name} (or ${vars[0]} and ${vars[1]}, or ${vars[2]}=user:password)`;
        return `auth.${name} (or ${vars[0]})`;
      })
      .join(' and '),
  );
  return `no credentials configured for this operation; set ${options.join(', or ')}`;
}

/** Resolves auth for one call without caching (see createAuthResolver for the per-client form). */
export function resolveAuth(
  op: OperationDescriptor,
  api: ApiDescriptor,
  credentials: AuthOption | undefined,
  env: AuthEnv,
): ResolvedAuth {
  return selectSchemes(op, api, configuredSchemes(api, credentials, env));
}

/**
 * The per-client form: reads credentials and environment once, then answers per operation from
 * a cache (a WeakMap on the descriptor, so it costs one lookup per call).
 */
export function createAuthResolver(
  api: ApiDescriptor,
  credentials: AuthOption | undefined,
  env: AuthEnv,
): (op: OperationDescriptor) => ResolvedAuth {
  const configured = configuredSchemes(api, credentials, env);
  const cache = new WeakMap<OperationDescriptor, ResolvedAuth>();
  return (op) => {
    let resolved = cache.get(op);
    if (resolved === undefined) {
      resolved = selectSchemes(op, api, configured);
      cache.set(op, resolved);
    }
    return resolved;
  };
}
