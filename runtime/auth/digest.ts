/**
 * HTTP Digest authentication (RFC 7616): MD5 and SHA-256 (and their -sess variants), qop=auth.
 *
 * Digest cannot be sent up front: the first request goes without credentials, the server answers
 * 401 with `WWW-Authenticate: Digest realm=..., nonce=...`, and the request is replayed once with
 * the Authorization header computed here. The client owns that round trip (policies/); this file
 * is the pure part: parse the challenge, compute the answer.
 *
 * Not supported (a challenge needing them yields undefined, so the 401 surfaces as is):
 * qop=auth-int (needs the body hash), `userhash=true`, algorithms other than the four below.
 */
import { randomHex, toHex, utf8Encode } from '../bytes.js';
import { unsupportedOnPlatform } from '../transport/capabilities.js';
import { nodeFeatures, platformLabel } from '../transport/platform.js';
import type { BasicCredentials } from './types.js';

export interface DigestChallenge {
  readonly realm: string;
  readonly nonce: string;
  readonly opaque?: string;
  /** Upper-case: MD5, MD5-SESS, SHA-256, SHA-256-SESS. */
  readonly algorithm: string;
  /** The qop values offered (lower-case); empty for an RFC 2069 challenge without qop. */
  readonly qop: readonly string[];
  /** The server says the nonce expired but the credentials were right: retry with the new one. */
  readonly stale: boolean;
  readonly userhash: boolean;
}

const HASH_BY_ALGORITHM: Readonly<Record<string, 'md5' | 'sha256'>> = {
  MD5: 'md5',
  'MD5-SESS': 'md5',
  'SHA-256': 'sha256',
  'SHA-256-SESS': 'sha256',
};

/** RFC 7616 §3.9.1 examples use 32 bytes of entropy for cnonce; 16 is plenty and shorter. */
const CNONCE_BYTES = 16;

/** Algorithms ranked by preference when a server offers several Digest challenges. */
const PREFERENCE = ['SHA-256', 'SHA-256-SESS', 'MD5', 'MD5-SESS'];

interface Challenge {
  readonly scheme: string;
  readonly params: Map<string, string>;
}

/**
 * Splits WWW-Authenticate values into challenges: `Basic realm="a", Digest realm="b", nonce="c"`.
 * A token followed by '=' is a parameter; a bare token starts a new challenge.
 */
function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let index = 0;
  const length = header.length;
  const skip = (chars: string): void => {
    while (index < length && chars.includes(header[index])) index++;
  };
  while (index < length) {
    skip(' \t,');
    const start = index;
    while (index < length && !' \t,='.includes(header[index])) index++;
    const token = header.slice(start, index);
    if (token === '') {
      index++;
      continue;
    }
    skip(' \t');
    if (header[index] === '=' && challenges.length > 0 && header[index + 1] !== '=') {
      index++;
      skip(' \t');
      let value = '';
      if (header[index] === '"') {
        index++;
        while (index < length && header[index] !== '"') {
          if (header[index] === '\\' && index + 1 < length) index++;
          value += header[index++];
        }
        index++;
      } else {
        const valueStart = index;
        while (index < length && header[index] !== ',') index++;
        value = header.slice(valueStart, index).trim();
      }
      challenges[challenges.length - 1].params.set(token.toLowerCase(), value);
    } else {
      // token68 forms (`Bearer abc==`) are not needed for Digest: skip to the next comma.
      if (header[index] === '=') while (index < length && header[index] !== ',') index++;
      challenges.push({ scheme: token.toLowerCase(), params: new Map() });
    }
  }
  return challenges;
}

