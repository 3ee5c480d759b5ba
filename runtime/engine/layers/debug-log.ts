/**
 * Wire middleware: at logLevel 'debug', one line per request and per response with redacted
 * URL and headers, as they go to (and come from) the caller's middleware and the transport.
 */
import { redactHeaders, redactUrl } from '../../redact.js';
import type { SecretNames } from '../../auth/index.js';
import type { Middleware } from '../../transport/types.js';
import type { RuntimeLog } from '../../policies/logging.js';

export function debugLog(log: RuntimeLog, secrets: SecretNames): Middleware {
  return async (request, next) => {
    const sent = JSON.stringify(redactHeaders(request.headers, secrets.headers));
    log.debug(
      `[sdk] ${request.operationId} attempt ${request.attempt} -> ${request.method} ${redactUrl(request.url, secrets.query)} headers ${sent}`,
    );
    const response = await next(request);
    const received = JSON.stringify(
      redactHeaders(response.headers as Record<string, string | string[] | undefined>, secrets.headers),
    );
    log.debug(
      `[sdk] ${request.operationId} <- ${response.status} ${redactUrl(response.url, secrets.query)} headers ${received}`,
    );
    return response;
  };
}
