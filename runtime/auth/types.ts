/** Credential shapes of the `auth` client option (keys = securitySchemes names as in the spec). */
import type { SecuritySchemeDescriptor } from '../descriptor.js';

/**
 * http bearer, oauth2 and openIdConnect schemes: a token, or a provider called before every
 * attempt (so a rotated token is picked up on a retry without a new client).
 */
export type BearerToken = string | (() => string | Promise<string>);

/** http basic (and digest) schemes. RFC 7617: the username cannot contain ':'. */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

/** apiKey schemes: the key, or a provider called before every attempt. */
export type ApiKey = string | (() => string | Promise<string>);

export type Credential = BearerToken | BasicCredentials;

/**
 * The `auth` option as the runtime sees it. A scheme left out (or undefined) falls back to its
 * environment variable; `null` turns the scheme off, environment included.
 */
export type AuthOption = Readonly<Record<string, Credential | null | undefined>>;

/** Where environment variables are read from (process.env by default; tests pass their own). */
export type AuthEnv = Readonly<Record<string, string | undefined>>;

/** One scheme the call will apply, with the credential it will use. */
export interface SelectedScheme {
  /** The securitySchemes name. */
  readonly name: string;
  readonly scheme: SecuritySchemeDescriptor;
  readonly credential: Credential;
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
