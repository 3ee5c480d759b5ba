/**
 * The 401 path: after the API rejects a call's credentials, get fresh ones once so the client
 * can replay the request (a provider is asked once for a fresh token; an
 * oauth2 client-credentials token is refetched). The caller replays only when this says a fresh
 * credential was obtained: replaying with the very token just rejected would only double the 401s.
 */
import type { ApplyAuthOptions } from './apply.js';
import { tokenOptions } from './apply.js';
import type { ResolvedAuth, SelectedScheme, TokenProviderContext } from './types.js';
import { isSigner, secretValue } from './values.js';

const FORCE_REFRESH: TokenProviderContext = Object.freeze({ forceRefresh: true });

const BEARER_PREFIX = /^bearer\s+/i;

/**
 * True when at least one of the call's schemes now has a credential different from the one the
 * rejected attempt sent. `sentHeaders` are that attempt's request headers (names any case); with
 * them a token already refreshed by a concurrent call is reused instead of fetched again.
 * `requestUrl` is the rejected attempt's URL (for a relative tokenUrl when options.baseUrl is absent).
 * Throws what the token endpoint or provider threw: that explains the 401 better than the 401.
 */
/**
 * Whether a 401 can be answered with a fresh credential: an oauth2 token manager or a token
 * provider (not a signer). Fixed strings are never replayed, so their calls skip the 401 layer.
 */
export function canRefreshOn401(resolved: ResolvedAuth): boolean {
  return resolved.schemes.some(
    (selected) =>
      selected.tokens !== undefined || (typeof selected.credential === 'function' && !isSigner(selected.credential)),
  );
}

export async function refreshOn401(
  resolved: ResolvedAuth,
  sentHeaders: Readonly<Record<string, string>> | undefined,
  requestUrl: string,
  options: ApplyAuthOptions = {},
): Promise<boolean> {
  const sent = lowerCaseKeys(sentHeaders);
  let refreshed = false;
  for (const selected of resolved.schemes) {
    const rejected = sentValue(selected, sent);
    if (selected.tokens !== undefined) {
      selected.tokens.invalidate(rejected);
      const fresh = await selected.tokens.token(tokenOptions(options, requestUrl));
      if (fresh !== rejected) refreshed = true;
      continue;
    }
    if (typeof selected.credential !== 'function' || isSigner(selected.credential)) continue;
    const fresh = await secretValue(selected, FORCE_REFRESH);
    // Without the sent value we cannot compare: trust the provider (the replay happens once).
    if (rejected === undefined || fresh !== rejected) refreshed = true;
  }
  return refreshed;
}

/** The credential value this scheme put on the rejected request, when it can be read back. */
function sentValue(selected: SelectedScheme, sent: ReadonlyMap<string, string>): string | undefined {
  const { scheme } = selected;
  if (scheme.type === 'apiKey') return scheme.in === 'header' ? sent.get(scheme.name.toLowerCase()) : undefined;
  const authorization = sent.get('authorization');
  return authorization !== undefined && BEARER_PREFIX.test(authorization)
    ? authorization.replace(BEARER_PREFIX, '')
    : undefined;
}

function lowerCaseKeys(headers: Readonly<Record<string, string>> | undefined): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const name in headers ?? {}) map.set(name.toLowerCase(), headers![name]!);
  return map;
}
