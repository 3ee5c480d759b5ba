/**
 * What a transport cannot do, checked when the client is made: an option the platform cannot
 * honour is an InvalidArgumentError naming the option and the platform, never a ReferenceError
 * deep inside a call.
 */
import { InvalidArgumentError } from '../errors.js';

/** Options that need Node's sockets (undici's Agent): a fetch cannot be given them. */
const SOCKET_OPTIONS = ['dispatcher', 'proxy', 'tls', 'dangerouslyDisableTlsVerification'] as const;

type SocketOption = (typeof SOCKET_OPTIONS)[number];

const WHY: Readonly<Record<SocketOption, string>> = {
  dispatcher: 'fetch brings its own connection pool',
  proxy: "fetch has no proxy setting (Deno and Bun read HTTP(S)_PROXY themselves; a browser uses the system's)",
  tls: 'fetch cannot present a client certificate or trust a private CA',
  dangerouslyDisableTlsVerification: 'fetch cannot turn certificate checks off',
};

/**
 * @param platform  what the message names: 'the fetch transport', 'the browser', 'Deno', ...
 */
export function assertFetchCapable(options: Partial<Record<SocketOption, unknown>>, platform: string): void {
  for (const name of SOCKET_OPTIONS) {
    const value = options[name];
    if (value === undefined || value === false) continue;
    throw new InvalidArgumentError(
      `the ${name} option is not supported on ${platform}: ${WHY[name]}. Remove it (or run on Node without the fetch option).`,
    );
  }
}

/** A call-time refusal for a feature the platform lacks (file paths, downloadToFile, MD5 digest). */
export function unsupportedOnPlatform(feature: string, platform: string, instead: string): InvalidArgumentError {
  return new InvalidArgumentError(`${feature} is not supported on ${platform}. ${instead}`);
}
