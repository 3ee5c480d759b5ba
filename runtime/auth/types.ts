/** Credential shapes of the `auth` client option (keys = securitySchemes names as in the spec). */
import type { SecuritySchemeDescriptor } from '../descriptor.js';
import type { EnvironmentVariables } from '../env.js';
import type { Transport } from '../transport/types.js';

/** What a token provider is told when it is called. */
export interface TokenProviderContext {
  /**
   * True when the server just answered 401 to the token this provider returned last: a provider
   * that caches should fetch a new token instead of returning the cached one.
   */
  readonly forceRefresh: boolean;
}

/** A function returning the current credential; called before every attempt. */
export type TokenProvider = (context: TokenProviderContext) => string | Promise<string>;

/**
 * http bearer, oauth2 and openIdConnect schemes: a token, or a provider called before every
 * attempt (so a rotated token is picked up on a retry without a new client), and once more with
 * `forceRefresh: true` after a 401.
 */
export type BearerToken = string | TokenProvider;

/**
 * OAuth 2.0 client credentials grant (RFC 6749 §4.4) for an oauth2 scheme (or a bearer scheme
 * whose tokens come from a token endpoint): the runtime fetches, caches and refreshes the token.
 */
export interface OAuth2ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Requested scopes, sent space-separated. Absent: no `scope` parameter (the server's default scope). */
  readonly scopes?: readonly string[];
  /** Overrides the spec's `flows.clientCredentials.tokenUrl`; relative URLs resolve against the base URL. */
  readonly tokenUrl?: string;
  /**
   * How the client authenticates to the token endpoint (RFC 6749 §2.3.1): HTTP Basic (the
   * default, which servers MUST support) or `client_id`/`client_secret` in the form body.
   */
  readonly authMethod?: 'client_secret_basic' | 'client_secret_post';
  /** Extra form parameters for the token request, e.g. Auth0's `audience` or Azure's `resource`. */
  readonly params?: Readonly<Record<string, string>>;
}

/**
 * A custom scheme (HMAC request signing and the like): `sign` is called per attempt with the
 * final request and sets the headers it needs.
 */
export interface RequestSigner {
  readonly sign: Signer;
}

/** http basic (and digest) schemes. RFC 7617: the username cannot contain ':'. */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

/** apiKey schemes: the key, or a provider called before every attempt. */
export type ApiKey = string | TokenProvider;

export type Credential = BearerToken | BasicCredentials | OAuth2ClientCredentials | RequestSigner;

/**
 * The `auth` option as the runtime sees it. A scheme left out (or undefined) falls back to its
 * environment variable; `null` turns the scheme off, environment included.
 */
export type AuthOption = Readonly<Record<string, Credential | null | undefined>>;

/** Where environment variables are read from (process.env by default; tests pass their own). */
export type AuthEnv = EnvironmentVariables;

/** One scheme the call will apply, with the credential it will use. */
export interface SelectedScheme {
  /** The securitySchemes name. */
  readonly name: string;
  readonly scheme: SecuritySchemeDescriptor;
  readonly credential: Credential;
  /** Set when the credential is OAuth2ClientCredentials: the client's token cache for this scheme. */
  readonly tokens?: TokenSource;
  /** Where the credential came from: the `auth` option or an environment variable (named). */
  readonly source: 'option' | { readonly env: readonly string[] };
}

/** Which credentials an operation call sends (AND: all of `schemes`). */
export interface ResolvedAuth {
  /** Empty: no credentials are sent. */
  readonly schemes: readonly SelectedScheme[];
  /**
   * Set when the operation requires credentials but none of its alternatives is fully configured:
   * a hint naming the options and environment variables that would satisfy it. The request is
   * still sent without credentials (a server may accept it); the client can put this hint into
   * the message of a 401/403 error.
   */
  readonly missing?: string;
}

/** Credentials rendered for one attempt, ready to merge into the request. */
export interface AuthParts {
  readonly headers: Record<string, string>;
  /** Encoded `k=v&k=v` fragment without a leading '&'; '' when none. */
  readonly query: string;
  /** Cookie pairs, values encoded. */
  readonly cookies: Array<[string, string]>;
}

/** The header, query and cookie names the API's schemes put secrets in (headers lower-case). */
export interface SecretNames {
  readonly headers: readonly string[];
  readonly query: readonly string[];
  readonly cookies: readonly string[];
}

export interface SignableRequest {
  readonly method: string;
  /** The absolute URL as it will be sent, auth query parameters included. */
  readonly url: string;
  /** The request's headers; the signer adds or replaces entries here (names are lower-cased after). */
  readonly headers: Record<string, string>;
  /** The exact bytes (or text, sent as UTF-8) of the body; undefined when there is none. */
  readonly body: Uint8Array | string | undefined;
}

export type Signer = (request: SignableRequest) => void | Promise<void>;

export interface TokenFetchOptions {
  /** The client's base URL: a relative tokenUrl resolves against it. */
  readonly baseUrl?: string | URL;
  /** The client's transport: the token request goes through the same pool, proxy and TLS (or fetch). */
  readonly transport?: Transport;
  readonly allowInsecureAuth?: boolean;
  /** Stops this caller's wait (not the shared request, which other callers may be waiting on). */
  readonly signal?: AbortSignal;
}

/**
 * A cache of access tokens for one scheme (auth/oauth2.ts's OAuth2TokenManager): the token to
 * send now, and forgetting one the server rejected.
 */
export interface TokenSource {
  token(options?: TokenFetchOptions): Promise<string>;
  invalidate(rejected?: string): void;
}
