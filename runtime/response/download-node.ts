/**
 * Node's downloadToFile (installed by runtime/node.ts; response/download.ts is the public entry).
 * Download to a file, resuming after a dropped connection (the download helper
 * with resume). Streams to disk (never buffers the body); when the body breaks off, asks for the
 * rest with `Range: bytes=<written>-` (and `If-Range` with the strong ETag or Last-Modified of
 * the first response, so a file changed in between is sent whole instead of spliced), appends
 * on 206, starts over on 200, and checks the final size against Content-Length / Content-Range.
 *
 * Usage: pass a function that makes the call with the headers it is given:
 *
 *   const { bytes } = await downloadToFile(
 *     (headers) => client.files.download({ id }, { headers }),
 *     './report.pdf',
 *   );
 *
 * Bodies are requested with `Accept-Encoding: identity`: a Range counts bytes of the encoded
 * body, so resuming a decompressed stream would splice at the wrong offset.
 */
import { createWriteStream } from 'node:fs';
import { stat, truncate } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { InvalidArgumentError, AbortError, SdkError } from '../errors.js';
import type { BinaryResponse } from './binary-response.js';
import {
  DEFAULT_DOWNLOAD_ATTEMPTS,
  type DownloadOptions,
  type DownloadRequest,
  type DownloadResult,
} from './download.js';
import { headerValue } from './headers.js';

interface Progress {
  written: number;
  /** Expected size of the whole file, when the server said. */
  total: number | undefined;
  /** If-Range value: a strong ETag, else Last-Modified. */
  validator: string | undefined;
}

export async function downloadToFileOnNode(
  request: DownloadRequest,
  path: string,
  options: DownloadOptions,
): Promise<DownloadResult> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_DOWNLOAD_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new InvalidArgumentError(`maxAttempts must be a positive integer; got ${String(maxAttempts)}`);
  const progress: Progress = { written: 0, total: undefined, validator: undefined };
  let resumed = 0;
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const response = await request(rangeHeaders(progress));
    const append = progress.written > 0 && response.status === 206;
    if (append) {
      const range = parseContentRange(headerValue(response.headers, 'content-range'));
      if (range?.start !== progress.written) {
        response.cancel();
        throw new SdkError(
          `download: asked for bytes from ${progress.written} but the server sent ${headerValue(response.headers, 'content-range') ?? 'no Content-Range'}`,
        );
      }
      progress.total ??= range.total;
      resumed++;
    } else {
      // A first answer, or a server that ignored Range / If-Range said the file changed: start over.
      progress.written = 0;
      progress.total = expectedTotal(response);
      progress.validator = validatorOf(response);
    }
    let failure: unknown;
    const file = createWriteStream(path, { flags: append ? 'a' : 'w' });
    try {
      await pipeline(response.stream(), file);
    } catch (error) {
      failure = error;
    } finally {
      // pipeline() rejects as soon as the body breaks, while a write already handed to the file
      // system may still land: measuring before the file is closed would splice the resume at a
      // stale offset (and append a few bytes twice).
      if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    }
    if (failure instanceof AbortError) throw failure;
    // What reached the disk, not what was received: a write stream torn down mid-way may hold unwritten chunks.
    progress.written = (await stat(path)).size;
    const complete = progress.total === undefined ? failure === undefined : progress.written === progress.total;
    if (complete) return { path, bytes: progress.written, attempts: attempt, resumed };
    if (progress.total !== undefined && progress.written > progress.total) {
      // Longer than announced: nothing on disk can be trusted, so the next request starts over.
      await truncate(path, 0);
      progress.written = 0;
    }
    lastError = failure ?? new SdkError(`download: the body ended at ${progress.written} of ${progress.total} bytes`);
  }
  throw new SdkError(
    `download of ${path} incomplete after ${maxAttempts} attempts (${progress.written} of ${progress.total ?? '?'} bytes): ${String((lastError as Error | undefined)?.message ?? 'body cut short')}`,
    { cause: lastError },
  );
}

function rangeHeaders(progress: Progress): Record<string, string> {
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  if (progress.written > 0) {
    headers.range = `bytes=${progress.written}-`;
    if (progress.validator !== undefined) headers['if-range'] = progress.validator;
  }
  return headers;
}

/** RFC 9110 13.1.5: If-Range takes a strong ETag (never a weak `W/` one) or an HTTP-date. */
function validatorOf(response: BinaryResponse): string | undefined {
  const etag = headerValue(response.headers, 'etag');
  if (etag !== undefined && !etag.startsWith('W/')) return etag;
  return headerValue(response.headers, 'last-modified');
}

function expectedTotal(response: BinaryResponse): number | undefined {
  if (response.status === 206) return parseContentRange(headerValue(response.headers, 'content-range'))?.total;
  return response.contentLength;
}

/** `bytes 100-999/1000` -> { start: 100, total: 1000 }; total undefined for `/*`. */
function parseContentRange(value: string | undefined): { start: number; total: number | undefined } | undefined {
  const match = /^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i.exec(value?.trim() ?? '');
  if (!match) return undefined;
  return { start: Number(match[1]), total: match[3] === '*' ? undefined : Number(match[3]) };
}
