/**
 * Hop layer: credentials, only ever for a hop on the call's own origin. Auth headers, cookies and
 * query, a digest answer when the hop replays a challenge, then the signature over the finished
 * request (final URL, every header, the exact body bytes).
 */
import { appendAuthQuery, applyAuth, signRequest } from '../../auth/index.js';
import { formatCookieHeader } from '../../request/index.js';
import { authOptions } from '../auth-options.js';
import type { HopLayer } from '../types.js';

export const addCredentials: HopLayer = (next) => async (hop, context) => {
  if (!hop.sameOrigin) return next(hop, context);
  const { call } = context;
  const parts = await applyAuth(call.auth, hop.target.url, authOptions(call, context.tokenSignal));
  const headers = { ...hop.headers };
  for (const name in parts.headers) headers[name.toLowerCase()] = parts.headers[name]!;
  if (parts.cookies.length > 0) {
    const cookie = formatCookieHeader(parts.cookies);
    headers.cookie = headers.cookie ? `${headers.cookie}; ${cookie}` : cookie;
  }
  if (hop.digestAnswer !== undefined) headers.authorization = hop.digestAnswer;
  // Replaces a key the URL already carries (a next-page link echoing the request's query).
  const url = appendAuthQuery(hop.url, parts.query);
  const signed = call.signs
    ? await signRequest(call.auth, { method: hop.method, url, headers, body: hop.body })
    : headers;
  // The read timeout measures the server, not our token provider or signer.
  context.readTimer.refresh();
  return next({ ...hop, url, headers: signed }, context);
};
