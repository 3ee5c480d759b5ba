/**
 * Reading one scheme's credential: calling providers, telling the credential shapes apart, and
 * checking a value can travel in a header. Shared by applyAuth (per attempt) and refreshOn401.
 * No message here ever contains a credential value.
 */
import { InvalidArgumentError, SdkError } from '../errors.js';
import type {
  Credential,
  OAuth2ClientCredentials,
  RequestSigner,
  SelectedScheme,
  TokenProviderContext,
} from './types.js';

/** Same set as undici's header-value check: controls (CR, LF, NUL ...) and beyond Latin-1. */
const HEADER_VALUE_FORBIDDEN = /[^\t\x20-\x7e\x80-\xff]/;

const PER_ATTEMPT: TokenProviderContext = Object.freeze({ forceRefresh: false });

export function isSigner(credential: Credential): credential is RequestSigner {
  return (
    typeof credential === 'object' &&
    credential !== null &&
    typeof (credential as Partial<RequestSigner>).sign === 'function'
  );
}

export function isClientCredentials(credential: unknown): credential is OAuth2ClientCredentials {
  return typeof credential === 'object' && credential !== null && 'clientId' in credential;
}

/** The string credential of a token / key scheme: the value itself, or what its provider returns. */
export async function secretValue(
  selected: SelectedScheme,
  context: TokenProviderContext = PER_ATTEMPT,
): Promise<string> {
  const credential: Credential = selected.credential;
  if (typeof credential === 'string') return credential;
  if (typeof credential === 'function') {
    let value: unknown;
    try {
      value = await credential(context);
    } catch (error) {
      throw new SdkError(`auth scheme "${selected.name}": the credential provider failed`, { cause: error });
    }
    if (typeof value !== 'string' || value === '') {
      throw new InvalidArgumentError(
        `auth scheme "${selected.name}": the credential provider returned ${value === '' ? 'an empty string' : typeof value}, expected a non-empty string`,
      );
    }
    return value;
  }
  const oauth =
    selected.scheme.type === 'oauth2' ? ', or { clientId, clientSecret } for the client credentials flow' : '';
  throw new InvalidArgumentError(
    `auth scheme "${selected.name}" (${selected.scheme.type}) takes a string or a function returning one${oauth}; got ${credential === null ? 'null' : typeof credential}`,
  );
}

export function checkedHeaderValue(schemeName: string, value: string): string {
  if (HEADER_VALUE_FORBIDDEN.test(value)) {
    throw new InvalidArgumentError(
      `auth scheme "${schemeName}": the credential contains CR, LF, NUL or another character a header cannot carry; refusing to send it`,
    );
  }
  return value;
}
