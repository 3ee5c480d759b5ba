/**
 * The engine's layers in their one fixed order (this list is the contract). Outermost
 * first; a layer a call does not need is left out, so it costs nothing.
 *
 * Call tier (composed once per client, with and without 2; handler: CallRun -> AttemptResult):
 *   1. retry             policies/retry.ts decides; sleeps inside the deadline
 *   2. 401 refresh       one fresh credential per call, replayed outside the retry budget; only
 *                        for a token provider or an oauth2 manager (a fixed string is not replayed)
 *   3. circuit breaker   only with the circuitBreaker option
 *   4. record attempt    (bottom) numbers and records the attempt, then runs it (attempt.ts):
 *                        abort switch, read timer, the hop tier, the body read
 *
 * Hop tier (composed once per client, or per call with upload progress or call middleware; Hop -> Exchange):
 *   5. redirects         only when maxRedirects > 0
 *   6. digest replay     only when the call resolved a digest scheme
 *   7. cookie jar        only with the cookies option
 *   8. credentials       only when the call sends credentials; signs last
 *   9. wire              (bottom) Hop -> OutgoingRequest, then the Middleware chain:
 *  10. upload progress   only with onUploadProgress and a body
 *  11. debug log         only at logLevel 'debug'
 *  12. caller middleware client's, then the call's
 *  13. transport         (bottom) transport/send.ts: undici request() on the client's pool
 */
import type { CircuitBreaker } from '../policies/circuit-breaker.js';
import type { RuntimeLog } from '../policies/logging.js';
import type { SecretNames } from '../auth/index.js';
import type { EncodedBody, UploadProgressCallback } from '../request/index.js';
import type { CookieStore } from '../transport/cookie-jar.js';
import type { Middleware } from '../transport/types.js';
import { compose } from './compose.js';
import { circuitBreakerLayer } from './layers/circuit-breaker.js';
import { cookieJarLayer } from './layers/cookies.js';
import { addCredentials } from './layers/credentials.js';
import { debugLog } from './layers/debug-log.js';
import { answerDigest } from './layers/digest.js';
import { recordAttempt } from './layers/record.js';
import { followRedirects } from './layers/redirects.js';
import { refreshCredentialOn401 } from './layers/refresh-on-401.js';
import { retryAttempts } from './layers/retry.js';
import { uploadProgress } from './layers/upload-progress.js';
import { wireSender } from './layers/wire.js';
import type { RunAttempts, SendHop } from './types.js';

/**
 * The call tier of a client: one chain for calls whose credential can be refreshed after a 401
 * (a token provider or an oauth2 manager), one without that layer for all others.
 */
export interface CallPipelines {
  readonly withRefresh: RunAttempts;
  readonly withoutRefresh: RunAttempts;
}

export function callPipelines(breaker: CircuitBreaker | undefined): CallPipelines {
  const breakerLayer = breaker === undefined ? undefined : circuitBreakerLayer(breaker);
  return {
    withRefresh: compose(recordAttempt, [retryAttempts, refreshCredentialOn401, breakerLayer]),
    withoutRefresh: compose(recordAttempt, [retryAttempts, breakerLayer]),
  };
}

/** What decides which hop and wire layers a call needs. */
export interface HopNeeds {
  readonly maxRedirects: number;
  readonly digest: boolean;
  readonly cookieJar: CookieStore | undefined;
  readonly sendsCredentials: boolean;
  readonly encodedBody: EncodedBody | undefined;
  readonly onUploadProgress: UploadProgressCallback | undefined;
  readonly log: RuntimeLog;
  readonly secrets: SecretNames;
  readonly middleware: readonly Middleware[];
}

/** What the cached hop chains of a client are made from (the parts that do not vary per call). */
type ClientHopNeeds = Pick<HopNeeds, 'maxRedirects' | 'cookieJar' | 'log' | 'secrets' | 'middleware'>;

/**
 * Hop chains of a client for calls without per-call parts (no upload progress, no per-call
 * middleware), by whether they send credentials and answer digest: composed once, not per call.
 */
export function cachedHopPipelines(needs: ClientHopNeeds): (sendsCredentials: boolean, digest: boolean) => SendHop {
  const cache = new Map<number, SendHop>();
  return (sendsCredentials, digest) => {
    const key = (sendsCredentials ? 1 : 0) + (digest ? 2 : 0);
    let chain = cache.get(key);
    if (chain === undefined) {
      chain = hopPipeline({ ...needs, sendsCredentials, digest, encodedBody: undefined, onUploadProgress: undefined });
      cache.set(key, chain);
    }
    return chain;
  };
}

export function hopPipeline(needs: HopNeeds): SendHop {
  const wire: Middleware[] = [];
  if (needs.onUploadProgress !== undefined && needs.encodedBody !== undefined)
    wire.push(uploadProgress(needs.encodedBody, needs.onUploadProgress));
  if (needs.log.debugEnabled) wire.push(debugLog(needs.log, needs.secrets));
  return compose(wireSender(wire.length === 0 ? needs.middleware : [...wire, ...needs.middleware]), [
    needs.maxRedirects > 0 ? followRedirects : undefined,
    needs.digest ? answerDigest : undefined,
    needs.cookieJar === undefined ? undefined : cookieJarLayer(needs.cookieJar),
    needs.sendsCredentials ? addCredentials : undefined,
  ]);
}
