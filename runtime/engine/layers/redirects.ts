/**
 * Hop layer: follows 3xx redirects (undici's request() does not), with policies/redirect.ts
 * deciding method, body and which headers survive; credentials never follow to another origin
 * (the credentials layer below only runs for same-origin hops).
 */
import { TooManyRedirectsError } from '../../errors.js';
import { redactUrl } from '../../redact.js';
import { drainBody } from '../../response/read-body.js';
import { targetOf } from '../../transport/target.js';
import { redirectHeaders, redirectStep, stripSecretQuery } from '../../policies/redirect.js';
import { AttemptFailure, type HopLayer } from '../types.js';

export const followRedirects: HopLayer = (next) => async (first, context) => {
  const { call } = context;
  let hop = first;
  for (let redirects = 0; ; redirects++) {
    const exchange = await next(hop, context);
    const { response } = exchange;
    const step = redirectStep(response.status, response.headers, hop.method, response.url, call.target.origin);
    if (step === undefined) return exchange;
    drainBody(response.body);
    if (redirects >= call.maxRedirects) {
      const message = `${call.method} ${redactUrl(call.target.url, call.secrets.query)}: more than ${call.maxRedirects} redirects`;
      const error = new TooManyRedirectsError(message, { maxRedirects: call.maxRedirects });
      throw new AttemptFailure({ kind: 'failed', error, sent: 'fatal', code: 'TOO_MANY_REDIRECTS' });
    }
    // A streamed body was consumed by the first hop: report the redirect instead of sending nothing.
    if (step.keepBody && hop.body !== null && !call.replayable) return { ...exchange, bodyDrained: true };
    const target = targetOf(step.sameOrigin ? step.url : stripSecretQuery(step.url, call.secrets));
    hop = {
      method: step.method,
      target,
      url: target.url,
      headers: redirectHeaders(hop.headers, step, call.secrets),
      body: step.keepBody ? hop.body : null,
      sameOrigin: step.sameOrigin,
    };
    context.readTimer.refresh();
  }
};