/** The best Digest challenge this runtime can answer, or undefined. */
export function parseDigestChallenge(header: string | readonly string[] | undefined): DigestChallenge | undefined {
  if (header === undefined) return undefined;
  const candidates: DigestChallenge[] = [];
  for (const value of typeof header === 'string' ? [header] : header) {
    for (const challenge of parseChallenges(value)) {
      if (challenge.scheme !== 'digest') continue;
      const { params } = challenge;
      const realm = params.get('realm');
      const nonce = params.get('nonce');
      const algorithm = (params.get('algorithm') ?? 'MD5').toUpperCase();
      const qop = (params.get('qop') ?? '')
        .split(',')
        .map((q) => q.trim().toLowerCase())
        .filter((q) => q !== '');
      if (realm === undefined || nonce === undefined || HASH_BY_ALGORITHM[algorithm] === undefined) continue;
      if (qop.length > 0 && !qop.includes('auth')) continue;
      const opaque = params.get('opaque');
      candidates.push({
        realm,
        nonce,
        algorithm,
        qop,
        stale: params.get('stale')?.toLowerCase() === 'true',
        userhash: params.get('userhash')?.toLowerCase() === 'true',
        ...(opaque === undefined ? {} : { opaque }),
      });
    }
  }
  const usable = candidates.filter((c) => !c.userhash);
  usable.sort((a, b) => PREFERENCE.indexOf(a.algorithm) - PREFERENCE.indexOf(b.algorithm));
  return usable[0];
}

export interface DigestRequest {
  readonly method: string;
  /** The request target as sent: path and query (`/dir/index.html?x=1`). */
  readonly uri: string;
  /** How many times this nonce has been used, starting at 1. */
  readonly nonceCount: number;
  /** Client nonce; random when omitted (tests pass a fixed one). */
  readonly cnonce?: string;
}

const QUOTED_STRING_SPECIALS = /[\\"]/g;

function quote(value: string): string {
  return `"${value.replace(QUOTED_STRING_SPECIALS, '\\$&')}"`;
}

/**
 * Hex digest of a UTF-8 string: node:crypto through the Node entry (Node, Deno, Bun), else
 * WebCrypto, which has SHA-256 but no MD5: an MD5 challenge there is an InvalidArgumentError
 * naming the platform.
 */
async function hashHex(algorithm: 'md5' | 'sha256', text: string): Promise<string> {
  const node = nodeFeatures();
  if (node !== undefined) return node.hashHex(algorithm, text);
  if (algorithm === 'md5')
    throw unsupportedOnPlatform(
      'HTTP Digest auth with MD5',
      platformLabel(),
      'WebCrypto has no MD5; ask the server for algorithm=SHA-256, or call it from Node, Deno or Bun.',
    );
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8Encode(text) as Uint8Array<ArrayBuffer>)));
}

/** The Authorization header value answering `challenge` (RFC 7616 §3.4). */
export async function digestAuthorization(
  challenge: DigestChallenge,
  credentials: BasicCredentials,
  request: DigestRequest,
): Promise<string> {
  const hashName = HASH_BY_ALGORITHM[challenge.algorithm]!;
  const hash = (text: string): Promise<string> => hashHex(hashName, text);
  const cnonce = request.cnonce ?? randomHex(CNONCE_BYTES);
  const nc = request.nonceCount.toString(16).padStart(8, '0');
  let ha1 = await hash(`${credentials.username}:${challenge.realm}:${credentials.password}`);
  if (challenge.algorithm.endsWith('-SESS')) ha1 = await hash(`${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 = await hash(`${request.method}:${request.uri}`);
  const withQop = challenge.qop.length > 0;
  const response = withQop
    ? await hash(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:auth:${ha2}`)
    : await hash(`${ha1}:${challenge.nonce}:${ha2}`);
  const parts = [
    `username=${quote(credentials.username)}`,
    `realm=${quote(challenge.realm)}`,
    `uri=${quote(request.uri)}`,
    `algorithm=${challenge.algorithm === 'MD5-SESS' ? 'MD5-sess' : challenge.algorithm === 'SHA-256-SESS' ? 'SHA-256-sess' : challenge.algorithm}`,
    `nonce=${quote(challenge.nonce)}`,
  ];
  if (withQop) parts.push(`nc=${nc}`, `cnonce=${quote(cnonce)}`, 'qop=auth');
  parts.push(`response=${quote(response)}`);
  if (challenge.opaque !== undefined) parts.push(`opaque=${quote(challenge.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}
