/** What the auth module needs from a call (oauth2 token requests share the client's pool). */
import type { ApplyAuthOptions } from '../auth/index.js';
import type { CallState } from './types.js';

export function authOptions(call: CallState, signal: AbortSignal | undefined): ApplyAuthOptions {
  return {
    allowInsecureAuth: call.allowInsecureAuth,
    baseUrl: call.baseUrl,
    // The token request goes through the call's transport: the same pool, proxy and TLS (or fetch).
    transport: call.transport,
    ...(signal === undefined ? {} : { signal }),
  };
}
