/** What the auth module needs from a call (oauth2 token requests share the client's pool). */
import type { ApplyAuthOptions } from '../auth/index.js';
import type { CallState } from './types.js';

export function authOptions(call: CallState, signal: AbortSignal | undefined): ApplyAuthOptions {
  return {
    allowInsecureAuth: call.allowInsecureAuth,
    baseUrl: call.baseUrl,
    dispatcher: call.dispatcher,
    ...(signal === undefined ? {} : { signal }),
  };
}
