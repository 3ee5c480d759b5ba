/**
 * Auth: which of the API's security schemes an operation call uses (`resolveAuth` /
 * `createAuthResolver`), rendering them per attempt (`applyAuth`), and the names secrets travel
 * under (`secretNames`, for redaction and cross-origin redirects).
 *
 * Client usage, per call:  const auth = resolver(op);  per attempt:  await applyAuth(auth, url, { allowInsecureAuth })
 */
export { appendAuthQuery, applyAuth, isLoopbackHost, type ApplyAuthOptions } from './apply.js';
export { credentialFromEnv, envVarBase, envVarNames, screamingSnake } from './env.js';
export { secretNames } from './secrets.js';
export { configuredSchemes, createAuthResolver, resolveAuth, selectSchemes, type ConfiguredSchemes } from './select.js';
export type {
  ApiKey,
  AuthEnv,
  AuthOption,
  AuthParts,
  BasicCredentials,
  BearerToken,
  Credential,
  ResolvedAuth,
  SecretNames,
  SelectedScheme,
} from './types.js';
