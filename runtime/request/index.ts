/**
 * Request shaping: an operation descriptor + the caller's flat params -> the pieces of one HTTP
 * request (path, query, headers, cookies, body). Pure, synchronous, cached per descriptor.
 *
 * The client calls `buildRequest` once per call (not per attempt: the body of a replayable
 * request is reused as is on retries) and then merges base URL, default headers and auth.
 */
export { buildRequest, formatCookieHeader } from './build.js';
export { fileFromPath, isStreaming, isUploadable, toDispatchBody } from './uploadable.js';
export { encodeStrict, encodeAllowReserved } from './percent.js';
export {
  UPLOAD_PROGRESS_CHUNK_BYTES,
  withUploadProgress,
  type ProgressBody,
  type UploadProgressCallback,
  type UploadProgressEvent,
} from './progress.js';
export type { EncodedBody, ShapedRequest, Uploadable } from './types.js';
