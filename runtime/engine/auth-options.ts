/** What the auth module needs from a call (oauth2 token requests share the client's pool). */
import type { ApplyAuthOptions } from '../auth/index.js';
import { undiciDispatcherOf } from '../transport/platform.js';
import type { CallState } from './types.js';

export function authOptions(call: CallState, signal: AbortSignal | undefined): ApplyAuthOptions {
  return {
    allowInsecureAuth: call.allowInsecureAuth,
    baseUrl: call.baseUrl,
    // Under the fetch transport there is no pool: the token request uses undici's default one.
    dispatcher: undiciDispatcherOf(call.dispatcher),
    ...(signal === undefined ? {} : { signal }),
  };
}
