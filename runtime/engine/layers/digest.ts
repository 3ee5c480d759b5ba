/**
 * Hop layer: answers a same-origin 401 `WWW-Authenticate: Digest` challenge by replaying the
 * hop once with the answer (the credentials layer below puts it in Authorization, before signing).
 * Sits under the redirect layer, so each new URL gets its own challenge (digest hashes the uri).
 */
import { answerDigestChallenge } from '../../auth/index.js';
import { drainBody } from '../../response/read-body.js';
import { authOptions } from '../auth-options.js';
import type { HopLayer } from '../types.js';

const HTTP_UNAUTHORIZED = 401;

export const answerDigest: HopLayer = (next) => async (hop, context) => {
  const exchange = await next(hop, context);
  const { call } = context;
  const { request, response } = exchange;
  if (response.status !== HTTP_UNAUTHORIZED || !hop.sameOrigin || (hop.body !== null && !call.replayable))
    return exchange;
  const answer = await answerDigestChallenge(
    call.auth,
    response.headers['www-authenticate'],
    { method: hop.method, uri: pathAndQuery(request.url), nonceCount: 1 },
    request.url,
    authOptions(call, undefined),
  );
  if (answer === undefined) return exchange;
  drainBody(response.body);
  context.readTimer.refresh();
  return next({ ...hop, digestAnswer: answer }, context);
};

/** `/path?query` of an absolute URL: the request target digest hashes. */
function pathAndQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
