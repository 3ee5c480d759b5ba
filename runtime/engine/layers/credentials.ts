/**
 * Hop layer: credentials, only ever for a hop on the call's own origin. Auth headers, cookies and
 * query, a digest answer when the hop replays a challenge, then the signature over the finished
 * request (final URL, every header, the exact body bytes).
 */
import { appendAuthQuery, applyAuth, renderedFixedParts, signRequest, type AuthParts } from '../../auth/index.js';
import { formatCookieHeader } from '../../request/index.js';
import { authOptions } from '../auth-options.js';
import type { AttemptContext, Hop, HopLayer, SendHop } from '../types.js';

export const addCredentials: HopLayer = (next) => (hop, context) => {
  if (!hop.sameOrigin) return next(hop, context);
  const { call } = context;
  // Fixed credentials (a token string) rendered by an earlier call: no promise, no await.
  const fixed = call.signs ? undefined : renderedFixedParts(call.auth, hop.target, call);
  if (fixed !== undefined) return next(withParts(hop, fixed), context);
  return addAskedCredentials(next, hop, context);
};

/** Providers, token managers and signers: asked per attempt, then the read timer restarts. */
async function addAskedCredentials(next: SendHop, hop: Hop, context: AttemptContext) {
  const { call } = context;
  const parts = await applyAuth(call.auth, hop.target.url, authOptions(call, context.tokenSignal));
  const withAuth = withParts(hop, parts);
  const headers = call.signs
    ? await signRequest(call.auth, {
        method: withAuth.method,
        url: withAuth.url,
        headers: withAuth.headers,
        body: hop.body,
      })
    : withAuth.headers;
  // The read timeout measures the server, not our token provider or signer.
  context.readTimer.refresh();
  return next({ ...withAuth, headers }, context);
}

function withParts(hop: Hop, parts: AuthParts): Hop {
  // Object.assign, not a spread: adding a name to a spread copy is ~20x slower on V8 (transport/headers.ts).
  const headers: Record<string, string> = Object.assign({}, hop.headers);
  for (const name in parts.headers) headers[name.toLowerCase()] = parts.headers[name]!;
  if (parts.cookies.length > 0) {
    const cookie = formatCookieHeader(parts.cookies);
    headers.cookie = headers.cookie ? `${headers.cookie}; ${cookie}` : cookie;
  }
  if (hop.digestAnswer !== undefined) headers.authorization = hop.digestAnswer;
  // Replaces a key the URL already carries (a next-page link echoing the request's query).
  return { ...hop, url: appendAuthQuery(hop.url, parts.query), headers };
}
