/**
 * Turns what undici / node:net / node:tls throw into our error tree, and says whether the server
 * can have seen the request (the fact retries hinge on).
 */
import {
  InvalidArgumentError,
  ConnectTimeoutError,
  ConnectionError,
  ProxyError,
  SdkError,
  TlsError,
  type ErrorContext,
} from '../errors.js';
import { takeLateTlsAlert } from './late-tls-alert.js';

/** Failures where no connection was ever opened: the request cannot have reached the server. */
const NEVER_CONNECTED_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Certificate and handshake failures: permanent until someone fixes a certificate, never retried. */
function isTlsCode(code: string): boolean {
  return (
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code.includes('CERT') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' ||
    code === 'EPROTO'
  );
}

export interface ClassifiedError {
  readonly error: SdkError;
  /** unsent: retry is always safe; maybe-sent: only when idempotent; fatal: never. */
  readonly sent: 'unsent' | 'maybe-sent' | 'fatal';
  /** For the attempts history. */
  readonly code: string;
}

/** Finds the system/undici code on an error or its causes (undici wraps socket errors). */
function codeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    // Our own errors carry a class code (SDK_ERR_*); the system code of a ConnectionError is systemCode.
    const code =
      current instanceof SdkError
        ? (current as { systemCode?: unknown }).systemCode
        : (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET' && code !== 'UND_ERR') return code;
    current = (current as { cause?: unknown }).cause;
  }
  const top =
    error instanceof SdkError
      ? (error as { systemCode?: unknown }).systemCode
      : (error as { code?: unknown } | null)?.code;
  return typeof top === 'string' ? top : undefined;
}

export function classifyTransportError(
  error: unknown,
  context: ErrorContext & { connectTimeoutMs: number },
): ClassifiedError {
  // "other side closed" after a TLS alert (mTLS without a client certificate): the alert is the cause.
  const alert = (error as { code?: unknown } | null)?.code === 'UND_ERR_SOCKET' ? takeLateTlsAlert(error) : undefined;
  if (alert !== undefined) error = alert;
  const code = codeOf(error) ?? 'UNKNOWN';
  const what = `${context.method ?? ''} ${context.url ?? ''}`.trim();
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return {
      error: new ConnectTimeoutError(
        `${what}: no connection within the connect timeout of ${context.connectTimeoutMs} ms`,
        {
          ...context,
          timeoutMs: context.connectTimeoutMs,
          cause: error,
        },
      ),
      sent: 'unsent',
      code: 'CONNECT_TIMEOUT',
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isTlsCode(code)) {
    return {
      error: new TlsError(`${what}: TLS failed (${code}): ${message}`, { ...context, systemCode: code, cause: error }),
      sent: 'fatal',
      code,
    };
  }
  if (/proxy/i.test(message) && !NEVER_CONNECTED_CODES.has(code)) {
    return {
      error: new ProxyError(`${what}: the proxy failed: ${message}`, { ...context, systemCode: code, cause: error }),
      sent: 'fatal',
      code,
    };
  }
  if (code === 'UND_ERR_CLOSED' || code === 'UND_ERR_DESTROYED') {
    return { error: new SdkError(`${what}: the client was closed`, { ...context, cause: error }), sent: 'fatal', code };
  }
  if (
    code.startsWith('UND_ERR_INVALID') ||
    code === 'UND_ERR_NOT_SUPPORTED' ||
    code === 'ERR_INVALID_ARG_TYPE' ||
    code === 'ERR_INVALID_URL'
  ) {
    // A bug or bad input, not the network: raise it as is (wrapped), never retry.
    return {
      error: new InvalidArgumentError(`${what}: invalid request: ${message}`, { ...context, cause: error }),
      sent: 'fatal',
      code,
    };
  }
  const sent = NEVER_CONNECTED_CODES.has(code) ? 'unsent' : 'maybe-sent';
  return {
    error: new ConnectionError(`${what}: connection failed (${code}): ${message}`, {
      ...context,
      systemCode: code,
      cause: error,
    }),
    sent,
    code,
  };
}
