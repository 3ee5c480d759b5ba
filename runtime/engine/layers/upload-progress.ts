/**
 * Wire middleware: with an upload-progress callback, each send gets a fresh counting stream over
 * the encoded body (a retry or a replayed hop reports from 0 again) and its Content-Length when
 * known. Sits above the caller's middleware, which sees the counting body.
 */
import { withUploadProgress, type EncodedBody, type UploadProgressCallback } from '../../request/index.js';
import type { Middleware } from '../../transport/types.js';

export function uploadProgress(encoded: EncodedBody, callback: UploadProgressCallback): Middleware {
  return (request, next) => {
    // A redirect that turned the request into a GET dropped the body: nothing to count.
    if (request.body === null) return next(request);
    const progress = withUploadProgress(encoded, callback);
    const headers =
      progress.contentLength === undefined
        ? request.headers
        : { ...request.headers, 'content-length': String(progress.contentLength) };
    const { method, url, attempt, operationId } = request;
    return next({
      method,
      url,
      headers,
      body: progress.body,
      attempt,
      operationId,
      // Still lazy: a real AbortSignal only when middleware reads it.
      get signal(): AbortSignal {
        return request.signal;
      },
    });
  };
}
