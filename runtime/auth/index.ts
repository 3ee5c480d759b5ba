/**
 * Auth: which of the API's security schemes an operation call uses (`resolveAuth` /
 * `createAuthResolver`), rendering them per attempt (`applyAuth`), the 401 path (`refreshOn401`,
 * `answerDigestChallenge`), request signing (`signRequest`), and the names secrets travel under
 * (`secretNames`, for redaction and cross-origin redirects).
 *
 * Client usage, per call:  const auth = resolver(op);
 * per attempt:  const parts = await applyAuth(auth, url, { allowInsecureAuth, baseUrl, dispatcher, signal })
 *               headers = await signRequest(auth, { method, url, headers, body })
 * on a 401:     if (await refreshOn401(auth, sentHeaders, url, options)) replay once
 */
export {
  answerDigestChallenge,
  appendAuthQuery,
  applyAuth,
  renderedFixedParts,
  type ApplyAuthOptions,
} from './apply.js';
export { digestAuthorization, parseDigestChallenge, type DigestChallenge, type DigestRequest } from './digest.js';
export { credentialFromEnv, envVarBase, envVarNames, screamingSnake } from './env.js';
export { isLoopbackHost } from '../transport/loopback.js';
export {
  OAuth2TokenManager,
  TOKEN_EXPIRY_MARGIN_MS,
  type OAuth2TokenManagerOptions,
  type TokenFetchOptions,
} from './oauth2.js';
export { MAX_TOKEN_RESPONSE_BYTES, TOKEN_REQUEST_TIMEOUT_MS } from './oauth2-token-request.js';
export { canRefreshOn401, refreshOn401 } from './refresh.js';
export { secretNames } from './secrets.js';
export { configuredSchemes, createAuthResolver, resolveAuth, selectSchemes, type ConfiguredSchemes } from './select.js';
export { needsSigning, signableBody, signRequest, type SignableRequest, type Signer } from './sign.js';
export type {
  ApiKey,
  AuthEnv,
  AuthOption,
  AuthParts,
  BasicCredentials,
  BearerToken,
  Credential,
  OAuth2ClientCredentials,
  RequestSigner,
  ResolvedAuth,
  SecretNames,
  SelectedScheme,
  TokenProvider,
  TokenProviderContext,
} from './types.js';
