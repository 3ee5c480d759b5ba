/**
 * Call layer: after a 401, a token provider or an oauth2 token manager gets one chance per call
 * to come up with a fresh credential (rotated or expired); only then is the call replayed, at
 * once and outside the retry budget (a 401 was refused before any work). A fixed credential is
 * not replayed. A throw (the token endpoint is down, the provider failed) explains more than the
 * 401: it becomes the call's error.
 */
import { refreshOn401 } from '../../auth/index.js';
import { logAttempt } from '../attempt-log.js';
import { authOptions } from '../auth-options.js';
import type { CallLayer } from '../types.js';

const HTTP_UNAUTHORIZED = 401;

export const refreshCredentialOn401: CallLayer = (next) => async (run) => {
  const result = await next(run);
  const { call } = run;
  if (result.kind !== 'status' || result.status !== HTTP_UNAUTHORIZED || !run.authRefreshLeft) return result;
  if (!result.url.startsWith(`${call.target.origin}/`)) return result;
  run.authRefreshLeft = false;
  const refreshed = await call.scope.guard((signal) =>
    refreshOn401(call.auth, result.sentHeaders, result.url, authOptions(call, call.fetchesTokens ? signal : undefined)),
  );
  if (!refreshed) return result;
  logAttempt(call.log, call.requestIdHeader, run, result, 0);
  run.delayMs = 0;
  // The replay's result goes up to the retry layer like any attempt's.
  return next(run);
};
