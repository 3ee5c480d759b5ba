/** Security Scheme Objects -> SecuritySchemeDescriptor; security requirements -> scheme-name lists. */
import type { LoadedSpec } from '../types.js';
import type { SecurityRequirement, SecuritySchemeDescriptor } from '../../runtime/descriptor.js';
import { constantWords } from './words.js';
import { isObject, joinPointer, type JsonObject } from '../lib/json-pointer.js';
import { inputError, type RefResolver } from './refs.js';

/**
 * `PET_STORE` + `bearerAuth` -> `PET_STORE_BEARER_AUTH`, `OAuth2PasswordBearer` ->
 * `..._OAUTH2_PASSWORD_BEARER` (not `O_AUTH2`): the variable a scheme reads by default.
 */
export function schemeEnvName(envPrefix: string, schemeName: string): string {
  const suffix = constantWords(schemeName).replace(/[^A-Z0-9_]/g, '');
  return `${envPrefix}_${suffix === '' ? 'AUTH' : suffix}`;
}

function tokenFlow(flow: unknown): { tokenUrl: string } | undefined {
  return isObject(flow) && typeof flow.tokenUrl === 'string' ? { tokenUrl: flow.tokenUrl } : undefined;
}

function readScheme(spec: LoadedSpec, s: JsonObject, pointer: string, env: string): SecuritySchemeDescriptor {
  switch (s.type) {
    case 'http': {
      const scheme = typeof s.scheme === 'string' ? s.scheme.toLowerCase() : '';
      if (scheme === 'basic' || scheme === 'bearer' || scheme === 'digest') return { type: 'http', scheme, env };
      if (scheme.trim() === '')
        throw inputError(
          spec,
          pointer,
          'http security scheme without a `scheme`',
          'name the HTTP auth scheme, e.g. bearer or basic',
        );
      // Any other IANA scheme (`token`, `negotiate`, `aws4-hmac-sha256` ...) is a value of the
      // Authorization header the runtime cannot compute: the caller passes the whole header value.
      return { type: 'apiKey', in: 'header', name: 'Authorization', env };
    }
    case 'apiKey': {
      if (s.in !== 'header' && s.in !== 'query' && s.in !== 'cookie')
        throw inputError(spec, pointer, 'apiKey scheme needs `in`: header, query or cookie');
      if (typeof s.name !== 'string' || s.name === '') throw inputError(spec, pointer, 'apiKey scheme needs a `name`');
      return { type: 'apiKey', in: s.in, name: s.name, env };
    }
    case 'oauth2': {
      const flows = isObject(s.flows) ? s.flows : {};
      const cc = flows.clientCredentials;
      const clientCredentials = tokenFlow(cc);
      const authorizationCode = tokenFlow(flows.authorizationCode);
      const password = tokenFlow(flows.password);
      const scopes = isObject(cc) && isObject(cc.scopes) ? Object.keys(cc.scopes).sort() : [];
      return {
        type: 'oauth2',
        flows: {
          ...(clientCredentials
            ? { clientCredentials: { ...clientCredentials, ...(scopes.length ? { scopes } : {}) } }
            : {}),
          ...(authorizationCode ? { authorizationCode } : {}),
          ...(password ? { password } : {}),
          ...(isObject(flows.implicit) ? { implicit: {} } : {}),
        },
        env,
      };
    }
    case 'openIdConnect':
      if (typeof s.openIdConnectUrl !== 'string')
        throw inputError(spec, pointer, 'openIdConnect scheme needs `openIdConnectUrl`');
      return { type: 'openIdConnect', url: s.openIdConnectUrl, env };
    case 'mutualTLS':
      return { type: 'mutualTLS' };
    default:
      throw inputError(spec, pointer, `unknown security scheme type ${JSON.stringify(s.type)}`);
  }
}

export function readSecuritySchemes(
  spec: LoadedSpec,
  refs: RefResolver,
  envPrefix: string,
): Map<string, SecuritySchemeDescriptor> {
  const components = spec.document.components;
  const raw = isObject(components) ? components.securitySchemes : undefined;
  const schemes = new Map<string, SecuritySchemeDescriptor>();
  if (!isObject(raw)) return schemes;
  for (const name of Object.keys(raw).sort()) {
    const pointer = joinPointer('/components/securitySchemes', name);
    const resolved = refs.resolveObject(raw[name], pointer);
    if (!resolved) throw inputError(spec, pointer, 'a security scheme must be an object');
    schemes.set(name, readScheme(spec, resolved.value, resolved.pointer, schemeEnvName(envPrefix, name)));
  }
  return schemes;
}

/** A `security` array: alternatives (OR) of requirements (AND, scheme names in document order). */
export function readSecurity(
  spec: LoadedSpec,
  raw: unknown,
  pointer: string,
  schemes: ReadonlyMap<string, SecuritySchemeDescriptor>,
): SecurityRequirement[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) throw inputError(spec, pointer, '`security` must be an array');
  return raw.map((requirement, i) => {
    const at = joinPointer(pointer, i);
    if (!isObject(requirement)) throw inputError(spec, at, 'a security requirement must be an object');
    const names = Object.keys(requirement);
    for (const name of names) {
      if (!schemes.has(name)) {
        throw inputError(
          spec,
          joinPointer(at, name),
          `security requirement names unknown scheme ${JSON.stringify(name)}`,
          'declare it under components.securitySchemes',
        );
      }
    }
    return names;
  });
}
