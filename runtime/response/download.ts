/**
 * downloadToFile, the public name: streams a binary response to a file, resuming after a dropped
 * connection (response/download-node.ts). It writes to the file system, so it needs the Node
 * entry (Node, Deno, Bun); in a browser or worker it fails with an InvalidArgumentError naming
 * the platform, and the body is read with bytes(), webStream() or `for await` instead.
 *
 *   const { bytes } = await downloadToFile(
 *     (headers) => client.files.download({ id }, { headers }),
 *     './report.pdf',
 *   );
 */
import type { BinaryResponse } from './binary-response.js';
import { unsupportedOnPlatform } from '../transport/capabilities.js';
import { platformLabel } from '../transport/platform.js';

/** Requests made per download (the first plus resumes): a link that drops every time should fail, not loop. */
export const DEFAULT_DOWNLOAD_ATTEMPTS = 5;

/** Makes the call with the extra headers the helper needs (Range, If-Range, Accept-Encoding). */
export type DownloadRequest = (headers: Record<string, string>) => PromiseLike<BinaryResponse>;

export interface DownloadOptions {
  /** Requests at most (the first plus resumes). Default DEFAULT_DOWNLOAD_ATTEMPTS. */
  readonly maxAttempts?: number;
}

export interface DownloadResult {
  readonly path: string;
  /** Final size of the file. */
  readonly bytes: number;
  /** Requests made (1 when nothing broke). */
  readonly attempts: number;
  /** Resumes answered with 206 (appended rather than restarted). */
  readonly resumed: number;
}

export function downloadToFile(
  request: DownloadRequest,
  path: string,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  if (nodeDownload === undefined) {
    return Promise.reject(
      unsupportedOnPlatform(
        'downloadToFile (writing to a file path)',
        platformLabel(),
        'Read the body with response.bytes(), response.webStream() or `for await` instead.',
      ),
    );
  }
  return nodeDownload(request, path, options);
}

type Download = (request: DownloadRequest, path: string, options: DownloadOptions) => Promise<DownloadResult>;

let nodeDownload: Download | undefined;

/** Called by the Node entry (runtime/node.ts) with the node:fs implementation (download-node.ts). */
export function installNodeDownload(download: Download): void {
  nodeDownload = download;
}
